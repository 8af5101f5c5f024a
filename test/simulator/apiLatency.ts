import type { SimulatedApi } from './requestCounter';

/** Milliseconds each API holds every response back (server-side, a timer: no CPU spent); absent = unchanged. */
export type ApiLatency = Partial<Record<SimulatedApi, number>>;

const APIS: readonly SimulatedApi[] = ['em', 'vb365', 'vbr'];

/** Validates per-API latencies from options, the control endpoint or the CLI. */
export function checkApiLatency(input: unknown): ApiLatency {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('latency must be a JSON object like {"em":20}');
  const out: ApiLatency = {};
  for (const [key, value] of Object.entries(input)) {
    if (!APIS.includes(key as SimulatedApi)) throw new Error(`unknown API in latency: ${key} (em, vb365, vbr)`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`latency of ${key} must be a non-negative number of milliseconds`);
    out[key as SimulatedApi] = value;
  }
  return out;
}
