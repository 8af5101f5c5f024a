import { collectFilteredPage } from '../../clients/clientSidePaging';
import type { ClientOptions } from '../../clients/clientOptions';
import type { GetOptions, ListQuery, RestoreSessionClient, SessionFilter, SessionScope } from '../../clients/restoreSessionClient';
import { hasFilter, matchesFilter } from '../../clients/sessionFilterMatch';
import { SignedInRequests } from '../../clients/signedInRequests';
import { VeeamError, isVeeamError } from '../../errors';
import type { HttpRequest, HttpResponse } from '../../http/httpExchange';
import type { ServerHttpClient } from '../../http/serverHttpClient';
import { errorForStatus } from '../../http/statusErrors';
import type { BodyFormat, Platform, RawBody, RestoreSession, RestoreSessionEvent, RestoreSessionSummary, SessionPage, TaskSession } from '../../model/restoreSession';
import { isGuid } from '../../model/restoreSessionUid';
import type { ParsedDocument } from '../../parsing/parsedDocument';
import { toRawBody } from '../../parsing/rawBody';
import { readVeeamErrorMessage } from '../../parsing/veeamErrorBody';
import { pathForHref } from '../../clients/relatedHref';
import { stopOutcomeUnknown, stopRefused } from '../../clients/stopErrors';
import { LATEST_REVISION, fallbackRevision, normaliseRevision, revisionAtLeast } from './backupReplicationRevisions';
import { parseBackupReplicationDocument, type BackupReplicationExpectation, type RequestedPage } from './parser';
import { SESSION_TYPE_INFO } from './vocabulary';

/** The token pair, with the access token's expiry as epoch milliseconds. */
interface BackupReplicationTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  lifetimeMs: number;
}

const API_PATH = /^\/api\/v1(\/|$)/i;
/** The documented default page (1.3-rev0 on); no maximum is documented, so no more is asked per request. */
const PAGE_LIMIT = 200;
/** Pages read at most while a filter the server cannot apply is applied here. */
const SCAN_PAGE_SIZE = 500;
const MAX_SCAN_PAGES = 40;
/** 15 min is what every published token says; used when a token response has no expires_in. */
const DEFAULT_LIFETIME_MS = 900_000;
const STATE_WORDS: Record<'finished', string> = { finished: 'Stopped' };
const RESULT_WORDS: Record<'success' | 'warning' | 'failed', string> = { success: 'Success', warning: 'Warning', failed: 'Failed' };

/**
 * Veeam Backup & Replication REST API client (shared/veeam-api-vbr.md): password grant to bearer tokens with
 * single-use refresh tokens, the revision negotiated through `x-api-version`, session lists ordered, paged and (from
 * 1.3-rev0) filtered by the server, sessions, their logs and task sessions.
 */
export class BackupReplicationClient implements RestoreSessionClient {
  readonly kind = 'vbr' as const;
  private revision: string;
  private readonly signedIn: SignedInRequests<BackupReplicationTokens>;

  constructor(
    private readonly options: ClientOptions,
    private readonly http: ServerHttpClient,
  ) {
    const configured = options.server.apiVersion;
    const revision = configured === undefined ? LATEST_REVISION : normaliseRevision(configured);
    if (!revision) throw new VeeamError('invalidInput', `"${configured}" is not a Backup & Replication REST API revision (such as ${LATEST_REVISION}).`);
    this.revision = revision;
    this.signedIn = new SignedInRequests<BackupReplicationTokens>(
      {
        obtain: (stale, signal) => this.obtainTokens(stale, signal),
        attach: (request, tokens) => this.withHeaders(request, tokens),
        isDue: (tokens) => Date.now() >= tokens.expiresAt - refreshMarginMs(tokens.lifetimeMs),
        isCredential: isTokens,
      },
      http,
      options.tokenStore,
    );
  }

  /** The revision this client speaks now: the configured one, or what the server accepted after a fallback. */
  apiVersion(): string {
    return this.revision;
  }

