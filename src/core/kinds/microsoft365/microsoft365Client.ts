import { VeeamError, isVeeamError } from '../../errors';
import type { HttpRequest, HttpResponse } from '../../http/httpExchange';
import type { ServerHttpClient } from '../../http/serverHttpClient';
import { errorForStatus } from '../../http/statusErrors';
import type { BodyFormat, Platform, RawBody, RestoreSession, RestoreSessionEvent, RestoreSessionSummary, SessionPage } from '../../model/restoreSession';
import { isGuid } from '../../model/restoreSessionUid';
import { microsoft365 } from './microsoft365Descriptor';
import { mergeTail, tailOffset } from './microsoft365EventTail';
import { parseMicrosoft365Document, type Microsoft365Expectation } from './microsoft365Parser';
import type { ParsedDocument } from '../../parsing/parsedDocument';
import { toRawBody } from '../../parsing/rawBody';
import { readVeeamErrorMessage } from '../../parsing/veeamErrorBody';
import { collectFilteredPage, pageOf } from '../../clients/clientSidePaging';
import type { ClientOptions } from '../../clients/clientOptions';
import { advertisedOriginOf } from '../../clients/advertisedOrigin';
import { pathForHref } from '../../clients/relatedHref';
import type { GetOptions, ListQuery, RestoreSessionClient } from '../../clients/restoreSessionClient';
import { hasFilter, matchesFilter } from '../../clients/sessionFilterMatch';
import { sortNewestFirst } from '../../model/sessionOrder';
import { SignedInRequests } from '../../clients/signedInRequests';
import { readEveryPage } from '../../clients/everyPage';
import { stopOutcomeUnknown, stopRefused } from '../../clients/stopErrors';

/** The OAuth pair, with the access token's expiry as epoch milliseconds. */
interface Microsoft365Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
  /** Lifetime the server granted, to size the refresh margin. */
  lifetimeMs: number;
}

const API_PATH = /^\/v\d+(\/|$)/i;
/** `limit` the server accepts at most (B.3), and how many pages a filtered list or event log reads at most. */
const MAX_LIMIT = 10_000;
const SCAN_PAGE_SIZE = 500;
const MAX_SCAN_PAGES = 20;
/** v4–v7 lists are read in full to sort them: 1,000 a request, at most 100,000 sessions. */
const FULL_READ_PAGE_SIZE = 1000;
const MAX_FULL_READ_PAGES = 100;
const EVENTS_PAGE_SIZE = 500;
/** 40 pages: a log is read up to this many records, in full and incrementally alike. */
const MAX_EVENTS = 40 * EVENTS_PAGE_SIZE;
/** Used when the token response has no expires_in (the console's default lifetime). */
const DEFAULT_LIFETIME_MS = 3600_000;

/**
 * Veeam Backup for Microsoft 365 REST API client (shared/veeam-api.md, Part B): password grant to a
 * bearer token pair refreshed ahead of expiry, lists as v3 bare arrays or v4+ offset/limit pages (read in full
 * and sorted here before v8, which alone sorts on request), sessions and their events. The API filters nothing the
 * SessionFilter asks for, so filters apply here.
 */
export class Microsoft365Client implements RestoreSessionClient {
  readonly kind = 'vb365' as const;
  private readonly version: string;
  private readonly versionNumber: number;
  private readonly signedIn: SignedInRequests<Microsoft365Tokens>;
  /** Origins the server names itself by in its own hrefs, besides the configured one. */
  private readonly ownOrigins = new Set<string>();

  constructor(
    private readonly options: ClientOptions,
    private readonly http: ServerHttpClient,
  ) {
    const version = (options.server.apiVersion ?? microsoft365.apiVersions?.latest ?? 'v8').toLowerCase();
    if (!/^v\d+$/.test(version)) throw new VeeamError('invalidInput', `"${version}" is not a Microsoft 365 REST API version (v3 … v8).`);
    this.version = version;
    this.versionNumber = Number(version.slice(1));
    this.signedIn = new SignedInRequests<Microsoft365Tokens>(
      {
        obtain: (stale, signal) => this.obtainTokens(stale, signal),
        attach: withBearer,
        isDue: (tokens) => Date.now() >= tokens.expiresAt - refreshMarginMs(tokens.lifetimeMs),
        isCredential: isTokens,
      },
      http,
      options.tokenStore,
    );
  }

