/**
 * How big a hardening run is. `npm run test:unit` runs the quick form; `npm run test:reliability` sets
 * RELIABILITY=full. FC_SEED replays a fast-check run (the seed is printed with every failure).
 */
export type ReliabilityMode = 'quick' | 'full';

export const RELIABILITY_MODE: ReliabilityMode = process.env.RELIABILITY === 'full' ? 'full' : 'quick';

const DEFAULT_SEED = 20260517;

function seedFromEnvironment(): number {
  const raw = process.env.FC_SEED;
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(parsed) ? parsed : DEFAULT_SEED;
}

export const FUZZ_SEED = seedFromEnvironment();

/** fast-check runs per property: ~2,000 in the quick form, 20,000+ in the full one (FC_NUM_RUNS overrides). */
export function fuzzRuns(quick: number, full: number): number {
  const override = Number(process.env.FC_NUM_RUNS);
  if (Number.isSafeInteger(override) && override > 0) return override;
  return RELIABILITY_MODE === 'full' ? full : quick;
}

/** A size for non-fuzz loops (soak rounds): small when quick. */
export function scaled(quick: number, full: number): number {
  return RELIABILITY_MODE === 'full' ? full : quick;
}
