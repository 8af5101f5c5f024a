import { parseVeeamTimestamp, toIso } from '../../model/veeamTimestamp';

/**
 * Backup & Replication date-times come with an offset, with `Z`, or with no zone at all (task sessions, SureBackup,
 * some token examples: shared/veeam-api-vbr.md §8). A zone-less one is the server's local clock, which the client
 * does not know: it is kept as text and never presented as UTC. Plain functions on the one string, so a list row
 * makes no objects for its times.
 */

/**
 * Epoch milliseconds of a valid date-time, reading a zone-less one as if it were UTC: only good for differences
 * between two times of the same kind (both zoned, or both on the server's clock). Undefined for missing, .NET's
 * `0001-01-01T00:00:00`, EM's 1753 minimum and anything unparsable.
 */
export function serverTimeMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseVeeamTimestamp(text);
}

/** Whether a date-time that parsed names its zone (`Z` or `±hh:mm`). */
export function hasZone(text: string): boolean {
  const t = text.trim();
  const last = t.charCodeAt(t.length - 1);
  if (last === 90 /* Z */ || last === 122 /* z */) return true;
  const sign = t.charCodeAt(t.length - 6);
  return (sign === 43 /* + */ || sign === 45 /* - */) && t.charCodeAt(t.length - 3) === 58 /* : */;
}

/** UTC ISO text of a zoned date-time; undefined when it is missing, unusable or carries no zone. */
export function zonedIso(text: string | undefined, ms: number | undefined): string | undefined {
  return text !== undefined && ms !== undefined && hasZone(text) ? toIso(ms) : undefined;
}

/** The text as sent of a valid zone-less date-time (server-local); undefined otherwise. */
export function localText(text: string | undefined, ms: number | undefined): string | undefined {
  return text !== undefined && ms !== undefined && !hasZone(text) ? text : undefined;
}

/** Milliseconds from start to end when both are on the same kind of clock and end is not before start. */
export function sameClockDuration(startText: string | undefined, startMs: number | undefined, endText: string | undefined, endMs: number | undefined): number | undefined {
  if (startText === undefined || endText === undefined || startMs === undefined || endMs === undefined) return undefined;
  if (hasZone(startText) !== hasZone(endText) || endMs < startMs) return undefined;
  return endMs - startMs;
}
