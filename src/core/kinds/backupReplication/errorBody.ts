import { VeeamError, type VeeamErrorCode } from '../../errors';
import type { CaseInsensitiveFields } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';

/**
 * Backup & Replication's `Error` body (shared/veeam-api-vbr.md §7): `{errorCode, message, resourceId}`. The HTTP
 * status decides first and `errorCode` second, as the reference says: the same `AccessDenied` comes with 401 and 403.
 */
export function backupReplicationError(fields: CaseInsensitiveFields, status?: number): VeeamError {
  const errorCode = clippedText(fields.string('errorCode') ?? '', 80);
  // Server text ends up in notifications and logs: one line, bounded.
  const message = clippedText(fields.string('message') ?? '', 500) || 'no message';
  const resourceId = clippedText(fields.string('resourceId') ?? '', 80);
  const detail = [errorCode && `errorCode=${errorCode}`, resourceId && `resourceId=${resourceId}`, status === undefined ? 'error body in place of data' : ''].filter(Boolean).join('; ');
  const [code, sentence] = classify(errorCode.toLowerCase(), status, resourceId);
  return new VeeamError(code, `${sentence} The server said: ${message}`, { veeamMessage: message, status, detail });
}

function classify(errorCode: string, status: number | undefined, resourceId: string): [VeeamErrorCode, string] {
  if (errorCode === 'notimplemented' && (status === undefined || status === 400)) {
    return ['serverError', 'The Backup & Replication server does not support the requested API revision (x-api-version).'];
  }
  if (status === 401 || (status === undefined && (errorCode === 'expiredtoken' || errorCode === 'invalidtoken'))) {
    return ['sessionExpired', 'The Backup & Replication server no longer accepts the sign-in token.'];
  }
  if (status === 403) return ['forbidden', 'The account may not do this on the Backup & Replication server.'];
  if (status === 404 || (status === undefined && errorCode === 'notfound')) {
    return ['notFound', `The Backup & Replication server did not find ${resourceId ? `object ${resourceId}` : 'the object'}.`];
  }
  if (status !== undefined && status >= 500) return ['serverError', `The Backup & Replication server failed (HTTP ${status}).`];
  if (status !== undefined && status >= 400) return ['serverError', `The Backup & Replication server rejected the request (HTTP ${status}).`];
  // No status (an error body where data was expected), or AccessDenied alone: 401 or 403 cannot be told apart.
  return ['serverError', 'The Backup & Replication server reported an error.'];
}

/**
 * The revisions a server lists in its "unsupported version" message (`The following versions are supported:
 * v1.0-rev1.` from a VBR 11, F1/F2), for falling back to one it accepts. The wording is a field report, not
 * documented: an empty list means "could not tell".
 */
export function supportedRevisionsIn(message: string): string[] {
  const found = new Set<string>();
  for (const m of message.slice(0, 2000).matchAll(/\bv?(\d{1,2}\.\d{1,2}-rev\d{1,2})\b/g)) found.add(m[1]);
  return [...found];
}
