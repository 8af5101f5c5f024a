import { logsOf, tasksOf, type BackupReplicationData, type VbrSession } from './backupReplicationData';
import { logRecordJson, sessionJson, sessionStateLabel, sessionTypeLabel, taskSessionJson, vbrErrorJson } from './backupReplicationJson';
import type { BackupReplicationProgression } from './backupReplicationProgression';
import { atLeast, isVbrRevision, supportedRevisions, VBR_FEATURES, type VbrRevision } from './backupReplicationRevisions';
import { isOrderColumnOf, isSessionStateOf, isSessionTypeOf, LOG_RECORD_STATUSES, SESSION_RESULTS, sessionTypeVisibleAt, storedTypeOf } from './backupReplicationSessionTypes';
import type { BackupReplicationTokens, VbrIssuedTokens } from './backupReplicationTokens';
import type { FaultSettings } from './faults';
import type { JsonObject } from './microsoft365Json';
import { RouteTable } from './routeTable';
import { parseClientDate, zonedTimestampText } from './simulatedTime';
import { headerValue, type SimRequest, type SimResponse } from './simulatedExchange';
import type { SimulatorCredentials } from './simulatorCredentials';
import { SERVER_OFFSET_MINUTES } from './backupReplicationData';

export interface BackupReplicationContext {
  data: BackupReplicationData;
  tokens: BackupReplicationTokens;
  progression: BackupReplicationProgression;
  credentials: SimulatorCredentials;
  faults(): FaultSettings;
}

interface VbrCall {
  request: SimRequest;
  params: Record<string, string>;
  revision: VbrRevision;
  /** Query parameters with their names as sent (names are case-sensitive, keys may repeat). */
  query: URLSearchParams;
  accessToken: string | undefined;
}

interface VbrRoute {
  since: VbrRevision;
  public: boolean;
  handle(call: VbrCall): SimResponse;
}

class VbrHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly resourceId?: string,
  ) {
    super(message);
  }
}

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'private',
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  Server: 'Kestrel',
};
const UNAUTHORIZED = 'Unauthorized. Get bearer JWT token at /api/login';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** No maximum is documented; the simulator's choice: larger pages are cut to this many items without a word. */
export const VBR_MAX_PAGE = 1000;

