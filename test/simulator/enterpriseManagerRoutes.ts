import type { SimulatorCredentials } from './simulatorCredentials';
import type { EnterpriseManagerData } from './enterpriseManagerData';
import { renderEnterpriseManagerJson } from './enterpriseManagerJson';
import type { EmLogonSession, EnterpriseManagerLogons } from './enterpriseManagerLogons';
import {
  backupServerEntity,
  backupServerRef,
  enterpriseManagerDocument,
  logonSessionEntity,
  querySvcEntity,
  restoreSessionEntity,
  restoreSessionRef,
  SUPPORTED_VERSIONS,
  vmRestorePointEntity,
  vmRestorePointRef,
  type EmDocument,
} from './enterpriseManagerViews';
import { renderEnterpriseManagerXml } from './enterpriseManagerXml';
import type { FaultSettings } from './faults';
import { QueryError } from './restoreSessionQuery';
import { queryRestoreSessions } from './restoreSessionQueryPage';
import { ResponseCache } from './responseCache';
import { RouteTable } from './routeTable';
import { headerValue, type SimRequest, type SimResponse } from './simulatedExchange';

export interface EnterpriseManagerContext {
  data: EnterpriseManagerData;
  logons: EnterpriseManagerLogons;
  credentials: SimulatorCredentials;
  faults(): FaultSettings;
}

interface EmCall {
  request: SimRequest;
  params: Record<string, string>;
  logon: EmLogonSession | undefined;
}

type EmHandler = (call: EmCall) => SimResponse;

interface EmRoute {
  /** Public routes work without a logon session (entry point and logon). */
  public: boolean;
  /** Big session lists: the serialized answer is reused until the data changes. */
  cacheable?: boolean;
  handle: EmHandler;
}

/** Thrown by handlers for a 4xx answer; rendered as an Error body in the negotiated format. */
class EmHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SESSION_HEADER = 'X-RestSvcSessionId';

