/**
 * The p-th percentile (0–100) of ascending values, interpolating between the two nearest ranks (the spreadsheet
 * PERCENTILE.INC rule): the 50th is the usual median. undefined for no values.
 */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number | undefined {
  const n = sortedAscending.length;
  if (n === 0) return undefined;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const below = Math.floor(rank);
  const above = Math.min(n - 1, below + 1);
  return sortedAscending[below] + (sortedAscending[above] - sortedAscending[below]) * (rank - below);
}
