import { Pool } from 'undici';
import type { Logger } from '../clients/restoreSessionClient';
import { VeeamError } from '../errors';
import type { TlsTrust } from '../model/serverConfig';
import { headerValue, type HttpRequest, type HttpResponse } from './httpExchange';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './httpOptions';
import { requestLogLine } from './requestLogLine';
import { RequestCancellation } from './requestCancellation';
import { pause, RETRY_STATUSES, retryDelayMs } from './retryPolicy';
import { buildTrustingConnector } from './trustingConnector';
import { errorCode, translateTransportError } from './transportErrors';

/**
 * One server's HTTP transport: a pooled undici dispatcher bound to the server's origin (so a request can
 * never leave it), with that server's TLS trust, limits, retries and request log. Redirects are not followed.
 */
export class ServerHttpClient {
  readonly origin: string;
  private readonly pool: Pool;
  private readonly options: HttpOptions;
  private closed = false;
  /** Requests under way, so that dispose() can cancel them. */
  private readonly inFlight = new Set<RequestCancellation>();
  // Decodes with the BOM kept: `raw` must be the body exactly as received.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    url: string,
    trust: TlsTrust,
    options: Partial<HttpOptions> = {},
    private readonly logger?: Logger,
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
    const cancellation = new RequestCancellation(request.signal);
    if (this.closed) cancellation.abort();
    this.inFlight.add(cancellation);
    try {
      return await this.attempts(request, url, cancellation);
    } finally {
      this.inFlight.delete(cancellation);
      cancellation.dispose();
    }
  }

  /** Closes the pool: in-flight requests and retry pauses end as `cancelled`; no sockets or timers stay open. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const cancellation of this.inFlight) cancellation.abort();
    await this.pool.destroy().catch(() => undefined);
  }

  private async attempts(request: HttpRequest, url: string, cancellation: RequestCancellation): Promise<HttpResponse> {
    const signal = cancellation.signal;
    for (let attempt = 0; ; attempt++) {
      const started = this.logger ? performance.now() : 0;
      let response: HttpResponse;
      try {
        response = await this.once(request, url, cancellation);
      } catch (e) {
        const error = translateTransportError(e, { url, signal });
        // Log lines are built only when someone reads them: formatting one costs as much as the rest of a request.
        if (this.logger) this.log(requestLogLine(request.method, url, { error: error.code }, performance.now() - started));
        const delay = error.code === 'unreachable' && !signal.aborted ? retryDelayMs({ method: request.method, attempt, maxRetries: this.options.retries, errorCode: errorCode(e) }) : undefined;
        if (delay === undefined) throw error;
        await this.wait(delay, signal, url);
        continue;
      }
      if (this.logger) this.log(requestLogLine(request.method, url, { status: response.status, bytes: Buffer.byteLength(response.text) }, performance.now() - started));
      if (!RETRY_STATUSES.has(response.status)) return response;
      const delay = retryDelayMs({
        method: request.method,
        attempt,
        maxRetries: this.options.retries,
        status: response.status,
        retryAfterHeader: headerValue(response.headers, 'retry-after'),
      });
      if (delay === undefined) return response;
      await this.wait(delay, signal, url);
    }
  }

  private async once(request: HttpRequest, url: string, cancellation: RequestCancellation): Promise<HttpResponse> {
    const limitMs = this.options.responseTimeoutMs;
    cancellation.startDeadline(limitMs);
    try {
      const res = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: cancellation.signal,
      });
      const bytes = new Uint8Array(await res.body.arrayBuffer());
      return {
        status: res.statusCode,
        headers: res.headers,
        text: this.decoder.decode(bytes),
        contentType: headerValue(res.headers, 'content-type'),
        url,
      };
    } catch (e) {
      if (cancellation.deadlinePassed) {
        throw new VeeamError('timeout', `${new URL(url).host} took longer than ${Math.ceil(limitMs / 1000)} s to send its response.`, { detail: 'response deadline', cause: e });
      }
      throw e;
    } finally {
      cancellation.clearDeadline();
    }
  }

  private async wait(ms: number, signal: AbortSignal, url: string): Promise<void> {
    try {
      await pause(ms, signal);
    } catch (e) {
      throw translateTransportError(e, { url, signal });
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
