/**
 * Reads object properties ignoring key case: EM 12 emits PascalCase JSON, EM 13 camelCase, and the XML
 * parser yields the element names; one reader serves all three.
 */
export class CaseInsensitiveFields {
  private readonly keys = new Map<string, string>();

  constructor(readonly source: Readonly<Record<string, unknown>>) {
    for (const key of Object.keys(source)) {
      const lower = key.toLowerCase();
      if (!this.keys.has(lower)) this.keys.set(lower, key);
    }
  }

  get(name: string): unknown {
    const key = this.keys.get(name.toLowerCase());
    return key === undefined ? undefined : this.source[key];
  }

  has(name: string): boolean {
    return this.keys.has(name.toLowerCase());
  }

  /** A string value, or undefined when absent, null or not a scalar. Numbers and booleans are stringified. */
  string(name: string): string | undefined {
    const v = this.get(name);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  object(name: string): CaseInsensitiveFields | undefined {
    const v = this.get(name);
    return isPlainRecord(v) ? new CaseInsensitiveFields(v) : undefined;
  }

  /** A list: arrays as they are, a single object as a one-item list. */
  list(name: string): unknown[] {
    const v = this.get(name);
    if (Array.isArray(v)) return v;
    return v === undefined || v === null || v === '' ? [] : [v];
  }

  /** Own keys whose lower-case form is not in `known`: the fields a newer server added. */
  unknownEntries(known: ReadonlySet<string>): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    for (const key of Object.keys(this.source)) {
      if (!known.has(key.toLowerCase())) out.push([key, this.source[key]]);
    }
    return out;
  }
}

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds a prototype-free record, so hostile keys such as `__proto__` stay plain data. */
export function safeRecord(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
