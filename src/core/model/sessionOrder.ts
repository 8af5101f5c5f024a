import type { RestoreSessionSummary } from './restoreSession';

/**
 * Newest first by creation time; sessions without one keep their server order at the end. Returns the same array
 * when it is in order already (servers sort their lists, so that is the usual case, and it costs one pass).
 */
export function sortNewestFirst<T extends Pick<RestoreSessionSummary, 'creationTime'>>(sessions: T[]): T[] {
  // creationTime is always toIso's fixed-width UTC form with a four-digit year (the parsers accept no other), so
  // string order is time order: no Date.parse per row.
  let sorted = true;
  for (let i = 1; i < sessions.length && sorted; i++) sorted = newerOrSame(sessions[i - 1].creationTime, sessions[i].creationTime);
  if (sorted) return sessions;
  const keyed = sessions.map((s, i) => ({ s, i }));
  keyed.sort((a, b) => (a.s.creationTime === b.s.creationTime ? a.i - b.i : newerOrSame(a.s.creationTime, b.s.creationTime) ? -1 : 1));
  return keyed.map((k) => k.s);
}

function newerOrSame(a: string | undefined, b: string | undefined): boolean {
  if (b === undefined) return true;
  return a !== undefined && a >= b;
}
