/** Timestamps as the servers print them: UTC, 0–7 fractional digits with trailing zeros trimmed. */
export interface SimTimestamp {
  /** Milliseconds since the epoch, for comparing and sorting. */
  ms: number;
  /** The exact text the server emits. */
  text: string;
}

/**
 * `fractionDigits` is how many of the 7 .NET tick digits are kept before trimming zeros;
 * `subMsTicks` (0–9999) supplies the digits below one millisecond.
 */
export function timestamp(ms: number, fractionDigits: number, subMsTicks = 0): SimTimestamp {
  const whole = Math.floor(ms / 1000) * 1000;
  const base = new Date(whole).toISOString().slice(0, 19);
  const ticks = String((ms - whole) * 10000 + subMsTicks).padStart(7, '0');
  const fraction = ticks.slice(0, Math.max(0, Math.min(7, fractionDigits))).replace(/0+$/, '');
  return { ms, text: `${base}${fraction ? '.' + fraction : ''}Z` };
}

/**
 * The end of a session generated as finished: its start plus its run time, but never after `anchorMs` (the moment
 * the data is made). A restore that began ten minutes ago cannot have finished an hour from now; a real server
 * reports no end in its own future.
 */
export function finishedEndMs(startMs: number, runMs: number, anchorMs: number): number {
  return Math.max(startMs, Math.min(startMs + runMs, anchorMs - 1000));
}

/** `yyyy-MM-dd HH:mm:ss`, the stamp in EM restore-session names. */
export function nameStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `M/d/yyyy h:mm:ss AM`, the stamp in VB365 session names (en-US, as PowerShell shows them). */
export function usDateTime(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hours % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** .NET TimeSpan text `hh:mm:ss.fffffff`, used for VB365 event durations. */
export function timeSpan(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const h = Math.floor(total / 3600000);
  const m = Math.floor((total % 3600000) / 60000);
  const s = Math.floor((total % 60000) / 1000);
  const fraction = total % 1000;
  return `${pad(h)}:${pad(m)}:${pad(s)}${fraction ? '.' + pad(fraction * 10000, 7) : ''}`;
}

/** Parses a client-supplied date (ISO 8601); undefined when it is not one. */
export function parseClientDate(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A timestamp as a Backup & Replication server prints it: server-local wall time with its UTC offset (`+01:00`),
 * in UTC with `Z`, or with no zone at all (task sessions, Part E §8); 0–7 fraction digits, trailing zeros trimmed.
 */
export function zonedTimestampText(ms: number, fractionDigits: number, subMsTicks: number, zone: 'offset' | 'utc' | 'none', offsetMinutes: number): string {
  const utc = timestamp(ms, fractionDigits, subMsTicks).text.slice(0, -1);
  if (zone === 'utc') return `${utc}Z`;
  const shifted = timestamp(ms + offsetMinutes * 60_000, fractionDigits, subMsTicks).text.slice(0, -1);
  if (zone === 'none') return shifted;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
