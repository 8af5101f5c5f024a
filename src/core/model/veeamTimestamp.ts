// 0–7 fractional digits, optional zone (`Z` or ±hh:mm); see veeam-api.md A.3.5 and B.3.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/i;

// SQL Server's minimum date, which EM uses for "never".
const NEVER_YEAR = 1753;

/** Parses a Veeam timestamp to epoch milliseconds; undefined for missing, "never" or unparsable values. */
export function parseVeeamTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (year <= NEVER_YEAR) return undefined;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac ? Math.floor(Number(frac.padEnd(3, '0').slice(0, 3))) : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Reject rolled-over dates such as 2026-02-31.
  if (new Date(t).getUTCDate() !== day) return undefined;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    t -= sign * offsetMinutes * 60_000;
  }
  return t;
}

export function toIso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
