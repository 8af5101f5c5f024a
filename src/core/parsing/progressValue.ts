/** A percentage 0–100, or undefined for anything else (missing, non-numeric, out of range): unknown beats wrong. */
export function parseProgress(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return Math.round(n);
}
