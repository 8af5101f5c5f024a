import { VeeamError } from '../../errors';
import type { RawBody, TaskSession } from '../../model/restoreSession';
import { CaseInsensitiveFields, isPlainRecord } from '../../parsing/caseInsensitiveFields';
import { clippedText } from '../../parsing/clippedText';
import { parseJsonBody } from '../../parsing/jsonBody';
import type { ListPaging, ParsedDocument } from '../../parsing/parsedDocument';
import { bodyTextForParsing } from '../../parsing/rawBody';
import { buildSessionList } from '../../parsing/sessionListBuilder';
import { backupReplicationError } from './errorBody';
import { otherApiError } from '../serverKinds';
import { sessionLogEvents } from './sessionLog';
import { normaliseBackupReplicationSession, summariseBackupReplicationSession } from './sessionModel';
import { normaliseTaskSession } from './taskSession';

/** What the caller asked for: decides what an empty `data` envelope is (no sessions, or no task sessions). */
export type BackupReplicationExpectation = 'sessions' | 'taskSessions' | 'events';

/**
 * The page the caller asked for. The server's own `pagination.skip`/`limit` may be null, absent or an echo of a
 * limit nobody asked for (shared/veeam-api-vbr.md §3.2), so paging is computed from what was sent.
 */
export interface RequestedPage {
  skip: number;
  limit?: number;
}

/**
 * Parses a Backup & Replication REST API v1 body (shared/veeam-api-vbr.md): a `SessionModel`, a `SessionsResult` or
 * `TaskSessionsResult` envelope, a `TaskSessionModel`, a `SessionLogResult`, a `TokenModel`, the `{}` of stop and
 * logout (`other`, rootName `EmptySuccessResponse`). An `Error` body throws the typed error for its `errorCode`;
 * bodies of Enterprise Manager or VB365, and lists of other things, are refused by name.
 *
 * Paging: without `requested`, a list is read as the first page (skip 0). A caller that pages passes the `skip` it
 * sent (and its `limit`); `hasNext` is then `skip + items < total`, items counting every entry of `data`.
 */
export function parseBackupReplicationDocument(raw: RawBody, expect: BackupReplicationExpectation = 'sessions', requested?: RequestedPage): ParsedDocument {
  if (raw.format !== 'json') {
    const otherApi = otherApiError('vbr', undefined, raw.text);
    if (otherApi) throw otherApi;
    throw new VeeamError('malformedResponse', 'The Backup & Replication server sent XML; its REST API answers JSON. Check the URL and port (9419).', {
      detail: `content-type=${raw.contentType}`,
    });
  }
  const parsed = parseJsonBody(bodyTextForParsing(raw.text));
  // OAuth token responses look alike in both bearer-token APIs: one asked for here is this API's.
  if (isPlainRecord(parsed) && 'access_token' in parsed) return token(new CaseInsensitiveFields(parsed));
  const otherApi = otherApiError('vbr', parsed, raw.text);
  if (otherApi) throw otherApi;
  if (!isPlainRecord(parsed)) throw unrelated(Array.isArray(parsed) ? 'a bare JSON array' : 'a JSON value that is not an object');
  const f = new CaseInsensitiveFields(parsed);

  if (f.has('access_token')) return token(f);
  if (f.has('errorCode') && f.has('message') && !f.has('id')) throw backupReplicationError(f);
  const data = f.get('data');
  if (Array.isArray(data)) return envelope(data, f, expect, requested);
  const records = f.get('records');
  if (Array.isArray(records)) return { kind: 'events', events: sessionLogEvents(records), paging: undefined };
  if (isTaskSessionShape(parsed)) {
    const task = normaliseTaskSession(parsed);
    if (!task) throw unrelated('a task session whose id is not a GUID');
    return { kind: 'taskSessions', tasks: [task], paging: undefined };
  }
  if (isSessionShape(parsed)) {
    const session = normaliseBackupReplicationSession(parsed, raw);
    if (!session) throw unrelated('a session whose id is not a GUID');
    return { kind: 'session', session };
  }
  if (Object.keys(parsed).length === 0) return { kind: 'other', rootName: 'EmptySuccessResponse', data: {} };
  throw unrelated('an object with none of the expected fields');
}

function token(f: CaseInsensitiveFields): ParsedDocument {
  const accessToken = f.string('access_token');
  if (!accessToken) throw unrelated('a token response without access_token');
  const expires = Number(f.string('expires_in'));
  return {
    kind: 'token',
    accessToken,
    refreshToken: f.string('refresh_token') || undefined,
    expiresInSeconds: Number.isFinite(expires) && expires > 0 ? expires : undefined,
  };
}

