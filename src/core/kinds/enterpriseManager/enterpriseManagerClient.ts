import { VeeamError, isVeeamError } from '../../errors';
import { headerValue, type HttpRequest, type HttpResponse } from '../../http/httpExchange';
import type { ServerHttpClient } from '../../http/serverHttpClient';
import { errorForStatus } from '../../http/statusErrors';
import type { BodyFormat, Platform, RawBody, RestoreSession, RestoreSessionEvent, SessionPage } from '../../model/restoreSession';
import { isGuid } from '../../model/restoreSessionUid';
import { parseEnterpriseManagerDocument } from './enterpriseManagerParser';
import type { ParsedDocument } from '../../parsing/parsedDocument';
import { toRawBody } from '../../parsing/rawBody';
import { readVeeamErrorMessage } from '../../parsing/veeamErrorBody';
import { collectFilteredPage, pageOf } from '../../clients/clientSidePaging';
import type { ClientOptions } from '../../clients/clientOptions';
import { enterpriseManagerFilter } from './enterpriseManagerFilter';
import { advertisedOriginOf } from '../../clients/advertisedOrigin';
import { pathForHref } from '../../clients/relatedHref';
import { RestorePointPlatforms } from './restorePointPlatforms';
import type { GetOptions, ListQuery, RestoreSessionClient } from '../../clients/restoreSessionClient';
import { hasFilter, matchesFilter } from '../../clients/sessionFilterMatch';
import { sortNewestFirst } from '../../model/sessionOrder';
import { SignedInRequests } from '../../clients/signedInRequests';

/** What an EM logon yields: the header token (opaque, verbatim) and the logon session id (for logoff). */
interface EnterpriseManagerLogon {
  sessionToken: string;
  logonSessionId: string;
}

const SESSION_HEADER = 'X-RestSvcSessionId';
const API_PATH = /^\/api(\/|$)/i;
/** Server page size while filtering names client-side, and how many such pages at most. */
const SCAN_PAGE_SIZE = 200;
const MAX_SCAN_PAGES = 50;

/**
 * Veeam Backup Enterprise Manager REST API client (shared/veeam-api.md, Part A): Basic logon to a
 * session token, the query service for sorted/filtered/paged lists (with the plain collection as a
 * fallback for servers without it), entity reads in XML or JSON.
 */
export class EnterpriseManagerClient implements RestoreSessionClient {
  readonly kind = 'em' as const;
  private readonly signedIn: SignedInRequests<EnterpriseManagerLogon>;
  /** Set once the query service has answered 400/404/501: the collection is used for the client's life. */
  private queryUnsupported = false;
  /** Origins the server names itself by in its own hrefs, besides the configured one. */
  private readonly ownOrigins = new Set<string>();
  private readonly platforms: RestorePointPlatforms;

  constructor(
    private readonly options: ClientOptions,
    private readonly http: ServerHttpClient,
  ) {
    this.signedIn = new SignedInRequests<EnterpriseManagerLogon>(
      { obtain: (_stale, signal) => this.performLogon(signal), attach: withToken, isCredential: isLogon },
      http,
      options.tokenStore,
    );
    this.platforms = new RestorePointPlatforms((href) => this.getRaw(href, 'json'), options.logger);
  }

  async connect(signal?: AbortSignal): Promise<string> {
    // The entry point (is this Enterprise Manager, which version) and the logon go out together: one round trip less
    // on every cold start. The logon goes only to the configured, TLS-verified host, and when the entry point says
    // this is not Enterprise Manager, that is the error reported, whatever the logon answered.
    const signingIn = this.signedIn.current(signal);
    signingIn.catch(() => undefined);
    const root = await this.http.request({ method: 'GET', path: '/api/', headers: { accept: 'application/xml' }, signal });
    if (root.status !== 200) throw errorForStatus(root, { what: 'the Enterprise Manager entry point' });
    const version = newestVersion(this.parse(root));
    const current = await signingIn;
    if (current.reused) {
      // A token from an earlier run may have expired: one cheap authenticated read proves it (or renews it).
      await this.send({ method: 'GET', path: `/api/logonSessions/${encodeURIComponent(current.credential.logonSessionId)}`, headers: { accept: 'application/json' }, signal }, 'the logon session');
    }
    return version ? `Enterprise Manager (REST API ${version})` : 'Enterprise Manager';
  }

  async listSessions(query: ListQuery): Promise<SessionPage> {
    checkPaging(query);
    if (!this.queryUnsupported) {
      try {
        return await this.listWithQueryService(query);
      } catch (e) {
        if (!isVeeamError(e) || ![400, 404, 501].includes(e.status ?? 0)) throw e;
        this.queryUnsupported = true;
        this.options.logger?.('info', `The query service answered ${e.status}; listing restore sessions from /api/restoreSessions from now on.`);
      }
    }
    return this.listFromCollection(query);
  }

