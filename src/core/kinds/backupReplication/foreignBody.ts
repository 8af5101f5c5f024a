import { VeeamError } from '../../errors';
import { isPlainRecord } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';
import { enterpriseManagerEvidence } from '../../parsing/foreignDocument';

/**
 * A body from one of the other two Veeam APIs, arriving at a Backup & Replication parser (the wrong kind chosen for
 * a server, or the port of another product): said plainly, with what gave it away.
 */
export function otherApiBody(api: 'Enterprise Manager' | 'Veeam Backup for Microsoft 365', evidence: string): VeeamError {
  return new VeeamError(
    'malformedResponse',
    `The response looks like ${api === 'Enterprise Manager' ? 'an Enterprise Manager' : 'a Veeam Backup for Microsoft 365'} document (${evidence}), not Backup & Replication. Check the server kind and port (Backup & Replication: 9419).`,
    { detail: evidence },
  );
}

/** Enterprise Manager JSON: its Href/UID/Links keys, or its error body (`StatusCode` and PascalCase `Message`). */
export function enterpriseManagerJsonEvidence(value: unknown): string | undefined {
  const keys = enterpriseManagerEvidence(value);
  if (keys) return keys;
  const first = Array.isArray(value) ? value.find(isPlainRecord) : value;
  if (isPlainRecord(first) && 'Message' in first && ('StatusCode' in first || 'FirstChanceExceptionMessage' in first)) return 'an Enterprise Manager error body';
  return undefined;
}

const M365_SESSION_TYPES = new Set(['vex', 'veod', 'vesp', 'vet']);

/** Keys or values only a VB365 body has: HAL links, an offset/limit `results` page, its service info, its session types. */
export function microsoft365JsonEvidence(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find(isPlainRecord) : value;
  if (!isPlainRecord(first)) return undefined;
  if ('_links' in first) return 'it has "_links"';
  if (Array.isArray(first.results)) return 'a "results" page';
  if ('installationId' in first) return 'it has "installationId"';
  if (typeof first.type === 'string' && M365_SESSION_TYPES.has(first.type.toLowerCase()) && !('sessionType' in first)) return `a restore session of type "${clippedText(first.type, 20)}"`;
  if (typeof first.error === 'string' && !('errorCode' in first)) return 'an OAuth error object';
  if ('stackTrace' in first && 'message' in first) return 'an error body with "stackTrace"';
  return undefined;
}

/**
 * Keys only a Backup & Replication body has (for the other parsers, which may use it to name a VBR body they are
 * given): a SessionModel's `sessionType` and `usn`, the `data`/`pagination` envelope, the session-log result.
 */
export function backupReplicationEvidence(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find(isPlainRecord) : value;
  if (!isPlainRecord(first)) return undefined;
  if ('sessionType' in first && 'usn' in first) return 'it has "sessionType" and "usn"';
  if (Array.isArray(first.data) && isPlainRecord(first.pagination)) return 'a "data"/"pagination" envelope';
  if (Array.isArray(first.records) && 'totalRecords' in first) return 'a session log with "totalRecords"';
  return undefined;
}
