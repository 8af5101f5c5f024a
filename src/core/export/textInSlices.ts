/**
 * Rows per slice: csv-stringify takes 13–70 µs a row on a busy 2-core machine, so 250 rows stay well under the 50 ms
 * a stretch may take (1,000 did not: 64 ms).
 */
export const SLICE_ROWS = 250;

/**
 * A large export built slice by slice, with a turn of the event loop between slices: VS Code runs every extension
 * on one thread, and 50,000 rows rendered in one go held it (completions, hovers, other extensions) for most of a
 * second. Returns the parts in order, each ending on a row boundary, so they can be encoded one at a time too.
 */
export async function textInSlices<T>(items: readonly T[], render: (slice: readonly T[], first: boolean) => string, size = SLICE_ROWS): Promise<string[]> {
  const parts: string[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    parts.push(render(items.slice(start, start + size), start === 0));
  }
  return parts;
}
