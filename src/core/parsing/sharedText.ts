/**
 * One copy of text that repeats across a list: link relations and types, and the parent server's link on every
 * session. JSON.parse and the XML parser give each occurrence its own string; 50,000 loaded sessions carried
 * ~150,000 copies of a handful of values. Bounded, so unique text passing through cannot grow it without limit.
 */
const LIMIT = 2000;
const pool = new Map<string, string>();

export function sharedText(text: string): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  if (pool.size >= LIMIT) pool.clear();
  pool.set(text, text);
  return text;
}
