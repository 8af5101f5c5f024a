import { lowerCaseWord } from '../../model/lowerCaseWords';
import type { RestoreSessionEvent } from '../../model/restoreSession';

/** Event statuses that do not change any more (B.5.3). `Running`, and any word this client does not know, may. */
const SETTLED = new Set(['success', 'warning', 'failed', 'cancelled', 'skipped']);

export function isSettledEvent(event: RestoreSessionEvent): boolean {
  return SETTLED.has(lowerCaseWord(event.status));
}

/**
 * Where a re-read of a log that is known up to now starts: one record before the first that may still change (the
 * first unsettled one, else the first not read yet), so that the answer's first record can be checked against the
 * known one. 0: read it all.
 */
export function tailOffset(known: readonly RestoreSessionEvent[]): number {
  const firstOpen = known.findIndex((e) => !isSettledEvent(e));
  return Math.max(0, (firstOpen === -1 ? known.length : firstOpen) - 1);
}

/**
 * The whole log: the known records before `offset`, then the server's records from `offset` on; undefined when the two
 * do not line up (every re-read record still in the known range must be the known one at that position, same id and
 * order, and the log must not have shrunk), so that the caller reads it all rather than show a wrong log.
 */
export function mergeTail(
  known: readonly RestoreSessionEvent[],
  offset: number,
  tail: readonly RestoreSessionEvent[],
  totalCount: number | undefined,
): RestoreSessionEvent[] | undefined {
  if (offset > known.length) return undefined;
  if ((totalCount !== undefined && totalCount < known.length) || offset + tail.length < known.length) return undefined;
  for (let i = 0; i < tail.length && offset + i < known.length; i++) {
    const before = known[offset + i];
    if (tail[i].id !== before.id || tail[i].order !== before.order) return undefined;
  }
  return [...known.slice(0, offset), ...tail];
}
