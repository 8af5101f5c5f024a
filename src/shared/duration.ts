/** Compact, human duration: `45s`, `3m 12s`, `1h 05m`, `2d 3h`. Negative or non-finite values read as `0s`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** Elapsed time of a session: its own duration when finished, else `now − creationTime`. */
export function sessionElapsedMs(
  session: { durationMs: number | undefined; creationTime: string | undefined },
  now: number,
): number | undefined {
  if (session.durationMs !== undefined) return session.durationMs;
  if (!session.creationTime) return undefined;
  const start = Date.parse(session.creationTime);
  return Number.isNaN(start) ? undefined : Math.max(0, now - start);
}
