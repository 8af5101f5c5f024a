const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;

/** A percentage 0–100, or undefined for anything else (missing, non-numeric, out of range): unknown beats wrong. */
export function parseProgress(value: unknown): number | undefined {
  // Decimal text only: Number() would also read "0x10" or "1e1", which no Veeam server sends as a percentage.
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  // `|| 0` folds a JSON -0 into 0.
  return Math.round(n) || 0;
}
