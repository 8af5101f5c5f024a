import { pairedRatio, summarise, type Sample } from './measurement';

/** One row of the benchmark table: a measured figure, its baseline, and the target it is held to. */
export interface BenchResult {
  case: string;
  metric: string;
  value: Sample | number;
  unit: string;
  baseline?: { label: string; value: Sample | number };
  /** value ÷ baseline (a Sample when computed run by run). */
  ratio?: Sample | number;
  target?: { description: string; met: boolean };
  note?: string;
}

/**
 * The row under a speed figure that shows its floor: the bare request plus the bare parse of its body, which no
 * client can avoid. When the floor itself is above the target, the target cannot be met against this simulator.
 */
export function floorRow(row: {
  case: string;
  /** What the floor parses with, for the metric label. */
  what: string;
  baselineLabel: string;
  times: { ours: number[]; baseline: number[]; floor: number[] };
  /** Ends "what … beyond the floor" in the note. */
  oursAdds: string;
}): BenchResult {
  const { ours, baseline, floor } = row.times;
  return {
    case: row.case,
    metric: `  floor: bare request + ${row.what}`,
    value: summarise(floor),
    unit: 'ms',
    baseline: { label: row.baselineLabel, value: summarise(baseline) },
    ratio: pairedRatio(floor, baseline),
    note: `ours ÷ floor ${pairedRatio(ours, floor).median.toFixed(2)}×: what ${row.oursAdds}`,
  };
}
