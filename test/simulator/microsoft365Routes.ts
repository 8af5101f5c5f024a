import type { FaultSettings } from './faults';
import { eventsOf, finishMicrosoft365Session, type Microsoft365Data, type M365RestoreSession } from './microsoft365Data';
import { errorJson, eventJson, pageJson, sessionJson, type JsonObject } from './microsoft365Json';
import type { IssuedTokens, Microsoft365Tokens } from './microsoft365Tokens';
import { RouteTable } from './routeTable';
import type { SeededRandom } from './seededRandom';
import { parseClientDate } from './simulatedTime';
import { headerValue, type SimRequest, type SimResponse } from './simulatedExchange';
import type { SimulatorCredentials } from './simulatorCredentials';

export interface Microsoft365Context {
  data: Microsoft365Data;
  tokens: Microsoft365Tokens;
  credentials: SimulatorCredentials;
  faults(): FaultSettings;
  random: SeededRandom;
  now(): number;
}

interface M365Call {
  request: SimRequest;
  params: Record<string, string>;
  version: number;
  /** The bearer token of the call (undefined only on the token endpoint). */
  accessToken: string | undefined;
}

interface M365Route {
  minVersion: number;
  maxVersion: number;
  public: boolean;
  handle(call: M365Call): SimResponse;
}

class M365HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const LATEST_VERSION = 8;
const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 10000;
const PRODUCT_VERSION: Record<number, string> = { 6: '6.1.0.254', 7: '7.1.0.1401', 8: '8.1.0.305' };
const JSON_TYPE = 'application/json; charset=utf-8';

