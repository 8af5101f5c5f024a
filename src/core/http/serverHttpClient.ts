import type { Dispatcher } from 'undici';
import type { Logger } from '../clients/restoreSessionClient';
import { VeeamError } from '../errors';
import type { TlsTrust } from '../model/serverConfig';
import { headerValue, type HttpRequest, type HttpResponse } from './httpExchange';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './httpOptions';
import { requestLogLine } from './requestLogLine';
import { pause, RETRY_STATUSES, retryDelayMs } from './retryPolicy';
import { buildTrustingConnector } from './trustingConnector';
import { Pool } from './undiciPool';
import { ClientClosedError, errorCode, translateTransportError } from './transportErrors';

/**
 * One server's HTTP transport: a pooled undici dispatcher bound to the server's origin (so a request can
 * never leave it), with that server's TLS trust, limits, retries and request log. Redirects are not followed.
 */
export class ServerHttpClient {
  readonly origin: string;
  private readonly pool: Pool;
  private readonly options: HttpOptions;
  private closed = false;
  /**
   * Set for one event-loop turn after a response ends. undici hands a keep-alive connection back to the pool only
   * after such a turn, so a request sent sooner (sign-in, then the list) opened another connection: a TCP and TLS
   * handshake, one to three round trips on a real network. Waiting out the turn costs microseconds.
   */
  private connectionReturning: Promise<void> | undefined;
  /** Ends retry pauses on dispose (requests under way end with the pool). */
  private readonly closing = new AbortController();
  // Decodes with the BOM kept: `raw` must be the body exactly as received.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    url: string,
    trust: TlsTrust,
    options: Partial<HttpOptions> = {},
    private readonly logger?: Logger,
    private readonly logsRequests: () => boolean = () => true,
  ) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new VeeamError('invalidInput', `"${url}" is not a valid server URL.`);
    }
    if (parsed.protocol !== 'https:') throw new VeeamError('invalidInput', `The server URL must start with https:// (got ${parsed.protocol}//).`);
    this.origin = parsed.origin;
    this.options = { ...DEFAULT_HTTP_OPTIONS, ...options };
    this.pool = new Pool(this.origin, {
      connections: this.options.maxConcurrentRequests,
      connect: buildTrustingConnector(trust, this.options.connectTimeoutMs),
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
      maxResponseSize: this.options.maxResponseBytes,
    });
  }

  /**
   * Sends a request and reads the whole body. Resolves with any HTTP status (callers decide what a 401
   * or 404 means); rejects only with VeeamError for transport failures, after retries for GETs.
   */
  async request(request: HttpRequest): Promise<HttpResponse> {
    const url = `${this.origin}${request.path}`;
    if (this.closed) throw translateTransportError(new ClientClosedError(), { url });
    if (this.connectionReturning) await this.connectionReturning;
    return this.attempts(request, url);
  }

  /**
   * Closes the pool: requests under way end as `cancelled` (undici fails them when the pool is destroyed), retry
   * pauses end too; no sockets or timers stay open.
   */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort(new ClientClosedError());
    await this.pool.destroy().catch(() => undefined);
  }

  private async attempts(request: HttpRequest, url: string): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      // Request lines are built only when someone reads them: formatting one costs as much as the rest of a request.
      const logging = this.logger !== undefined && this.logsRequests();
      const started = logging ? performance.now() : 0;
      let response: HttpResponse;
      try {
        response = await this.once(request, url);
      } catch (e) {
        const error = this.closed ? translateTransportError(new ClientClosedError(e), { url }) : translateTransportError(e, { url, signal: request.signal });
        if (logging) this.log(requestLogLine(request.method, url, { error: error.code }, performance.now() - started));
        const delay = error.code === 'unreachable' ? retryDelayMs({ method: request.method, attempt, maxRetries: this.options.retries, errorCode: errorCode(e) }) : undefined;
        if (delay === undefined) throw error;
        await this.wait(delay, request.signal, url);
        continue;
      }
      if (logging) this.log(requestLogLine(request.method, url, { status: response.status, bytes: Buffer.byteLength(response.text) }, performance.now() - started));
      if (!RETRY_STATUSES.has(response.status)) return response;
      const delay = retryDelayMs({
        method: request.method,
        attempt,
        maxRetries: this.options.retries,
        status: response.status,
        retryAfterHeader: headerValue(response.headers, 'retry-after'),
      });
      if (delay === undefined) return response;
      await this.wait(delay, request.signal, url);
    }
  }

  /**
   * One attempt. Only the caller's signal travels with the request: a signal of our own (for the deadline and for
   * dispose) cost a fifth of a lookup against a fast server. The deadline is the headers timeout when it is the
   * shorter, then a timer that destroys the body; dispose destroys the pool, which fails what is under way.
   */
  private async once(request: HttpRequest, url: string): Promise<HttpResponse> {
    const limitMs = this.options.responseTimeoutMs;
    const deadlineFirst = limitMs < this.options.headersTimeoutMs;
    const started = performance.now();
    let res: Dispatcher.ResponseData;
    try {
      res = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        headersTimeout: deadlineFirst ? limitMs : null,
      });
    } catch (e) {
      if (deadlineFirst && errorCode(e) === 'UND_ERR_HEADERS_TIMEOUT') throw deadlineError(url, limitMs, e);
      throw e;
    }
    const body = res.body;
    const timer = setTimeout(() => body.destroy(deadlineError(url, limitMs)), Math.max(0, limitMs - (performance.now() - started)));
    try {
      const bytes = new Uint8Array(await body.arrayBuffer());
      this.awaitConnectionReturn();
      return {
        status: res.statusCode,
        headers: res.headers,
        text: this.decoder.decode(bytes),
        contentType: headerValue(res.headers, 'content-type'),
        url,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  private awaitConnectionReturn(): void {
    const turn = new Promise<void>((resolve) => setImmediate(resolve));
    this.connectionReturning = turn;
    void turn.then(() => {
      if (this.connectionReturning === turn) this.connectionReturning = undefined;
    });
  }

  private async wait(ms: number, caller: AbortSignal | undefined, url: string): Promise<void> {
    const signal = caller ? AbortSignal.any([caller, this.closing.signal]) : this.closing.signal;
    try {
      await pause(ms, signal);
    } catch (e) {
      throw translateTransportError(this.closed ? new ClientClosedError(e) : e, { url, signal: caller });
    }
  }

  private log(message: string): void {
    try {
      this.logger?.('debug', message);
    } catch {
      // A failing log sink must not fail the request.
    }
  }
}

function deadlineError(url: string, limitMs: number, cause?: unknown): VeeamError {
  return new VeeamError('timeout', `${new URL(url).host} took longer than ${Math.ceil(limitMs / 1000)} s to send its response.`, { detail: 'response deadline', cause });
}
