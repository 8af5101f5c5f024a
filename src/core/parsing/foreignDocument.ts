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

/** The other API's name, for a body that parses but belongs to it (the wrong --kind, or the other server's port). */
export function otherApiError(expected: 'em' | 'vb365', evidence: string): VeeamError {
  const message =
    expected === 'em'
      ? `The response looks like a Veeam Backup for Microsoft 365 document (${evidence}), not Enterprise Manager.`
      : `The response looks like an Enterprise Manager document (${evidence}), not Veeam Backup for Microsoft 365.`;
  return new VeeamError('malformedResponse', message, { detail: evidence });
}

/** Keys only a Microsoft 365 body has at its top level (camelCase, HAL links, offset paging), or undefined. */
export function microsoft365Evidence(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find(isRecord) : value;
  if (!isRecord(first)) return undefined;
  if ('_links' in first) return 'it has "_links"';
  if (Array.isArray(first.results) && ('offset' in first || 'limit' in first)) return 'an offset/limit "results" page';
  if ('installationId' in first) return 'it has "installationId"';
  if ('access_token' in first) return 'an OAuth token';
  if ('id' in first && 'creationTime' in first) return 'it has "id" and "creationTime"';
  return undefined;
}

/** Keys only an Enterprise Manager body has at its top level (Href/UID/Type attributes, Refs, Entities), or undefined. */
export function enterpriseManagerEvidence(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find(isRecord) : value;
  if (!isRecord(first)) return undefined;
  const keys = new Set(Object.keys(first).map((k) => k.toLowerCase()));
  for (const key of ['uid', 'href', 'refs', 'entities', 'paginginfo', 'links']) {
    if (keys.has(key)) return `it has "${Object.keys(first).find((k) => k.toLowerCase() === key) ?? key}"`;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