/** The Veeam Backup & Replication REST API v1 at /api (Part E). */
export function createBackupReplicationApi(ctx: BackupReplicationContext): { handle(r: SimRequest): SimResponse } {
  const route = (since: VbrRevision, handle: VbrRoute['handle'], isPublic = false): VbrRoute => ({ since, public: isPublic, handle });

  const routes = new RouteTable<VbrRoute>()
    .add('POST', '/api/oauth2/token', route('1.0-rev1', (c) => token(c), true))
    .add('POST', '/api/oauth2/logout', route('1.0-rev1', (c) => {
      if (c.accessToken) ctx.tokens.revoke(c.accessToken);
      return json(200, {});
    }))
    .add('GET', '/api/v1/sessions', route('1.0-rev1', (c) => listSessions(c)))
    .add('GET', '/api/v1/sessions/:id', route('1.0-rev1', (c) => json(200, sessionJson(sessionOf(c), c.revision))))
    .add('GET', '/api/v1/sessions/:id/logs', route('1.0-rev1', (c) => sessionLogs(c)))
    .add('POST', '/api/v1/sessions/:id/stop', route('1.0-rev1', (c) => stop(c)))
    .add('GET', '/api/v1/sessions/:id/taskSessions', route(VBR_FEATURES.taskSessions, (c) => taskSessions(c)));

  function token(c: VbrCall): SimResponse {
    const fields = new URLSearchParams(c.request.body.toString('utf8'));
    const grant = grantType(fields.get('grant_type'), c.revision);
    let issued: VbrIssuedTokens | undefined;
    if (grant === 'password') {
      const user = fields.get('username') ?? '';
      // Not documented which status a wrong password gets (400/401/403 are declared); the simulator's choice: 401.
      if (user.toLowerCase() !== ctx.credentials.username.toLowerCase() || fields.get('password') !== ctx.credentials.password) {
        throw new VbrHttpError(401, 'AccessDenied', 'Invalid user name or password.');
      }
      issued = ctx.tokens.issue(ctx.credentials.username);
    } else if (grant === 'refresh_token') {
      issued = ctx.tokens.redeem(fields.get('refresh_token') ?? '');
      if (!issued) throw new VbrHttpError(401, 'InvalidToken', 'The refresh token is invalid, expired or was already used.');
    } else {
      throw new VbrHttpError(400, 'UnexpectedContent', grant === undefined ? 'grant_type is required.' : `Grant type '${fields.get('grant_type')}' is not supported.`);
    }
    const stamp = (ms: number): string => zonedTimestampText(ms, 0, 0, 'offset', SERVER_OFFSET_MINUTES);
    return json(200, {
      access_token: issued.accessToken,
      token_type: 'bearer',
      refresh_token: issued.refreshToken,
      expires_in: issued.expiresInSeconds,
      '.issued': stamp(issued.issuedMs),
      '.expires': stamp(issued.issuedMs + issued.expiresInSeconds * 1000),
    });
  }

  function listSessions(c: VbrCall): SimResponse {
    const rev = c.revision;
    const q = c.query;
    const { skip, limit } = paging(c, atLeast(rev, VBR_FEATURES.arrayFilters) ? 200 : 100);
    const orderColumn = single(q, 'orderColumn');
    if (orderColumn !== undefined && !isOrderColumnOf(orderColumn, rev)) throw invalid('orderColumn', orderColumn);
    const orderAscText = single(q, 'orderAsc');
    if (orderAscText !== undefined && !/^(true|false)$/i.test(orderAscText)) throw invalid('orderAsc', orderAscText);
    const ascending = orderAscText === undefined ? true : orderAscText.toLowerCase() === 'true';
    const nameFilter = single(q, 'nameFilter');
    // Arrays from 1.3-rev0; before, a repeated key binds its first value and the others are dropped (simulator's choice).
    const many = (name: string): string[] => (atLeast(rev, VBR_FEATURES.arrayFilters) ? q.getAll(name) : q.getAll(name).slice(0, 1));
    const types = many('typeFilter');
    for (const t of types) if (!isSessionTypeOf(t, rev)) throw invalid('typeFilter', t);
    const results = many('resultFilter');
    for (const r of results) if (!SESSION_RESULTS.includes(r)) throw invalid('resultFilter', r);
    const state = single(q, 'stateFilter');
    if (state !== undefined && !isSessionStateOf(state, rev)) throw invalid('stateFilter', state);
    const date = (name: string): number | undefined => {
      const text = single(q, name);
      if (text === undefined) return undefined;
      const ms = parseClientDate(text);
      if (ms === undefined) throw invalid(name, text);
      return ms;
    };
    const createdAfter = date('createdAfterFilter');
    const createdBefore = date('createdBeforeFilter');
    const endedAfter = date('endedAfterFilter');
    const endedBefore = date('endedBeforeFilter');
    const jobId = single(q, 'jobIdFilter');
    if (jobId !== undefined && !GUID.test(jobId)) throw invalid('jobIdFilter', jobId);
    const namePattern = nameFilter === undefined ? undefined : wildcard(nameFilter);

    const matching = ctx.data.sessions.filter((s) => {
      if (!sessionTypeVisibleAt(s.type, rev)) return false;
      if (types.length > 0 && !types.some((t) => storedTypeOf(t) === s.type)) return false;
      if (results.length > 0 && !results.includes(s.result?.result ?? 'None')) return false;
      if (state !== undefined && sessionStateLabel(s, rev) !== state) return false;
      if (createdAfter !== undefined && !(s.creationMs > createdAfter)) return false;
      if (createdBefore !== undefined && !(s.creationMs < createdBefore)) return false;
      if (endedAfter !== undefined && !(s.endMs !== undefined && s.endMs > endedAfter)) return false;
      if (endedBefore !== undefined && !(s.endMs !== undefined && s.endMs < endedBefore)) return false;
      if (jobId !== undefined && s.jobId !== jobId.toLowerCase()) return false;
      if (namePattern && !searchableText(s, rev).some((text) => namePattern.test(text))) return false;
      return true;
    });
    // Without orderColumn the order is the API's own: a stable storage order unrelated to time.
    const byStorage = (a: VbrSession, b: VbrSession): number => storageOrder(a.id) - storageOrder(b.id) || (a.id < b.id ? -1 : 1);
    if (orderColumn === undefined) matching.sort(byStorage);
    else {
      const key = sortKey(orderColumn, rev);
      const direction = ascending ? 1 : -1;
      matching.sort((a, b) => direction * compareKeys(key(a), key(b)) || byStorage(a, b));
    }
    const page = matching.slice(skip, skip + Math.min(limit, VBR_MAX_PAGE)).map((s) => sessionJson(s, rev));
    return json(200, { data: page, pagination: { total: matching.length, count: page.length, skip, limit } });
  }

  function sessionLogs(c: VbrCall): SimResponse {
    const s = sessionOf(c);
    let status: string | undefined;
    if (atLeast(c.revision, VBR_FEATURES.arrayFilters)) {
      status = single(c.query, 'statusFilter');
      if (status !== undefined && !LOG_RECORD_STATUSES.includes(status)) throw invalid('statusFilter', status);
    }
    // Order not promised; the published example runs by updateTime, newest first.
    const records = logsOf(s)
      .filter((r) => status === undefined || r.status === status)
      .sort((a, b) => b.updateMs - a.updateMs || b.id - a.id)
      .map((r) => logRecordJson(r, c.revision));
    return json(200, { totalRecords: records.length, records });
  }

  function stop(c: VbrCall): SimResponse {
    // The StopSessions claim is checked before the session is looked up.
    if (ctx.faults().vbrRefuseStop) throw new VbrHttpError(403, 'AccessDenied', 'Forbidden');
    const s = sessionOf(c);
    if (s.state === 'Stopped') throw new VbrHttpError(400, 'UnexpectedContent', `Session ${s.id} is not running.`, s.id);
    if (s.state !== 'Stopping') ctx.progression.requestStop(s);
    return json(200, {});
  }

  function taskSessions(c: VbrCall): SimResponse {
    const s = sessionOf(c);
    const all = tasksOf(s)
      .slice()
      .sort((a, b) => a.creationMs - b.creationMs)
      .map((t) => taskSessionJson(t, s, c.revision));
    if (atLeast(c.revision, VBR_FEATURES.taskSessionPaging)) {
      const { skip, limit } = paging(c, 200);
      const data = all.slice(skip, skip + Math.min(limit, VBR_MAX_PAGE));
      return json(200, { data, pagination: { total: all.length, count: data.length, skip, limit } });
    }
    // No query parameters before 1.3-rev1; 1.2-rev1 bodies carry skip/limit as null, 1.3-rev0 the defaults.
    const pagination = atLeast(c.revision, '1.3-rev0') ? { total: all.length, count: all.length, skip: 0, limit: 200 } : { total: all.length, count: all.length, skip: null, limit: null };
    return json(200, { data: all, pagination });
  }

  function paging(c: VbrCall, defaultLimit: number): { skip: number; limit: number } {
    const int = (name: string, fallback: number, min: number): number => {
      const text = single(c.query, name);
      if (text === undefined) return fallback;
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < min || n > 2147483647) throw invalid(name, text);
      return n;
    };
    return { skip: int('skip', 0, 0), limit: int('limit', defaultLimit, 1) };
  }

  function sessionOf(c: VbrCall): VbrSession {
    const id = c.params.id;
    if (!GUID.test(id)) throw new VbrHttpError(400, 'InvalidURI', `The value '${id}' is not a valid session ID.`);
    const s = ctx.data.sessionsById.get(id.toLowerCase());
    if (!s || !sessionTypeVisibleAt(s.type, c.revision)) throw new VbrHttpError(404, 'NotFound', `Session ${id} was not found.`, id);
    return s;
  }

  function handle(request: SimRequest): SimResponse {
    try {
      const revision = acceptedRevision(request, ctx);
      const path = request.path;
      const match = routes.match(request.method, path);
      if (match.kind === 'notFound' || (match.kind === 'found' && !atLeast(revision, match.handler.since))) {
        throw new VbrHttpError(404, 'NotFound', `The resource '${path}' was not found.`);
      }
      if (match.kind === 'methodNotAllowed') throw new VbrHttpError(405, 'MethodNotAllowed', `Method ${request.method} is not allowed for '${path}'.`);
      let accessToken: string | undefined;
      if (!match.handler.public) {
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(request.headers, 'authorization') ?? '');
        const check = bearer ? ctx.tokens.check(bearer[1]) : 'unknown';
        if (check === 'expired') throw new VbrHttpError(401, 'ExpiredToken', 'The access token has expired.');
        if (check !== 'valid' || !bearer) throw new VbrHttpError(401, 'AccessDenied', UNAUTHORIZED);
        accessToken = bearer[1];
      }
      const query = new URL(request.target, 'https://vbr.invalid').searchParams;
      return match.handler.handle({ request, params: match.params, revision, query, accessToken });
    } catch (e) {
      if (e instanceof VbrHttpError) return json(e.status, vbrErrorJson(e.errorCode, e.message, e.resourceId));
      throw e;
    }
  }

  return { handle };
}

