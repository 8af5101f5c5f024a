import { CaseInsensitiveFields } from './caseInsensitiveFields';

/**
 * Reads a field of a list row by its documented name first (EM: PascalCase, EM 13 and VB365: camelCase), then by the
 * other casing, and only when neither is there by a case-insensitive lookup. A list page holds thousands of rows with
 * the documented keys, and a plain property read costs a fraction of the key-case mapping. Plain functions, not a
 * reader object: one object per row was garbage the collector then copied along with the freshly parsed page.
 */
export function documentedValue(source: Readonly<Record<string, unknown>>, documented: string, alternate?: string): unknown {
  const value = source[documented];
  if (value !== undefined) return value;
  if (alternate !== undefined) {
    const other = source[alternate];
    if (other !== undefined) return other;
  }
  return new CaseInsensitiveFields(source).get(documented);
}

/** A string value, or undefined when absent, null or not a scalar. Numbers and booleans are stringified. */
export function documentedString(source: Readonly<Record<string, unknown>>, documented: string, alternate?: string): string | undefined {
  const v = documentedValue(source, documented, alternate);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