/** `SessionsResult` / `TaskSessionsResult`: `{ data: [...], pagination: { total, count, skip?, limit? } }`. */
function envelope(items: unknown[], f: CaseInsensitiveFields, expect: BackupReplicationExpectation, requested: RequestedPage | undefined): ParsedDocument {
  const paging = readPaging(f.object('pagination'), items.length, requested);
  if (items.length === 0) return expect === 'taskSessions' ? { kind: 'taskSessions', tasks: [], paging } : { kind: 'list', sessions: [], paging, skipped: 0 };
  const holds = listContent(items);
  if (holds === 'sessions') {
    if (expect === 'taskSessions') throw notWhatWasAsked('a list of sessions', 'task sessions');
    const { sessions, skipped } = buildSessionList(items, summariseBackupReplicationSession);
    return { kind: 'list', sessions, paging, skipped };
  }
  if (holds === 'task sessions') {
    if (expect === 'sessions') throw notWhatWasAsked('a list of task sessions', 'restore sessions');
    return { kind: 'taskSessions', tasks: taskList(items), paging };
  }
  throw notWhatWasAsked(`a list of ${holds}`, expect === 'taskSessions' ? 'task sessions' : 'restore sessions');
}

function taskList(items: unknown[]): TaskSession[] {
  const seen = new Set<string>();
  const tasks: TaskSession[] = [];
  for (const item of items) {
    const task = isPlainRecord(item) ? normaliseTaskSession(item) : undefined;
    if (!task || seen.has(task.id)) continue;
    seen.add(task.id);
    tasks.push(task);
  }
  return tasks;
}

/** A SessionModel has the required `sessionType` with `state` or `creationTime`; a task session also has `sessionId` and `type`. */
function isSessionShape(item: Record<string, unknown>): boolean {
  const f = Object.hasOwn(item, 'sessionType') ? undefined : new CaseInsensitiveFields(item);
  const has = (name: string): boolean => (f ? f.has(name) : Object.hasOwn(item, name));
  return has('sessionType') && (has('state') || has('creationTime')) && !(has('sessionId') && has('type'));
}

function isTaskSessionShape(item: Record<string, unknown>): boolean {
  const f = new CaseInsensitiveFields(item);
  return f.has('sessionId') && f.has('type') && f.has('creationTime');
}

/**
 * What a non-empty envelope holds: sessions, task sessions, or a name for the foreign items. The keys naming jobs,
 * backups, restore points and mounts come from Veeam's models of those lists; they only word the message.
 */
function listContent(items: unknown[]): string {
  // The first few items decide: a page is uniform, and a hostile page of 10,000 foreign items must stay cheap.
  const sample = items.slice(0, 20).filter(isPlainRecord);
  if (sample.some(isSessionShape)) return 'sessions';
  if (sample.some(isTaskSessionShape)) return 'task sessions';
  const has = (name: string): boolean => sample.some((item) => new CaseInsensitiveFields(item).has(name));
  if (has('isDisabled')) return 'jobs';
  if (has('allowedOperations') || has('backupId')) return 'restore points';
  if (has('policyTag') || has('repositoryId')) return 'backups';
  if (has('vmName') && has('sessionId')) return 'Instant Recovery mounts';
  return 'objects without the fields of a session (sessionType, state, creationTime)';
}

function readPaging(pagination: CaseInsensitiveFields | undefined, itemCount: number, requested: RequestedPage | undefined): ListPaging {
  const skip = requested !== undefined && Number.isSafeInteger(requested.skip) && requested.skip >= 0 ? requested.skip : 0;
  const limit = requested?.limit !== undefined && Number.isSafeInteger(requested.limit) && requested.limit > 0 ? requested.limit : undefined;
  const total = nonNegative(pagination?.get('total'));
  const pageSize = limit ?? itemCount;
  // Without a total (required, but servers bend rules) a full page may have a successor; an empty page never has.
  const hasNext = itemCount > 0 && (total !== undefined ? skip + itemCount < total : limit !== undefined && itemCount >= limit);
  const paging: ListPaging = { page: pageSize > 0 ? Math.floor(skip / pageSize) + 1 : 1, pageSize, hasNext };
  if (total !== undefined) paging.totalCount = total;
  return paging;
}

function nonNegative(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A well-formed list of something else, named: an empty answer would read as "nothing on this server". */
function notWhatWasAsked(what: string, wanted: string): VeeamError {
  const clipped = clippedText(what, 120);
  return new VeeamError('malformedResponse', `The response is ${clipped}, not ${wanted}.`, { detail: clipped });
}

function unrelated(what: string): VeeamError {
  return new VeeamError('malformedResponse', `The response is not a Backup & Replication session document (got ${what}).`, { detail: what });
}
