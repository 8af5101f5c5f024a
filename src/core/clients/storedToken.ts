import type { TokenStore } from './restoreSessionClient';

/**
 * Reads and writes one JSON-serialised credential object through an optional TokenStore. A store that
 * fails or holds something unreadable counts as empty: the client then signs in again.
 */
export class StoredToken<T> {
  constructor(
    private readonly store: TokenStore | undefined,
    private readonly isValid: (value: unknown) => value is T,
  ) {}

  async load(): Promise<T | undefined> {
    if (!this.store) return undefined;
    try {
      const text = await this.store.load();
      if (!text) return undefined;
      const value: unknown = JSON.parse(text);
      return this.isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async save(value: T | undefined): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.save(value === undefined ? undefined : JSON.stringify(value));
    } catch {
      // Persisting only saves a logon on the next start; failing to do so must not fail the request.
    }
  }
}
