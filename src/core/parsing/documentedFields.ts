import { CaseInsensitiveFields } from './caseInsensitiveFields';

/**
 * Reads the fields of a list row by their documented names first (EM: PascalCase, EM 13 and VB365: camelCase), and
 * only when neither is there falls back to a case-insensitive lookup. A list page holds thousands of rows with the
 * documented keys, and a plain property read costs a fraction of the key-case mapping.
 */
export class DocumentedFields {
  private fallback: CaseInsensitiveFields | undefined;

  constructor(readonly source: Readonly<Record<string, unknown>>) {}

  /** `documented`, else `alternate` (the other casing), else any casing of `documented`. */
  get(documented: string, alternate?: string): unknown {
    const value = this.source[documented];
    if (value !== undefined) return value;
    if (alternate !== undefined) {
      const other = this.source[alternate];
      if (other !== undefined) return other;
    }
    this.fallback ??= new CaseInsensitiveFields(this.source);
    return this.fallback.get(documented);
  }

  /** A string value, or undefined when absent, null or not a scalar. Numbers and booleans are stringified. */
  string(documented: string, alternate?: string): string | undefined {
    const v = this.get(documented, alternate);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }
}
