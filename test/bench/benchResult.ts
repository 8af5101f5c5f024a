import type { Sample } from './measurement';

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