  async connect(signal?: AbortSignal): Promise<string> {
    const { reused } = await this.signedIn.current(signal);
    if (reused) {
      // Tokens from an earlier run may be revoked: one small authenticated read proves (or renews) them.
      await this.send({ method: 'GET', path: '/api/v1/sessions?skip=0&limit=1', signal }, 'the session list');
    }
    return `Backup & Replication (REST API ${this.revision})`;
  }

  async listSessions(query: ListQuery): Promise<SessionPage> {
    if (!Number.isInteger(query.page) || query.page < 1 || !Number.isInteger(query.pageSize) || query.pageSize < 1) {
      throw new VeeamError('invalidInput', 'Page and page size must be positive whole numbers.');
    }
    const scope = query.scope ?? 'restores';
    if (this.wantedTypes(query.filter, scope)?.length === 0) return { sessions: [], page: query.page, pageSize: query.pageSize, hasMore: false, totalCount: 0 };
    const server = this.serverSideFilter(query.filter, scope);
    const local = this.localFilter(query.filter, scope, server.typesOnServer);
    if (!local) {
      const pageSize = Math.min(query.pageSize, PAGE_LIMIT);
      const skip = (query.page - 1) * pageSize;
      const doc = await this.readList(skip, pageSize, server.params, query.signal);
      const page: SessionPage = { sessions: doc.sessions, page: query.page, pageSize: query.pageSize, hasMore: hasNext(doc, skip) };
      if (doc.paging?.totalCount !== undefined) page.totalCount = doc.paging.totalCount;
      return page;
    }
    return collectFilteredPage(
      async (index) => {
        const skip = index * SCAN_PAGE_SIZE;
        const doc = await this.readList(skip, SCAN_PAGE_SIZE, server.params, query.signal);
        query.onProgress?.({ sessionsRead: skip + doc.sessions.length, totalCount: doc.paging?.totalCount, more: hasNext(doc, skip) });
        return { sessions: doc.sessions, hasNext: hasNext(doc, skip) };
      },
      local,
      query.page,
      query.pageSize,
      MAX_SCAN_PAGES,
    );
  }

  async getSession(id: string, options: GetOptions = {}): Promise<RestoreSession> {
    checkId(id);
    const response = await this.send({ method: 'GET', path: `/api/v1/sessions/${encodeURIComponent(id)}`, signal: options.signal }, `session ${id}`);
    const raw = toRawBody(response.text, response.contentType);
    const doc = parseBackupReplicationDocument(raw);
    if (doc.kind !== 'session') throw unexpected(doc, 'a session');
    return doc.session;
  }

  /**
   * The whole log, in id order. `known` is not used: `/sessions/{id}/logs` has no skip/limit (shared/veeam-api-vbr.md
   * §4.2), so every read is a full one.
   */
  async getEvents(id: string, signal?: AbortSignal, _known?: readonly RestoreSessionEvent[]): Promise<RestoreSessionEvent[]> {
    checkId(id);
    const response = await this.send({ method: 'GET', path: `/api/v1/sessions/${encodeURIComponent(id)}/logs`, signal }, `the log of session ${id}`);
    const doc = this.parse(response, 'events');
    if (doc.kind !== 'events') throw unexpected(doc, 'a session log');
    return doc.events;
  }

  /** The per-object task sessions (1.2-rev1 on); none before, where the API has no such call. */
  async getTaskSessions(id: string, signal?: AbortSignal): Promise<TaskSession[]> {
    checkId(id);
    if (!revisionAtLeast(this.revision, '1.2-rev1')) return [];
    const response = await this.send({ method: 'GET', path: `/api/v1/sessions/${encodeURIComponent(id)}/taskSessions`, signal }, `the task sessions of session ${id}`);
    const doc = this.parse(response, 'taskSessions');
    if (doc.kind !== 'taskSessions') throw unexpected(doc, 'task sessions');
    return doc.tasks;
  }