  async getSession(id: string, options: GetOptions = {}): Promise<RestoreSession> {
    if (!isGuid(id)) throw new VeeamError('invalidInput', `"${id.slice(0, 80)}" is not a restore session ID (a GUID).`);
    const format = options.format ?? 'xml';
    const response = await this.send(
      { method: 'GET', path: `/api/restoreSessions/${encodeURIComponent(id)}?format=Entity`, headers: { accept: mediaType(format) }, signal: options.signal },
      `restore session ${id}`,
    );
    const raw = toRawBody(response.text, response.contentType);
    const doc = parseEnterpriseManagerDocument(raw);
    if (doc.kind !== 'session') throw unexpected(doc, 'a restore session');
    this.learnOrigin(doc.session.selfHref, `/api/restoreSessions/${id}`);
    // The parser keeps `raw` on a session read on its own.
    return doc.session;
  }

  /** Enterprise Manager has no per-session event log in its REST API. */
  async getEvents(_id: string, _signal?: AbortSignal): Promise<RestoreSessionEvent[]> {
    return [];
  }

  advertisedOrigins(): readonly string[] {
    return [...this.ownOrigins];
  }

  platformOf(session: RestoreSession): Promise<Platform> {
    return this.platforms.platformOf(session);
  }

  async getRaw(href: string, format: BodyFormat, signal?: AbortSignal): Promise<RawBody> {
    const path = pathForHref(href, this.http.origin, API_PATH);
    const response = await this.send({ method: 'GET', path, headers: { accept: mediaType(format) }, signal }, 'the linked resource');
    return toRawBody(response.text, response.contentType);
  }

  async logoff(): Promise<void> {
    const logon = await this.signedIn.takeForLogoff();
    if (!logon) return;
    try {
      const response = await this.http.request({
        method: 'DELETE',
        path: `/api/logonSessions/${encodeURIComponent(logon.logonSessionId)}`,
        headers: { [SESSION_HEADER]: logon.sessionToken },
      });
      // 401/404: the session had already ended on the server, which is what logoff wants anyway.
      if (response.status >= 300 && response.status !== 401 && response.status !== 404) {
        this.options.logger?.('warn', errorForStatus(response, { what: 'the logoff' }).toLogString());
      }
    } catch (e) {
      this.options.logger?.('warn', `Logoff failed: ${isVeeamError(e) ? e.toLogString() : String(e)}`);
    }
  }

  dispose(): Promise<void> {
    return this.http.dispose();
  }

  /** Remembers the origin the server wrote a document's own href with, when it is not the configured one. */
  private learnOrigin(selfHref: string | undefined, requestedPath: string): void {
    const origin = advertisedOriginOf(selfHref, requestedPath, this.http.origin);
    if (origin && !this.ownOrigins.has(origin)) {
      this.ownOrigins.add(origin);
      this.options.logger?.('info', `The server names itself ${origin} in its links (configured: ${this.http.origin}); its links there are read from the configured address.`);
    }
  }

  private async listWithQueryService(query: ListQuery): Promise<SessionPage> {
    const filter = enterpriseManagerFilter(query.filter);
    const text = query.filter?.text?.trim();
    if (!text) {
      const result = await this.queryPage(query.page, query.pageSize, filter, query.signal);
      const page: SessionPage = { sessions: result.sessions, page: query.page, pageSize: query.pageSize, hasMore: result.paging?.hasNext ?? false };
      if (result.paging?.pagesCount !== undefined) page.pagesCount = result.paging.pagesCount;
      return page;
    }
    // Names are matched here (no "contains" operator in EM filters); state/result/type still filter on the server.
    const scanSize = Math.max(query.pageSize, SCAN_PAGE_SIZE);
    return collectFilteredPage(
      async (index) => {
        const result = await this.queryPage(index + 1, scanSize, filter, query.signal);
        return { sessions: result.sessions, hasNext: result.paging?.hasNext ?? false };
      },
      (s) => matchesFilter(s, { text }),
      query.page,
      query.pageSize,
      MAX_SCAN_PAGES,
    );
  }

  private async queryPage(page: number, pageSize: number, filter: string | undefined, signal: AbortSignal | undefined) {
    // JSON: a list page parses ~20× faster than the same page in XML.
    const params = [`type=RestoreSession`, `format=Entities`, `sortDesc=CreationTime`, `pageSize=${pageSize}`, `page=${page}`];
    if (filter) params.push(`filter=${encodeURIComponent(filter)}`);
    const response = await this.send({ method: 'GET', path: `/api/query?${params.join('&')}`, headers: { accept: 'application/json' }, signal }, 'the restore session list');
    const doc = this.parse(response);
    if (doc.kind !== 'list') throw unexpected(doc, 'a restore session list');
    return doc;
  }

