export type SimulatedApi = 'em' | 'vb365' | 'vbr';

export interface RequestCountFilter {
  api?: SimulatedApi;
  pathIncludes?: string;
  /** Matched against the request target as sent, path and query (`…/Events?offset=500&limit=500`). */
  targetIncludes?: string;
  method?: string;
}

interface Count {
  api: SimulatedApi;
  method: string;
  path: string;
  count: number;
}

/**
 * Counts requests by API, method and path, and by API, method and request target (path and query: which page of a
 * paged read), not per request, so soak runs stay small in memory.
 */
export class RequestCounter {
  private readonly counts = new Map<string, Count>();
  private readonly targets = new Map<string, Count>();

  record(api: SimulatedApi, method: string, path: string, target = path): void {
    add(this.counts, api, method, path);
    add(this.targets, api, method, target);
  }

  count(filter: RequestCountFilter = {}): number {
    let total = 0;
    const needle = (filter.targetIncludes ?? filter.pathIncludes)?.toLowerCase();
    const byTarget = filter.targetIncludes !== undefined;
    for (const entry of (byTarget ? this.targets : this.counts).values()) {
      if (filter.api && entry.api !== filter.api) continue;
      if (filter.method && entry.method !== filter.method.toUpperCase()) continue;
      if (needle !== undefined && !entry.path.toLowerCase().includes(needle)) continue;
      if (byTarget && filter.pathIncludes !== undefined && !entry.path.split('?')[0].toLowerCase().includes(filter.pathIncludes.toLowerCase())) continue;
      total += entry.count;
    }
    return total;
  }

  /** Request targets received (path and query) with their counts, for an API and a path part. */
  targetCounts(api: SimulatedApi, pathIncludes: string): Record<string, number> {
    const out: Record<string, number> = {};
    const needle = pathIncludes.toLowerCase();
    for (const entry of this.targets.values()) {
      if (entry.api === api && entry.path.split('?')[0].toLowerCase().includes(needle)) out[`${entry.method} ${entry.path}`] = entry.count;
    }
    return out;
  }

  /** `{ "em GET /api/restoreSessions": 3, … }` for the control endpoint. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, entry] of this.counts) out[key] = entry.count;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.targets.clear();
  }
}

function add(counts: Map<string, Count>, api: SimulatedApi, method: string, path: string): void {
  const key = `${api} ${method} ${path}`;
  const entry = counts.get(key);
  if (entry) entry.count++;
  else counts.set(key, { api, method, path, count: 1 });
}