  /** `POST /sessions/{id}/stop` (§4.3): 200 `{}` means the server took the request, not that the session stopped. */
  async stopSession(id: string, signal?: AbortSignal): Promise<void> {
    checkId(id);
    const what = `session ${id}`;
    let response: HttpResponse;
    try {
      response = await this.sendAllowingErrors({ method: 'POST', path: `/api/v1/sessions/${encodeURIComponent(id)}/stop`, signal });
    } catch (error) {
      throw stopOutcomeUnknown(error, what);
    }
    if (response.status < 200 || response.status >= 300) throw stopRefused(response, what);
  }

  advertisedOrigins(): readonly string[] {
    return [];
  }

  /** Sessions name their platform (`platformName`, 1.2-rev1 on): nothing to fetch. */
  async platformOf(session: RestoreSession): Promise<Platform> {
    return session.platform;
  }

  async getRaw(href: string, _format: BodyFormat, signal?: AbortSignal): Promise<RawBody> {
    const path = pathForHref(href, this.http.origin, API_PATH);
    const response = await this.send({ method: 'GET', path, signal }, 'the linked resource');
    return toRawBody(response.text, response.contentType);
  }

  async logoff(): Promise<void> {
    const tokens = await this.signedIn.takeForLogoff();
    if (!tokens) return;
    try {
      const response = await this.http.request(this.withHeaders({ method: 'POST', path: '/api/oauth2/logout' }, tokens));
      if (response.status >= 300 && response.status !== 401) this.options.logger?.('warn', errorForStatus(response, { what: 'the token logout' }).toLogString());
    } catch (e) {
      this.options.logger?.('warn', `Token logout failed: ${isVeeamError(e) ? e.toLogString() : String(e)}`);
    }
  }

  dispose(): Promise<void> {
    return this.http.dispose();
  }