  async connect(signal?: AbortSignal): Promise<string> {
    const { reused } = await this.signedIn.current(signal);
    if (reused && this.versionNumber >= 4) {
      // A token pair from an earlier run may be revoked: one small authenticated read proves (or renews) it.
      await this.send({ method: 'GET', path: `${this.base}/RestoreSessions?offset=0&limit=1`, signal }, 'the restore session list');
    }
    return `Microsoft 365 (REST API ${this.version})`;
  }

  async listSessions(query: ListQuery): Promise<SessionPage> {
    if (!Number.isInteger(query.page) || query.page < 1 || !Number.isInteger(query.pageSize) || query.pageSize < 1) {
      throw new VeeamError('invalidInput', 'Page and page size must be positive whole numbers.');
    }
    if (this.versionNumber < 8) {
      // Only v8 can be asked for an order (B.4.1): before it, the newest session may be on any server page, so
      // page 1 of a newest-first list needs every page.
      const sessions = sortNewestFirst(await this.readAllSessions(query));
      return pageOf(hasFilter(query.filter) ? sessions.filter((s) => matchesFilter(s, query.filter)) : sessions, query.page, query.pageSize);
    }
    if (!hasFilter(query.filter)) {
      const pageSize = Math.min(query.pageSize, MAX_LIMIT);
      const doc = await this.readList(this.orderedListPath((query.page - 1) * pageSize, pageSize), query.signal);
      const page: SessionPage = { sessions: doc.sessions, page: query.page, pageSize: query.pageSize, hasMore: doc.paging?.hasNext ?? false };
      if (doc.paging?.totalCount !== undefined) page.totalCount = doc.paging.totalCount;
      return page;
    }
    return collectFilteredPage(
      async (index) => {
        const doc = await this.readList(this.orderedListPath(index * SCAN_PAGE_SIZE, SCAN_PAGE_SIZE), query.signal);
        return { sessions: doc.sessions, hasNext: doc.paging?.hasNext ?? false };
      },
      (s) => matchesFilter(s, query.filter),
      query.page,
      query.pageSize,
      MAX_SCAN_PAGES,
    );
  }

  async getSession(id: string, options: GetOptions = {}): Promise<RestoreSession> {
    if (!isGuid(id)) throw new VeeamError('invalidInput', `"${id.slice(0, 80)}" is not a restore session ID (a GUID).`);
    const response = await this.send({ method: 'GET', path: `${this.base}/RestoreSessions/${encodeURIComponent(id)}`, signal: options.signal }, `restore session ${id}`);
    const raw = toRawBody(response.text, response.contentType);
    const doc = parseMicrosoft365Document(raw, 'sessions');
    if (doc.kind !== 'session') throw unexpected(doc, 'a restore session');
    this.learnOrigin(doc.session.links.find((l) => l.rel.toLowerCase() === 'self')?.href, `${this.base}/RestoreSessions/${id}`);
    // The parser keeps `raw` on a session read on its own.
    return doc.session;
  }

  /**
   * All events of a session (every page, bounded), in the server's `order`. Given the events read before, only the
   * pages from the first record that may still change are read again (B.4.3: the log is paged by offset and ordered
   * by `order`), with one known record before them as a check; when the answer does not line up, all pages.
   */
  async getEvents(id: string, signal?: AbortSignal, known?: readonly RestoreSessionEvent[]): Promise<RestoreSessionEvent[]> {
    if (!isGuid(id)) throw new VeeamError('invalidInput', `"${id.slice(0, 80)}" is not a restore session ID (a GUID).`);
    const offset = known ? tailOffset(known) : 0;
    if (known && offset > 0) {
      const tail = await this.readEvents(id, offset, signal);
      const merged = mergeTail(known, offset, tail.events, tail.totalCount);
      if (merged) return inOrder(merged);
      this.options.logger?.('debug', `The events of restore session ${id} before record ${offset} are not the ones read before: reading them all again.`);
    }
    return inOrder((await this.readEvents(id, 0, signal)).events);
  }