/** The Enterprise Manager REST API at /api (Part A / Part D of the reference). */
export function createEnterpriseManagerApi(ctx: EnterpriseManagerContext): { handle(r: SimRequest): SimResponse; internalError(r: SimRequest): SimResponse } {
  const reply = (request: SimRequest, status: number, doc: EmDocument, headers: Record<string, string> = {}): SimResponse => {
    const json = wantsJson(request);
    return {
      status,
      headers: { 'Content-Type': json ? 'application/json' : 'application/xml', ...headers },
      body: json ? renderEnterpriseManagerJson(doc, ctx.faults().camelCaseJson) : renderEnterpriseManagerXml(doc),
    };
  };
  const ok = (call: EmCall, doc: EmDocument): SimResponse => reply(call.request, 200, doc);
  const cache = new ResponseCache();

  const routes = new RouteTable<EmRoute>()
    .add('GET', '/api', { public: true, handle: (c) => ok(c, enterpriseManagerDocument(c.request.origin)) })
    .add('POST', '/api/sessionMngr', { public: true, handle: (c) => logon(c) })
    .add('GET', '/api/logonSessions', {
      public: false,
      handle: (c) => ok(c, { kind: 'entityList', listElement: 'LogonSessions', entities: ctx.logons.active().map((l) => logonSessionEntity(c.request.origin, l.sessionId, l.userName)) }),
    })
    .add('GET', '/api/logonSessions/:id', { public: false, handle: (c) => ok(c, { kind: 'entity', entity: logonOf(c).entity }) })
    .add('DELETE', '/api/logonSessions/:id', {
      public: false,
      handle: (c) => {
        ctx.logons.delete(logonOf(c).logon);
        return { status: 204, headers: {}, body: '' };
      },
    })
    .add('GET', '/api/restoreSessions', {
      public: false,
      cacheable: true,
      handle: (c) =>
        representation(c) === 'entity'
          ? ok(c, { kind: 'entityList', listElement: 'RestoreSessions', entities: ctx.data.sessions.map((s) => restoreSessionEntity(c.request.origin, s)) })
          : ok(c, { kind: 'refList', refs: ctx.data.sessions.map((s) => restoreSessionRef(c.request.origin, s)) }),
    })
    .add('GET', '/api/restoreSessions/:id', {
      public: false,
      handle: (c) => {
        const s = ctx.data.sessionsById.get(c.params.id.toLowerCase());
        if (!s) throw new EmHttpError(404, `Restore session [${c.params.id}] was not found.`);
        return representation(c) === 'entity' ? ok(c, { kind: 'entity', entity: restoreSessionEntity(c.request.origin, s) }) : ok(c, { kind: 'ref', ref: restoreSessionRef(c.request.origin, s) });
      },
    })
    .add('GET', '/api/query', { public: false, cacheable: true, handle: (c) => query(c) })
    .add('GET', '/api/querySvc', { public: false, handle: (c) => ok(c, { kind: 'entity', entity: querySvcEntity(c.request.origin) }) })
    .add('GET', '/api/backupServers', {
      public: false,
      handle: (c) =>
        representation(c) === 'entity'
          ? ok(c, { kind: 'entityList', listElement: 'BackupServers', entities: ctx.data.backupServers.map((b) => backupServerEntity(c.request.origin, b)) })
          : ok(c, { kind: 'refList', refs: ctx.data.backupServers.map((b) => backupServerRef(c.request.origin, b)) }),
    })
    .add('GET', '/api/backupServers/:id', {
      public: false,
      handle: (c) => {
        const b = ctx.data.backupServers.find((x) => x.id === c.params.id.toLowerCase());
        if (!b) throw new EmHttpError(404, `Backup server [${c.params.id}] was not found.`);
        return representation(c) === 'entity' ? ok(c, { kind: 'entity', entity: backupServerEntity(c.request.origin, b) }) : ok(c, { kind: 'ref', ref: backupServerRef(c.request.origin, b) });
      },
    })
    .add('GET', '/api/vmRestorePoints/:id', {
      public: false,
      handle: (c) => {
        const p = ctx.data.restorePointsById.get(c.params.id.toLowerCase());
        if (!p) throw new EmHttpError(404, `VM restore point [${c.params.id}] was not found.`);
        return representation(c) === 'entity' ? ok(c, { kind: 'entity', entity: vmRestorePointEntity(c.request.origin, p) }) : ok(c, { kind: 'ref', ref: vmRestorePointRef(c.request.origin, p) });
      },
    });

  function logon(c: EmCall): SimResponse {
    const requested = (c.request.query.get('v') ?? 'latest').toLowerCase();
    const version = requested === 'latest' ? SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1] : SUPPORTED_VERSIONS.find((v) => v === requested);
    if (!version) throw new EmHttpError(400, `Unsupported REST API version [${c.request.query.get('v') ?? ''}].`);
    const basic = /^Basic\s+(\S+)\s*$/i.exec(headerValue(c.request.headers, 'authorization') ?? '');
    const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const user = colon >= 0 ? decoded.slice(0, colon) : '';
    const password = colon >= 0 ? decoded.slice(colon + 1) : '';
    // Windows account names compare case-insensitively; passwords do not.
    if (!basic || user.toLowerCase() !== ctx.credentials.username.toLowerCase() || password !== ctx.credentials.password) {
      throw new EmHttpError(401, 'Authentication failed: the user name or password is incorrect.', { 'WWW-Authenticate': 'Basic Realm=RestSvc' });
    }
    const session = ctx.logons.create(ctx.credentials.username, version);
    const href = `${c.request.origin}/api/logonSessions/${session.sessionId}`;
    return reply(c.request, 201, { kind: 'entity', entity: logonSessionEntity(c.request.origin, session.sessionId, session.userName) }, {
      [SESSION_HEADER]: session.token,
      'Set-Cookie': `${SESSION_HEADER}=${session.token}; Path=/api;`,
      Location: href,
    });
  }

  function logonOf(c: EmCall): { logon: EmLogonSession; entity: ReturnType<typeof logonSessionEntity> } {
    const logon = ctx.logons.findById(c.params.id);
    if (!logon) throw new EmHttpError(404, `Logon session [${c.params.id}] was not found.`);
    return { logon, entity: logonSessionEntity(c.request.origin, logon.sessionId, logon.userName) };
  }

  function query(c: EmCall): SimResponse {
    const type = c.request.query.get('type');
    if (type === undefined) throw new EmHttpError(400, 'Query parameter [type] is required.');
    if (type.toLowerCase() !== 'restoresession') throw new EmHttpError(400, `Query type [${type}] is not supported by this server.`);
    const format = (c.request.query.get('format') ?? 'references').toLowerCase();
    if (!['references', 'reference', 'entities', 'entity'].includes(format)) throw new EmHttpError(400, `Format [${c.request.query.get('format') ?? ''}] is not supported.`);
    let page;
    try {
      page = queryRestoreSessions(ctx.data.sessions, c.request.query, c.request.origin);
    } catch (e) {
      if (e instanceof QueryError) throw new EmHttpError(400, e.message);
      throw e;
    }
    const origin = c.request.origin;
    return format.startsWith('entit')
      ? ok(c, { kind: 'queryEntities', listElement: 'RestoreSessions', entities: page.sessions.map((s) => restoreSessionEntity(origin, s)), paging: page.paging })
      : ok(c, { kind: 'queryRefs', refs: page.sessions.map((s) => restoreSessionRef(origin, s)), paging: page.paging });
  }

  function handle(request: SimRequest): SimResponse {
    try {
      const match = routes.match(request.method, request.path);
      if (match.kind === 'notFound') throw new EmHttpError(404, `Resource [${request.path}] was not found.`);
      const isPublic = match.kind === 'found' && match.handler.public;
      const logonSession = isPublic ? undefined : authenticate(request);
      if (match.kind === 'methodNotAllowed') {
        throw new EmHttpError(405, `Method [${request.method}] is not allowed for resource [${request.path}].`, { Allow: match.allowed.join(', ') });
      }
      const call = { request, params: match.params, logon: logonSession };
      if (ctx.faults().queryServiceUnavailable && request.path.toLowerCase().startsWith('/api/query')) {
        throw new EmHttpError(501, 'The query service is not available on this server.');
      }
      if (!match.handler.cacheable) return match.handler.handle(call);
      const key = `${request.origin} ${wantsJson(request)} ${ctx.faults().camelCaseJson} ${request.target}`;
      return cache.getOrBuild(key, ctx.data.revision, () => match.handler.handle(call));
    } catch (e) {
      if (e instanceof EmHttpError) return reply(request, e.status, { kind: 'error', status: e.status, message: e.message }, e.headers);
      throw e;
    }
  }

  function authenticate(request: SimRequest): EmLogonSession {
    // The cookie wins over the header when both are sent (A.2 step 3).
    const token = sessionCookie(headerValue(request.headers, 'cookie')) ?? headerValue(request.headers, SESSION_HEADER);
    if (token === undefined || token.trim() === '') throw new EmHttpError(401, 'Authentication required: the X-RestSvcSessionId header is missing.');
    const logon = ctx.logons.resolve(token.trim());
    if (!logon) throw new EmHttpError(401, 'The logon session does not exist or has expired.');
    return logon;
  }

  return {
    handle,
    internalError: (request) => reply(request, 500, { kind: 'error', status: 500, message: 'Object reference not set to an instance of an object.' }),
  };
}

function wantsJson(request: SimRequest): boolean {
  return /application\/json/i.test(headerValue(request.headers, 'accept') ?? '');
}

function representation(c: EmCall): 'entity' | 'reference' {
  const format = c.request.query.get('format');
  if (format === undefined) return 'reference';
  const f = format.toLowerCase();
  if (f === 'entity' || f === 'entities') return 'entity';
  if (f === 'reference' || f === 'references') return 'reference';
  throw new EmHttpError(400, `Format [${format}] is not supported.`);
}

function sessionCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(/;\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === SESSION_HEADER.toLowerCase()) return part.slice(eq + 1).trim();
  }
  return undefined;
}
