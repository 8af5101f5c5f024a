import { isPossiblyRunning } from '../model/restoreSession';
import { parseVeeamTimestamp } from '../model/veeamTimestamp';
import type { TimelineEntry } from './timelineEntry';

/** What a bar's colour and icon say: the state while it may run, else the outcome. */
export type BarTone = 'running' | 'success' | 'warning' | 'failed' | 'stopped' | 'unknown';

/** Where a session sits on the time axis, before any window is applied. Epoch milliseconds. */
export interface BarPlacement {
  start: number;
  /** undefined while the session may still run: its bar ends at "now", whenever that is drawn. */
  fixedEnd: number | undefined;
  tone: BarTone;
  /** A time came without a zone (server clock): placed as if the server kept the viewer's zone, so approximate. */
  zoneless: boolean;
  /** The server said it ended before it started (clock skew): the end was moved to the start. */
  skewed: boolean;
  /** Finished, but neither an end time nor a duration was given: drawn as a point at its start. */
  endUnknown: boolean;
}

export function barTone(entry: Pick<TimelineEntry, 'state' | 'result'>): BarTone {
  if (entry.state === 'running' || entry.state === 'stopping') return 'running';
  if (entry.state === 'unknown') return 'unknown';
  switch (entry.result) {
    case 'success':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'failed';
    default:
      return 'stopped';
  }
}

/**
 * Epoch ms of a session time: the zoned UTC text when there is one, else the zone-less server text read in the
 * viewer's zone (`zonelessOffsetMs` east of UTC). The server's zone is unknown to the client: the bar is flagged.
 */
function timeOf(utc: string | undefined, local: string | undefined, zonelessOffsetMs: number): { ms: number; zoneless: boolean } | undefined {
  const zoned = parseVeeamTimestamp(utc);
  if (zoned !== undefined) return { ms: zoned, zoneless: false };
  // parseVeeamTimestamp reads zone-less text as UTC; the viewer's offset turns that wall-clock time into an instant.
  const wall = parseVeeamTimestamp(local);
  return wall === undefined ? undefined : { ms: wall - zonelessOffsetMs, zoneless: true };
}

/** The bar of one session; undefined when it has no usable start time (it cannot be placed, only counted). */
export function placeBar(entry: TimelineEntry, zonelessOffsetMs: number): BarPlacement | undefined {
  const start = timeOf(entry.creationTime, entry.creationTimeLocal, zonelessOffsetMs);
  if (!start) return undefined;
  const tone = barTone(entry);
  const end = timeOf(entry.endTime, entry.endTimeLocal, zonelessOffsetMs);
  // Mixed clocks (one time zoned, the other not) are as uncertain as two zone-less ones.
  const zoneless = start.zoneless || (end?.zoneless ?? false);
  let fixedEnd: number | undefined;
  let endUnknown = false;
  if (end) fixedEnd = end.ms;
  else if (isPossiblyRunning(entry)) fixedEnd = undefined;
  else if (entry.durationMs !== undefined && Number.isFinite(entry.durationMs)) fixedEnd = start.ms + entry.durationMs;
  else {
    fixedEnd = start.ms;
    endUnknown = true;
  }
  let skewed = false;
  if (fixedEnd !== undefined && fixedEnd < start.ms) {
    fixedEnd = start.ms;
    skewed = true;
  }
  return { start: start.ms, fixedEnd, tone, zoneless, skewed, endUnknown };
}

/**
 * The end a bar is drawn to at `now`: its own end, or `now` while it may run. A running session whose start lies
 * after `now` (the server's clock ahead of ours) ends at its start and counts as skewed.
 */
export function barEnd(placement: BarPlacement, now: number): { end: number; skewed: boolean } {
  if (placement.fixedEnd !== undefined) return { end: placement.fixedEnd, skewed: placement.skewed };
  return now < placement.start ? { end: placement.start, skewed: true } : { end: now, skewed: false };
}