/** The 500 of the error fault. */
export function backupReplicationInternalError(): SimResponse {
  return json(500, vbrErrorJson('ServiceUnavailable', 'An internal error occurred while processing the request. See the server logs for details.'));
}

function json(status: number, body: JsonObject): SimResponse {
  return { status, headers: { ...HEADERS }, body: JSON.stringify(body) };
}

/**
 * The revision of `x-api-version`, or the 400 a server sends for one it does not answer. A missing header is not
 * documented; the simulator's choice: the same 400.
 */
function acceptedRevision(request: SimRequest, ctx: BackupReplicationContext): VbrRevision {
  const text = headerValue(request.headers, 'x-api-version')?.trim() ?? '';
  const supported = supportedRevisions(ctx.data.revision);
  if (isVbrRevision(text) && supported.includes(text)) return text;
  const message = ctx.faults().vbrListSupportedRevisions
    ? `Unsupported RESTAPI version. The following versions are supported: ${supported.map((r) => `v${r}`).join(', ')}.`
    : 'The specified API version is not supported.';
  throw new VbrHttpError(400, 'NotImplemented', message);
}

/** grant_type in lower case; the capitalised spelling of the 1.3-rev1+ documents only there (simulator's choice). */
function grantType(value: string | null, revision: VbrRevision): string | undefined {
  if (value === null) return undefined;
  const lower = value.toLowerCase();
  if (value === lower) return lower;
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  return value === capitalised && atLeast(revision, VBR_FEATURES.capitalisedGrantTypes) ? lower : `unsupported:${value}`;
}