  /** The plain collection: all sessions at once, unsorted (EM 13: the last 30 days only). */
  private async listFromCollection(query: ListQuery): Promise<SessionPage> {
    const response = await this.send(
      { method: 'GET', path: '/api/restoreSessions?format=Entity', headers: { accept: 'application/json' }, signal: query.signal },
      'the restore session list',
    );
    const doc = this.parse(response);
    if (doc.kind !== 'list') throw unexpected(doc, 'a restore session list');
    const sessions = sortNewestFirst(doc.sessions);
    return pageOf(hasFilter(query.filter) ? sessions.filter((s) => matchesFilter(s, query.filter)) : sessions, query.page, query.pageSize);
  }

  private parse(response: HttpResponse): ParsedDocument {
    return parseEnterpriseManagerDocument(toRawBody(response.text, response.contentType));
  }

  /** An authenticated request: logs on when needed and, on 401, logs on again once and retries. */
  private send(request: HttpRequest, what: string): Promise<HttpResponse> {
    return this.signedIn.send(request, what);
  }

  private async performLogon(signal: AbortSignal | undefined): Promise<EnterpriseManagerLogon> {
    const { server } = this.options;
    const password = await this.options.password();
    if (password === undefined) throw new VeeamError('authFailed', `No password is available for ${server.username} on ${server.name}. Sign in again.`);
    const basic = Buffer.from(`${server.username}:${password}`, 'utf8').toString('base64');
    const response = await this.http.request({
      method: 'POST',
      path: '/api/sessionMngr/?v=latest',
      headers: { authorization: `Basic ${basic}`, accept: 'application/xml' },
      signal,
    });
    if (response.status === 401) {
      const veeamMessage = readVeeamErrorMessage(response.text, response.contentType);
      throw new VeeamError('authFailed', `Enterprise Manager refused the user name or password for ${server.username}.${veeamMessage ? ` The server said: ${veeamMessage}` : ''}`, {
        status: 401,
        veeamMessage,
      });
    }
    if (response.status !== 201 && response.status !== 200) throw errorForStatus(response, { what: 'a logon session' });
    const sessionToken = headerValue(response.headers, SESSION_HEADER);
    if (!sessionToken) {
      throw new VeeamError('malformedResponse', `The logon answer carried no ${SESSION_HEADER} header. Check that the URL points at the Enterprise Manager REST API (port 9398).`, {
        status: response.status,
      });
    }
    return { sessionToken, logonSessionId: this.logonSessionId(response) };
  }

  /** The SessionId from the LogonSession body, or else the last segment of Location (both documented). */
  private logonSessionId(response: HttpResponse): string {
    let parseError: unknown;
    try {
      const doc = this.parse(response);
      if (doc.kind === 'logon') return doc.sessionId;
    } catch (e) {
      parseError = e;
    }
    const location = headerValue(response.headers, 'location');
    const last = location?.split(/[?#]/)[0].split('/').filter(Boolean).pop();
    if (last) return decodeURIComponent(last);
    if (isVeeamError(parseError)) throw parseError;
    throw new VeeamError('malformedResponse', 'The logon answer named no logon session (no SessionId and no Location).', { status: response.status });
  }
}

// One literal, not `{ ...request, headers }`: overriding a spread property takes V8's slow path (~3 µs a request).
function withToken(request: HttpRequest, logon: EnterpriseManagerLogon): HttpRequest {
  const headers = { ...request.headers };
  headers[SESSION_HEADER] = logon.sessionToken;
  return { method: request.method, path: request.path, headers, body: request.body, signal: request.signal };
}

function mediaType(format: BodyFormat): string {
  return format === 'json' ? 'application/json' : 'application/xml';
}

function isLogon(v: unknown): v is EnterpriseManagerLogon {
  const o = v as Partial<EnterpriseManagerLogon> | null;
  return typeof o === 'object' && o !== null && typeof o.sessionToken === 'string' && o.sessionToken !== '' && typeof o.logonSessionId === 'string' && o.logonSessionId !== '';
}

function checkPaging(query: ListQuery): void {
  if (!Number.isInteger(query.page) || query.page < 1 || !Number.isInteger(query.pageSize) || query.pageSize < 1) {
    throw new VeeamError('invalidInput', 'Page and page size must be positive whole numbers.');
  }
}

function unexpected(doc: ParsedDocument, wanted: string): VeeamError {
  const got = doc.kind === 'other' ? `a ${doc.rootName} document` : `a ${doc.kind} document`;
  return new VeeamError('malformedResponse', `Expected ${wanted} from Enterprise Manager, got ${got}.`, { detail: got });
}

/** The highest `vX_Y` among SupportedVersions of the EnterpriseManager entry point (XML or JSON shape). */
function newestVersion(doc: ParsedDocument): string | undefined {
  if (doc.kind !== 'other') return undefined;
  const names: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, depth + 1));
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (key.toLowerCase() === 'name' && typeof v === 'string' && /^v\d+(_\d+)*$/i.test(v)) names.push(v);
      else visit(v, depth + 1);
    }
  };
  const versions = Object.entries(doc.data).find(([k]) => k.toLowerCase() === 'supportedversions')?.[1];
  visit(versions, 0);
  const rank = (v: string): number[] => v.slice(1).split('_').map(Number);
  return names.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  }).pop();
}