  /**
   * Stops a restore session (B.4.4): v6+ `POST …/Stop`, before that `POST …/Action` with `{"stop": null}`. A restore
   * session is an open Explorer session that stays Working until stopped: this is how it ends.
   */
  async stopSession(id: string, signal?: AbortSignal): Promise<void> {
    if (!isGuid(id)) throw new VeeamError('invalidInput', `"${id.slice(0, 80)}" is not a restore session ID (a GUID).`);
    const what = `restore session ${id}`;
    const path = `${this.base}/RestoreSessions/${encodeURIComponent(id)}/${this.versionNumber >= 6 ? 'Stop' : 'Action'}`;
    const request: HttpRequest =
      this.versionNumber >= 6
        ? { method: 'POST', path, signal }
        : { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stop: null }), signal };
    let response: HttpResponse;
    try {
      response = await this.signedIn.sendAllowingErrors(request);
    } catch (error) {
      throw stopOutcomeUnknown(error, what);
    }
    if (response.status < 200 || response.status >= 300) throw stopRefused(response, what);
  }

  advertisedOrigins(): readonly string[] {
    return [...this.ownOrigins];
  }

  /** Microsoft 365 sessions name their service in `type`: nothing to fetch. */
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
      // v7+ can revoke the token; older versions just let it expire.
      if (this.versionNumber >= 7) {
        const response = await this.http.request({ method: 'POST', path: `${this.base}/token/logout`, headers: bearer(tokens) });
        if (response.status >= 300 && response.status !== 401) this.options.logger?.('warn', errorForStatus(response, { what: 'the token logout' }).toLogString());
      }
    } catch (e) {
      this.options.logger?.('warn', `Token logout failed: ${isVeeamError(e) ? e.toLogString() : String(e)}`);
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

  private get base(): string {
    return `/${this.version}`;
  }

  /** v8: the server sorts, newest first by creation (`orderBy`/`orderAsc`, B.4.1). */
  private orderedListPath(offset: number, limit: number): string {
    return `${this.base}/RestoreSessions?offset=${offset}&limit=${limit}&orderBy=CreationTime&orderAsc=false`;
  }

  /**
   * Every session of a server that promises no order (v1–v7): v1–v3 send them at once as a bare array, v4–v7 in
   * offset/limit pages, read until the last. Bounded, cancellable through the query's signal, with progress.
   */
  private async readAllSessions(query: ListQuery): Promise<RestoreSessionSummary[]> {
    if (this.versionNumber <= 3) return (await this.readList(`${this.base}/RestoreSessions`, query.signal)).sessions;
    return readEveryPage(
      async (offset) => {
        const doc = await this.readList(`${this.base}/RestoreSessions?offset=${offset}&limit=${FULL_READ_PAGE_SIZE}`, query.signal);
        return { sessions: doc.sessions, hasNext: doc.paging?.hasNext ?? false, totalCount: doc.paging?.totalCount };
      },
      {
        maxPages: MAX_FULL_READ_PAGES,
        onProgress: query.onProgress,
        tooLarge: (read) =>
          new VeeamError(
            'tooLarge',
            `This server holds more than ${read} restore sessions, and REST API ${this.version} cannot list them newest first. ` +
              'Choose REST API v8 for this server (Veeam Backup for Microsoft 365 v8), which sorts on the server.',
          ),
      },
    );
  }

  /** The events from `offset` to the last one, up to record MAX_EVENTS (a full read and a tail read end at the same one). */
  private async readEvents(id: string, offset: number, signal: AbortSignal | undefined): Promise<{ events: RestoreSessionEvent[]; totalCount: number | undefined }> {
    const events: RestoreSessionEvent[] = [];
    let totalCount: number | undefined;
    for (let at = offset; at < MAX_EVENTS; ) {
      const limit = Math.min(EVENTS_PAGE_SIZE, MAX_EVENTS - at);
      const path = `${this.base}/RestoreSessions/${encodeURIComponent(id)}/Events?offset=${at}&limit=${limit}`;
      const doc = this.parse(await this.send({ method: 'GET', path, signal }, `the events of restore session ${id}`), 'events');
      if (doc.kind !== 'events') throw unexpected(doc, 'restore session events');
      if (at === offset) totalCount = doc.paging?.totalCount;
      events.push(...doc.events);
      if (!doc.paging?.hasNext || doc.events.length === 0) break;
      at += limit;
    }
    return { events, totalCount };
  }

  private async readList(path: string, signal: AbortSignal | undefined): Promise<Extract<ParsedDocument, { kind: 'list' }>> {
    const doc = this.parse(await this.send({ method: 'GET', path, signal }, 'the restore session list'), 'sessions');
    if (doc.kind !== 'list') throw unexpected(doc, 'a restore session list');
    return doc;
  }

  private parse(response: HttpResponse, expect: Microsoft365Expectation): ParsedDocument {
    return parseMicrosoft365Document(toRawBody(response.text, response.contentType), expect);
  }

  /** An authenticated request: a valid token first; on 401 one renewal (refresh, else password) and one retry. */
  private send(request: HttpRequest, what: string): Promise<HttpResponse> {
    return this.signedIn.send(request, what);
  }

  private async obtainTokens(stale: Microsoft365Tokens | undefined, signal: AbortSignal | undefined): Promise<Microsoft365Tokens> {
    let tokens: Microsoft365Tokens | undefined;
    if (stale?.refreshToken) {
      try {
        tokens = await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: stale.refreshToken }, signal);
      } catch (e) {
        // An expired or revoked refresh token: sign in with the password instead (B.2.2).
        if (isVeeamError(e) && (e.code === 'cancelled' || e.code === 'unreachable' || e.code === 'timeout' || e.code === 'tlsUntrusted' || e.code === 'certificateChanged')) throw e;
        this.options.logger?.('debug', 'Token refresh was refused; signing in with the password.');
      }
    }
    if (!tokens) {
      const password = await this.options.password();
      if (password === undefined) {
        throw new VeeamError('authFailed', `No password is available for ${this.options.server.username} on ${this.options.server.name}. Sign in again.`);
      }
      tokens = await this.tokenRequest({ grant_type: 'password', username: this.options.server.username, password }, signal);
    }
    return tokens;
  }

  private async tokenRequest(fields: Record<string, string>, signal: AbortSignal | undefined): Promise<Microsoft365Tokens> {
    const form = new URLSearchParams(fields);
    // v7+ servers require an antiforgery cookie unless told not to; a non-browser client cannot keep one.
    if (this.versionNumber >= 7) form.set('disable_antiforgery_token', 'true');
    const response = await this.http.request({
      method: 'POST',
      path: `${this.base}/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal,
    });
    if (response.status === 400 || response.status === 401) {
      const veeamMessage = readVeeamErrorMessage(response.text, response.contentType);
      const what = fields.grant_type === 'password' ? `the user name or password for ${this.options.server.username}` : 'the refresh token';
      throw new VeeamError('authFailed', `The Microsoft 365 server refused ${what}.${veeamMessage ? ` The server said: ${veeamMessage}` : ''}`, {
        status: response.status,
        veeamMessage,
      });
    }
    if (response.status !== 200) throw errorForStatus(response, { what: 'a sign-in token' });
    const doc = this.parse(response, 'sessions');
    if (doc.kind !== 'token') throw unexpected(doc, 'a token');
    const lifetimeMs = doc.expiresInSeconds !== undefined ? doc.expiresInSeconds * 1000 : DEFAULT_LIFETIME_MS;
    const tokens: Microsoft365Tokens = { accessToken: doc.accessToken, expiresAt: Date.now() + lifetimeMs, lifetimeMs };
    if (doc.refreshToken) tokens.refreshToken = doc.refreshToken;
    return tokens;
  }
}

/** Renew a tenth of the lifetime early (at least 1 s, at most 1 min): 6 min before a 1-hour token would waste calls. */
function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, lifetimeMs / 10));
}

function bearer(tokens: Microsoft365Tokens): Record<string, string> {
  return { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' };
}

// One literal, not `{ ...request, headers }`: overriding a spread property takes V8's slow path (~3 µs a request).
function withBearer(request: HttpRequest, tokens: Microsoft365Tokens): HttpRequest {
  const headers = { ...request.headers };
  headers.authorization = `Bearer ${tokens.accessToken}`;
  headers.accept = 'application/json';
  return { method: request.method, path: request.path, headers, body: request.body, signal: request.signal };
}

function isTokens(v: unknown): v is Microsoft365Tokens {
  const o = v as Partial<Microsoft365Tokens> | null;
  return (
    typeof o === 'object' && o !== null && typeof o.accessToken === 'string' && o.accessToken !== '' && typeof o.expiresAt === 'number' && typeof o.lifetimeMs === 'number' &&
    (o.refreshToken === undefined || typeof o.refreshToken === 'string')
  );
}

/** By `order`; records of the same order keep the server's sequence. */
function inOrder(events: RestoreSessionEvent[]): RestoreSessionEvent[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.order - b.e.order || a.i - b.i).map(({ e }) => e);
}

function unexpected(doc: ParsedDocument, wanted: string): VeeamError {
  const got = doc.kind === 'other' ? `a ${doc.rootName} document` : `a ${doc.kind} document`;
  return new VeeamError('malformedResponse', `Expected ${wanted} from the Microsoft 365 server, got ${got}.`, { detail: got });
}