/** Scalar parameters: the first of repeated keys wins, as in ASP.NET binding. */
function single(q: URLSearchParams, name: string): string | undefined {
  return q.get(name) ?? undefined;
}

function invalid(name: string, value: string): VbrHttpError {
  return new VbrHttpError(400, 'UnexpectedContent', `The value '${value}' is not valid for ${name}.`);
}

/** `*` at the start, end or both; elsewhere it is a plain character. Case-insensitive. */
function wildcard(pattern: string): RegExp {
  const leading = pattern.startsWith('*');
  const trailing = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${leading ? '' : '^'}${core}${trailing ? '' : '$'}`, 'i');
}

/** nameFilter is documented as matching any session property, not only the name. */
function searchableText(s: VbrSession, rev: VbrRevision): string[] {
  const texts = [s.name, sessionTypeLabel(s, rev), sessionStateLabel(s, rev), s.result?.result ?? 'None'];
  if (atLeast(rev, VBR_FEATURES.arrayFilters)) texts.push(s.initiatedBy);
  return texts;
}

type SortKey = string | number | undefined;

function sortKey(column: string, rev: VbrRevision): (s: VbrSession) => SortKey {
  switch (column) {
    case 'Name':
      return (s) => s.name.toLowerCase();
    case 'SessionType':
      return (s) => sessionTypeLabel(s, rev);
    case 'CreationTime':
      return (s) => s.creationMs;
    case 'EndTime':
      return (s) => s.endMs;
    case 'State':
      return (s) => sessionStateLabel(s, rev);
    case 'Result':
      return (s) => s.result?.result;
    default:
      return (s) => s.initiatedBy.toLowerCase();
  }
}

/** Absent values (no end time, no result yet) come first in ascending order, as SQL Server sorts NULL. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** A position derived from the id alone (FNV-1a), like a store keyed by GUID: stable, unrelated to time. */
function storageOrder(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
