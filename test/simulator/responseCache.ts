import type { SimResponse } from './simulatedExchange';

/**
 * Keeps the last few serialized answers of the big EM lists: a 10,000-session page is ~10 MB of XML, and
 * benchmarks ask for it repeatedly. Entries carry the data revision, so a moved session invalidates them.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { revision: number; response: SimResponse }>();

  constructor(private readonly capacity = 6) {}

  getOrBuild(key: string, revision: number, build: () => SimResponse): SimResponse {
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) return hit.response;
    const response = build();
    if (response.status !== 200) return response;
    this.entries.delete(key);
    this.entries.set(key, { revision, response });
    // Map iteration order is insertion order: the first key is the least recently stored.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return response;
  }
}
