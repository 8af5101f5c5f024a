/** Counts of the process's live handles by type (`Timeout`, `TCPSocketWrap`, `TCPServerWrap`, …), Node ≥ 17. */
export function activeResourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Types whose count grew from `before` to `after`, as `Timeout 3 → 5`; empty when nothing grew. */
export function grownResources(before: Map<string, number>, after: Map<string, number>, types: readonly string[]): string[] {
  return types.filter((t) => (after.get(t) ?? 0) > (before.get(t) ?? 0)).map((t) => `${t} ${before.get(t) ?? 0} → ${after.get(t) ?? 0}`);
}
