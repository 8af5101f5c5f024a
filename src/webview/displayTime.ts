const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** An ISO timestamp in the user's locale and time zone; the text itself when it does not parse. */
export function displayTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : DATE_TIME.format(ms);
}

/**
 * A time the server sent without a zone (Backup & Replication does for some): its own wall-clock text, marked as
 * such. Converting it would be a guess; calling it UTC would be wrong for most servers.
 */
export function displayServerLocalTime(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return `${text.replace('T', ' ').replace(/\.\d+$/, '')} (server time, zone not given)`;
}

/** A session time as known: converted to the user's zone when it had one, else the server's own text. */
export function displaySessionTime(iso: string | undefined, local: string | undefined): string | undefined {
  return displayTime(iso) ?? displayServerLocalTime(local);
}
