/** Repeated timing with a median and its spread: these machines are shared and noisy, so one run means nothing. */

export interface Sample {
  /** Median of the runs, in the unit of the measured function (milliseconds for timings). */
  median: number;
  /** Interquartile range: where the middle half of the runs fell. */
  p25: number;
  p75: number;
  runs: number;
}

export function summarise(values: number[]): Sample {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), runs: values.length };
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export type Measured = () => Promise<unknown> | unknown;

/**
 * Times several functions in rounds, each round in a fresh random order (seeded, so a run can be repeated): with a
 * fixed rotation (A B C, B C A, C A B) B followed A in two rounds of three, so whatever A left behind (garbage, socket
 * events) was billed to B more often than to the others. Before every timed call the event loop gets one turn, so
 * the previous call's leftovers run untimed. `warmup` untimed rounds first. `beforeEach` runs untimed before every
 * timed call (a full collection, so no function pays for another's garbage).
 * Returns the milliseconds of every round per name, in round order, so ratios can be taken round by round.
 */
export async function timeRounds<K extends string>(
  candidates: Record<K, Measured>,
  options: { runs: number; warmup: number; seed?: number; beforeEach?: () => Promise<void> | void },
): Promise<Record<K, number[]>> {
  const names = Object.keys(candidates) as K[];
  for (let i = 0; i < options.warmup; i++) for (const name of names) await candidates[name]();
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const random = seededRandom(options.seed ?? 1);
  for (let round = 0; round < options.runs; round++) {
    for (const name of shuffled(names, random)) {
      await options.beforeEach?.();
      await nextTurn();
      times[name].push(await time(candidates[name]));
    }
  }
  return times;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Fisher–Yates with the given source of randomness. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** mulberry32: a small, good-enough PRNG for ordering rounds. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ratio a ÷ b taken round by round, then summarised: a paired comparison, robust to load drift between rounds. */
export function pairedRatio(a: number[], b: number[]): Sample {
  if (a.length !== b.length) throw new Error('paired samples differ in length');
  return summarise(a.map((v, i) => v / b[i]));
}

/** Interleaved A/B timing of two functions: both samples and the round-by-round ratio candidate ÷ baseline. */
export async function timePair(
  candidate: Measured,
  baseline: Measured,
  options: { runs: number; warmup: number },
): Promise<{ candidate: Sample; baseline: Sample; ratio: Sample }> {
  const t = await timeRounds({ candidate, baseline }, options);
  return { candidate: summarise(t.candidate), baseline: summarise(t.baseline), ratio: pairedRatio(t.candidate, t.baseline) };
}

export async function time(fn: Measured): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function formatSample(s: Sample, digits = 2): string {
  return `${s.median.toFixed(digits)} [${s.p25.toFixed(digits)}–${s.p75.toFixed(digits)}]`;
}
