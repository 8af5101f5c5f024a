/**
 * Most-recently-used ordering of server ids (no secrets; persisted by the caller in globalState).
 * Immutable: every change returns a new list.
 */
export class RecentServers {
  constructor(
    readonly ids: readonly string[] = [],
    private readonly max = 20,
  ) {}

  /** Moves `id` to the front. */
  touch(id: string): RecentServers {
    return new RecentServers([id, ...this.ids.filter((x) => x !== id)].slice(0, this.max), this.max);
  }

  /** Drops ids of servers that no longer exist. */
  retain(existing: readonly string[]): RecentServers {
    const keep = new Set(existing);
    return new RecentServers(this.ids.filter((x) => keep.has(x)), this.max);
  }

  /** Sorts items so recently used ones come first (in MRU order), the rest keep their order. */
  order<T>(items: readonly T[], idOf: (item: T) => string): T[] {
    const rank = new Map(this.ids.map((id, i) => [id, i]));
    return items
      .map((item, index) => ({ item, index, rank: rank.get(idOf(item)) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((x) => x.item);
  }

  static fromStored(value: unknown): RecentServers {
    return new RecentServers(Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
  }
}
