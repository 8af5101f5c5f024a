export type SimulatedApi = 'em' | 'vb365' | 'vbr';

export interface RequestCountFilter {
  api?: SimulatedApi;
  pathIncludes?: string;
  method?: string;
}

/** Counts requests by API, method and path (not per request, so soak runs stay small in memory). */
export class RequestCounter {
  private readonly counts = new Map<string, { api: SimulatedApi; method: string; path: string; count: number }>();

  record(api: SimulatedApi, method: string, path: string): void {
    const key = `${api} ${method} ${path}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { api, method, path, count: 1 });
  }

  count(filter: RequestCountFilter = {}): number {
    let total = 0;
    const needle = filter.pathIncludes?.toLowerCase();
    for (const entry of this.counts.values()) {
      if (filter.api && entry.api !== filter.api) continue;
      if (filter.method && entry.method !== filter.method.toUpperCase()) continue;
      if (needle !== undefined && !entry.path.toLowerCase().includes(needle)) continue;
      total += entry.count;
    }
    return total;
  }

  /** `{ "em GET /api/restoreSessions": 3, … }` for the control endpoint. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, entry] of this.counts) out[key] = entry.count;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}