  /** Query parameters the server applies: order always; type, state and result filters where the revision can. */
  private serverSideFilter(filter: SessionFilter | undefined, scope: SessionScope): { params: string[]; typesOnServer: boolean } {
    const params = ['orderColumn=CreationTime', 'orderAsc=false'];
    const arrays = revisionAtLeast(this.revision, '1.3-rev0');
    const types = this.wantedTypes(filter, scope);
    let typesOnServer = types === undefined;
    if (types && (arrays || types.length === 1)) {
      for (const t of types) params.push(`typeFilter=${encodeURIComponent(t)}`);
      typesOnServer = true;
    }
    const states = filter?.states ?? [];
    if (states.length === 1 && states[0] === 'finished') params.push(`stateFilter=${STATE_WORDS.finished}`);
    const results = filter?.results ?? [];
    if (results.length > 0 && (arrays || results.length === 1)) {
      for (const r of results) params.push(`resultFilter=${RESULT_WORDS[r]}`);
    }
    const text = filter?.text?.trim();
    // Matches any property, not only the name (§3.1): it narrows the pages, the exact match is made here.
    if (text && !/[*?&#]/.test(text)) params.push(`nameFilter=${encodeURIComponent(`*${text}*`)}`);
    return { params, typesOnServer };
  }

  /** What is left to filter here, or undefined when the server did all of it. */
  private localFilter(filter: SessionFilter | undefined, scope: SessionScope, typesOnServer: boolean): ((s: RestoreSessionSummary) => boolean) | undefined {
    const types = typesOnServer ? undefined : this.wantedTypes(filter, scope);
    const rest: SessionFilter = { ...filter, types: undefined };
    const states = filter?.states ?? [];
    const results = filter?.results ?? [];
    const serverDidStates = states.length === 0 || (states.length === 1 && states[0] === 'finished');
    const serverDidResults = results.length === 0 || revisionAtLeast(this.revision, '1.3-rev0') || results.length === 1;
    const serverDidText = !filter?.text?.trim();
    if (!types && serverDidStates && serverDidResults && serverDidText) return undefined;
    const wanted = types ? new Set(types) : undefined;
    return (s) => (!wanted || wanted.has(s.type)) && (!hasFilter(rest) || matchesFilter(s, rest));
  }

  /** The session types to list: the filter's, else the scope's; undefined = every type. */
  private wantedTypes(filter: SessionFilter | undefined, scope: SessionScope): string[] | undefined {
    if (filter?.types && filter.types.length > 0) {
      // The filter is shared by every server: keep this API's types, in its own spelling (the server's enum is
      // case-sensitive and may refuse another API's words). None of them: nothing here can match.
      const asked = new Set(filter.types.map((t) => t.toLowerCase()));
      return SESSION_TYPE_INFO.filter((t) => asked.has(t.type.toLowerCase())).map((t) => t.type);
    }
    if (scope === 'all') return undefined;
    const classes = scope === 'restoresAndAdjacent' ? ['restore', 'restoreAdjacent'] : ['restore'];
    // Types newer than the revision spoken are not asked for: an older server may refuse a value it does not know.
    // "First seen in" a read document: such a type may be older, never newer, so none that exists is left out here
    // except where an unread revision brought it (documented: 1.1-rev1 brought FileLevelRestore and others).
    return SESSION_TYPE_INFO.filter((t) => classes.includes(t.typeClass) && revisionAtLeast(this.revision, t.firstSeenIn === '1.2-rev1' ? '1.1-rev1' : t.firstSeenIn)).map((t) => t.type);
  }

  private async readList(skip: number, limit: number, params: string[], signal: AbortSignal | undefined): Promise<Extract<ParsedDocument, { kind: 'list' }>> {
    const path = `/api/v1/sessions?${[...params, `skip=${skip}`, `limit=${limit}`].join('&')}`;
    const doc = this.parse(await this.send({ method: 'GET', path, signal }, 'the session list'), 'sessions', { skip, limit });
    if (doc.kind !== 'list') throw unexpected(doc, 'a session list');
    return doc;
  }

  private parse(response: HttpResponse, expect: BackupReplicationExpectation = 'sessions', requested?: RequestedPage): ParsedDocument {
    return parseBackupReplicationDocument(toRawBody(response.text, response.contentType), expect, requested);
  }

  /** An authenticated request; a 400 "revision not supported" moves to an older revision and retries. */
  private async send(request: HttpRequest, what: string): Promise<HttpResponse> {
    const response = await this.sendAllowingErrors(request);
    if (response.status < 200 || response.status >= 300) throw errorForStatus(response, { what });
    return response;
  }

  private async sendAllowingErrors(request: HttpRequest): Promise<HttpResponse> {
    for (;;) {
      const spoken = this.revision;
      const response = await this.signedIn.sendAllowingErrors(request);
      if (!this.fellBack(response, spoken)) return response;
    }
  }

  /**
   * Whether `response` refused the revision `spoken` and another one is now set to try. Throws when no revision is
   * left. Another request may have fallen back meanwhile: then just retry with that one.
   */
  private fellBack(response: HttpResponse, spoken: string): boolean {
    if (response.status !== 400) return false;
    const message = readVeeamErrorMessage(response.text, response.contentType);
    if (!isUnsupportedRevision(response.text, message)) return false;
    if (this.revision !== spoken) return true;
    const next = fallbackRevision(spoken, message);
    if (!next) {
      throw new VeeamError('serverError', `The server supports none of the REST API revisions this extension speaks (down to ${spoken}).${message ? ` The server said: ${message}` : ''}`, {
        status: 400,
        veeamMessage: message,
      });
    }
    this.options.logger?.('info', `The server does not support REST API revision ${spoken}; trying ${next}.`);
    this.revision = next;
    return true;
  }

  private withHeaders(request: HttpRequest, tokens: BackupReplicationTokens | undefined): HttpRequest {
    const headers = { ...request.headers };
    if (tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
    headers['x-api-version'] = this.revision;
    headers.accept = 'application/json';
    return { method: request.method, path: request.path, headers, body: request.body, signal: request.signal };
  }

  private async obtainTokens(stale: BackupReplicationTokens | undefined, signal: AbortSignal | undefined): Promise<BackupReplicationTokens> {
    if (stale) {
      try {
        return await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: stale.refreshToken }, signal);
      } catch (e) {
        // A used, expired or revoked refresh token: sign in with the password instead (§2.3).
        if (isVeeamError(e) && (e.code === 'cancelled' || e.code === 'unreachable' || e.code === 'timeout' || e.code === 'tlsUntrusted' || e.code === 'certificateChanged')) throw e;
        this.options.logger?.('debug', 'Token refresh was refused; signing in with the password.');
      }
    }
    const password = await this.options.password();
    if (password === undefined) {
      throw new VeeamError('authFailed', `No password is available for ${this.options.server.username} on ${this.options.server.name}. Sign in again.`);
    }
    // Grant types in lower case: the 1.3-rev1 document capitalises the enum, every example still sends lower case.
    return this.tokenRequest({ grant_type: 'password', username: this.options.server.username, password }, signal);
  }

  private async tokenRequest(fields: Record<string, string>, signal: AbortSignal | undefined): Promise<BackupReplicationTokens> {
    for (;;) {
      const spoken = this.revision;
      const response = await this.http.request(
        this.withHeaders(
          { method: 'POST', path: '/api/oauth2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), signal },
          undefined,
        ),
      );
      if (this.fellBack(response, spoken)) continue;
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        const veeamMessage = readVeeamErrorMessage(response.text, response.contentType);
        const what = fields.grant_type === 'password' ? `the user name or password for ${this.options.server.username}` : 'the refresh token';
        throw new VeeamError('authFailed', `The Backup & Replication server refused ${what}.${veeamMessage ? ` The server said: ${veeamMessage}` : ''}`, {
          status: response.status,
          veeamMessage,
        });
      }
      if (response.status !== 200) throw errorForStatus(response, { what: 'a sign-in token' });
      const doc = this.parse(response);
      if (doc.kind !== 'token' || !doc.refreshToken) throw unexpected(doc, 'a token pair');
      const lifetimeMs = doc.expiresInSeconds !== undefined && doc.expiresInSeconds > 0 ? doc.expiresInSeconds * 1000 : DEFAULT_LIFETIME_MS;
      return { accessToken: doc.accessToken, refreshToken: doc.refreshToken, expiresAt: Date.now() + lifetimeMs, lifetimeMs };
    }
  }
}

/** The documented `NotImplemented` example and the wording a VBR 11 was seen to send (§1). */
function isUnsupportedRevision(text: string, message: string | undefined): boolean {
  if (/"errorCode"\s*:\s*"NotImplemented"/.test(text) && /version/i.test(message ?? '')) return true;
  return /unsupported restapi version|api version is not supported/i.test(message ?? '');
}

/** More after this page: by the total the server states, else by a full page. Never by `pagination.skip/limit`. */
function hasNext(doc: Extract<ParsedDocument, { kind: 'list' }>, skip: number): boolean {
  if (doc.sessions.length === 0) return false;
  const total = doc.paging?.totalCount;
  return total !== undefined ? skip + doc.sessions.length < total : (doc.paging?.hasNext ?? false);
}

/** Renew a tenth of the lifetime early (at least 1 s, at most 1 min). */
function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, lifetimeMs / 10));
}

function checkId(id: string): void {
  if (!isGuid(id)) throw new VeeamError('invalidInput', `"${id.slice(0, 80)}" is not a session ID (a GUID).`);
}

function isTokens(v: unknown): v is BackupReplicationTokens {
  const o = v as Partial<BackupReplicationTokens> | null;
  return (
    typeof o === 'object' && o !== null && typeof o.accessToken === 'string' && o.accessToken !== '' && typeof o.refreshToken === 'string' &&
    typeof o.expiresAt === 'number' && typeof o.lifetimeMs === 'number'
  );
}

function unexpected(doc: ParsedDocument, wanted: string): VeeamError {
  const got = doc.kind === 'other' ? `a ${doc.rootName} document` : `a ${doc.kind} document`;
  return new VeeamError('malformedResponse', `Expected ${wanted} from the Backup & Replication server, got ${got}.`, { detail: got });
}
