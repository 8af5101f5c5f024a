import { VeeamError } from '../errors';
import { clippedText } from './clippedText';

/**
 * A well-formed Veeam document that is not about restore sessions (a list of jobs, a query result of job sessions…).
 * Said plainly, naming what it is: an empty answer would read as "no restore sessions on this server".
 */
export function notRestoreSessions(what: string): VeeamError {
  return new VeeamError('malformedResponse', `The response is ${what}, not restore sessions.`, { detail: what });
}

/** "Job references", "BackupServer objects": what the items of a foreign list are, from their Type names. */
export function describeItemTypes(types: Iterable<string>): string {
  const names = [...new Set([...types].map((t) => clippedText(t, 60)))].slice(0, 3);
  if (names.length === 0) return 'items with no restore-session Type, UID or Href';
  return names.map((t) => (/.Reference$/.test(t) ? `${t.slice(0, -'Reference'.length)} references` : `${t} objects`)).join(', ');
}