/** The Veeam Backup for Microsoft 365 REST API at /v1…/v8 (Part B / Part D of the reference). */
export function createMicrosoft365Api(ctx: Microsoft365Context): { handle(r: SimRequest): SimResponse; internalError(r: SimRequest): SimResponse } {
  const route = (minVersion: number, maxVersion: number, handle: M365Route['handle'], isPublic = false): M365Route => ({ minVersion, maxVersion, public: isPublic, handle });
  const json = (status: number, body: JsonValueRoot, headers: Record<string, string> = {}): SimResponse => ({ status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) });
  const empty = (status: number): SimResponse => ({ status, headers: {}, body: '' });

  const routes = new RouteTable<M365Route>()
    .add('POST', '/token', route(1, 8, (c) => token(c), true))
    .add('POST', '/token/logout', route(7, 8, (c) => {
      if (c.accessToken) ctx.tokens.revoke(c.accessToken);
      return empty(204);
    }))
    .add('GET', '/RestoreSessions', route(1, 8, (c) => listSessions(c)))
    .add('GET', '/RestoreSessions/:id', route(1, 8, (c) => json(200, sessionJson(sessionOf(c), c.version, c.request.origin))))
    .add('GET', '/RestoreSessions/:id/organization', route(1, 8, (c) => {
      const s = sessionOf(c);
      return json(200, { id: s.organization.replace(/\..*$/, ''), name: s.organization, officeName: s.organization, type: 'Office365', _links: {} });
    }))
    .add('GET', '/RestoreSessions/:id/Events', route(1, 8, (c) => listEvents(c)))
    .add('GET', '/RestoreSessions/:id/Events/:eventId', route(1, 8, (c) => {
      const s = sessionOf(c);
      const e = eventsOf(s).find((x) => x.id === c.params.eventId.toLowerCase());
      if (!e) throw new M365HttpError(404, `Restore session event with ID ${c.params.eventId} was not found.`, 'ResourceNotFound');
      return json(200, eventJson(e, s, c.version, c.request.origin));
    }))
    .add('GET', '/RestoreSessions/:id/Statistics', route(8, 8, (c) => json(200, statistics(sessionOf(c)))))
    .add('POST', '/RestoreSessions/:id/Action', route(1, 5, (c) => {
      const s = sessionOf(c);
      if (!isStopAction(c.request.body)) throw new M365HttpError(400, 'Unknown action. Expected {"stop": null}.', 'ParameterValidationFailure');
      stop(s);
      return empty(200);
    }))
    .add('POST', '/RestoreSessions/:id/Stop', route(6, 8, (c) => {
      stop(sessionOf(c));
      return empty(c.version >= 8 ? 204 : 200);
    }))
    .add('GET', '/ServiceInstance', route(6, 8, (c) => json(200, { installationId: ctx.data.installationId, version: PRODUCT_VERSION[c.version] })));

  function token(c: M365Call): SimResponse {
    if (ctx.faults().throttleTokens) {
      return json(429, { message: 'Quota exceeded. Maximum allowed: 1 per 1s.' }, { 'Retry-After': '1' });
    }
    const fields = formFields(c.request);
    const grant = fields.get('grant_type');
    let issued: IssuedTokens | undefined;
    if (grant === 'password') {
      const user = fields.get('username') ?? '';
      if (user.toLowerCase() !== ctx.credentials.username.toLowerCase() || fields.get('password') !== ctx.credentials.password) {
        return json(400, { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' });
      }
      issued = ctx.tokens.issue(ctx.credentials.username);
    } else if (grant === 'refresh_token') {
      issued = ctx.tokens.redeem(fields.get('refresh_token') ?? '');
      if (!issued) return json(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' });
    } else {
      return json(400, { error: 'unsupported_grant_type' });
    }
    return json(200, {
      access_token: issued.accessToken,
      token_type: 'bearer',
      expires_in: issued.expiresInSeconds,
      refresh_token: issued.refreshToken,
      userName: issued.userName,
      '.issued': new Date(issued.issuedMs).toUTCString(),
      '.expires': new Date(issued.issuedMs + issued.expiresInSeconds * 1000).toUTCString(),
    });
  }

  function listSessions(c: M365Call): SimResponse {
    const q = c.request.query;
    const v = c.version;
    const extra: string[] = [];
    const range = (name: string, minVersion: number): number | undefined => {
      const text = q.get(name.toLowerCase());
      if (text === undefined || v < minVersion) return undefined;
      const ms = parseClientDate(text);
      if (ms === undefined) throw new M365HttpError(400, `The value '${text}' is not valid for ${name}.`, 'ParameterValidationFailure');
      extra.push(`${name}=${encodeURIComponent(text)}`);
      return ms;
    };
    const startFrom = range('startTimeFrom', 4);
    const startTo = range('startTimeTo', 4);
    const endFrom = range('endTimeFrom', 8);
    const endTo = range('endTimeTo', 8);
    let orderByEnd = false;
    let ascending = false;
    if (v >= 8 || ctx.faults().vb365SortedLists) {
      const orderBy = q.get('orderby');
      if (orderBy !== undefined) {
        if (!/^(creationtime|endtime)$/i.test(orderBy)) throw new M365HttpError(400, `The value '${orderBy}' is not valid for orderBy.`, 'ParameterValidationFailure');
        orderByEnd = orderBy.toLowerCase() === 'endtime';
        extra.push(`orderBy=${orderByEnd ? 'EndTime' : 'CreationTime'}`);
      }
      const orderAsc = q.get('orderasc');
      if (orderAsc !== undefined) {
        if (!/^(true|false)$/i.test(orderAsc)) throw new M365HttpError(400, `The value '${orderAsc}' is not valid for orderAsc.`, 'ParameterValidationFailure');
        ascending = orderAsc.toLowerCase() === 'true';
        extra.push(`orderAsc=${ascending}`);
      }
    }
    const matching = ctx.data.sessions.filter((s) => {
      if (v < 5 && s.type === 'Vet') return false; // Teams arrived with v5
      if (startFrom !== undefined && s.creation.ms < startFrom) return false;
      if (startTo !== undefined && s.creation.ms > startTo) return false;
      if ((endFrom !== undefined || endTo !== undefined) && !s.end) return false;
      if (endFrom !== undefined && s.end && s.end.ms < endFrom) return false;
      if (endTo !== undefined && s.end && s.end.ms > endTo) return false;
      return true;
    });
    if (v >= 8 || ctx.faults().vb365SortedLists) {
      // Newest first by default; running sessions (no end) count as newest when ordering by end time.
      const key = (s: M365RestoreSession): number => (orderByEnd ? (s.end?.ms ?? Number.MAX_SAFE_INTEGER) : s.creation.ms);
      matching.sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
    } else {
      // Before v8 the API promises no order: a stable order unrelated to time, the same on every page read.
      matching.sort((a, b) => storageOrder(a.id) - storageOrder(b.id) || (a.id < b.id ? -1 : 1));
    }
    if (v <= 3) return json(200, matching.map((s) => sessionJson(s, v, c.request.origin)));
    const { offset, limit } = paging(c);
    const results = matching.slice(offset, offset + limit).map((s) => sessionJson(s, v, c.request.origin));
    return json(200, pageJson(v, c.request.origin, { offset, limit, path: `/v${v}/RestoreSessions`, extra }, matching.length, results, ctx.random.guid()));
  }

  function listEvents(c: M365Call): SimResponse {
    const s = sessionOf(c);
    const events = eventsOf(s).slice().sort((a, b) => a.order - b.order);
    const { offset, limit } = paging(c);
    const results = events.slice(offset, offset + limit).map((e) => eventJson(e, s, c.version, c.request.origin));
    return json(200, pageJson(c.version, c.request.origin, { offset, limit, path: `/v${c.version}/RestoreSessions/${s.id}/Events`, extra: [] }, events.length, results, ctx.random.guid()));
  }

  function paging(c: M365Call): { offset: number; limit: number } {
    const number = (name: string, fallback: number, min: number, max: number): number => {
      const text = c.request.query.get(name);
      if (text === undefined) return fallback;
      const n = Number(text);
      if (!/^\s*\d+\s*$/.test(text) || n < min || n > max) {
        throw new M365HttpError(400, `The value '${text}' is not valid for ${name}: expected ${min}..${max}.`, 'ParameterValidationFailure');
      }
      return n;
    };
    return { offset: number('offset', 0, 0, Number.MAX_SAFE_INTEGER), limit: number('limit', DEFAULT_LIMIT, 1, MAX_LIMIT) };
  }

  function sessionOf(c: M365Call): M365RestoreSession {
    const s = ctx.data.sessionsById.get(c.params.id.toLowerCase());
    if (!s || (c.version < 5 && s.type === 'Vet')) throw new M365HttpError(404, `Restore session with ID ${c.params.id} was not found.`, 'ResourceNotFound');
    return s;
  }

  function stop(s: M365RestoreSession): void {
    // Stopping a stopped session is accepted and changes nothing (idempotent).
    if (s.state !== 'Stopped') finishMicrosoft365Session(s, ctx.random, ctx.now(), 'Success', true);
  }

  function handle(request: SimRequest): SimResponse {
    const versionMatch = /^\/v(\d+)(\/.*)?$/i.exec(request.path);
    const version = versionMatch ? Number(versionMatch[1]) : 0;
    try {
      if (!versionMatch || version < 1 || version > LATEST_VERSION) throw notFound(request, LATEST_VERSION);
      const match = routes.match(request.method, versionMatch[2] ?? '/');
      if (match.kind === 'notFound' || (match.kind === 'found' && (version < match.handler.minVersion || version > match.handler.maxVersion))) {
        throw notFound(request, version);
      }
      if (match.kind === 'methodNotAllowed') {
        throw new M365HttpError(405, `The requested resource does not support http method '${request.method}'.`, null, { Allow: match.allowed.join(', ') });
      }
      let accessToken: string | undefined;
      if (!match.handler.public) {
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(request.headers, 'authorization') ?? '');
        if (!bearer || ctx.tokens.check(bearer[1]) === undefined) {
          throw new M365HttpError(401, 'Authorization has been denied for this request.', null, { 'WWW-Authenticate': 'Bearer' });
        }
        accessToken = bearer[1];
      }
      return match.handler.handle({ request, params: match.params, version, accessToken });
    } catch (e) {
      if (e instanceof M365HttpError) return json(e.status, errorJson(version || LATEST_VERSION, e.message, e.errorCode), e.headers);
      throw e;
    }
  }

  return {
    handle,
    internalError: (request) => {
      const version = Number(/^\/v(\d+)/i.exec(request.path)?.[1] ?? LATEST_VERSION);
      return json(500, errorJson(version, 'An unexpected error occurred while processing the request.', null));
    },
  };
}

type JsonValueRoot = JsonObject | JsonObject[];

function notFound(request: SimRequest, version: number): M365HttpError {
  return new M365HttpError(404, `No HTTP resource was found that matches the request URI '${request.origin}${request.path}'.`, version >= 8 ? 'ResourceNotFound' : null);
}

/** Token requests come form-encoded (documented) or as JSON (v6+ OpenAPI). */
function formFields(request: SimRequest): Map<string, string> {
  const text = request.body.toString('utf8');
  const contentType = headerValue(request.headers, 'content-type') ?? '';
  const fields = new Map<string, string>();
  if (/json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'boolean') fields.set(k.toLowerCase(), String(v));
      }
    } catch {
      // an unparsable body has no grant_type and is answered as such
    }
    return fields;
  }
  for (const [k, v] of new URLSearchParams(text)) fields.set(k.toLowerCase(), v);
  return fields;
}

/** A position derived from the id alone (FNV-1a), like a store keyed by GUID: stable, unrelated to time. */
function storageOrder(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function isStopAction(body: Buffer): boolean {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && Object.keys(parsed).some((k) => k.toLowerCase() === 'stop');
  } catch {
    return false;
  }
}

function statistics(s: M365RestoreSession): JsonObject {
  const items = eventsOf(s).filter((e) => e.type === 'Restore');
  const count = (status: string): number => items.filter((e) => e.status === status).length;
  return {
    totalItemsCount: items.length,
    restoredItemsCount: count('Success') + count('Warning'),
    failedItemsCount: count('Failed'),
    skippedItemsCount: count('Skipped'),
    warnings: items.filter((e) => e.status === 'Warning').map((e) => e.message),
    errors: items.filter((e) => e.status === 'Failed').map((e) => e.message),
    items: items.map((e) => ({ name: e.itemName, type: e.itemType, status: e.status })),
  };
}
