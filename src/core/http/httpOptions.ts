/** Transport limits of one server's connection pool. */
export interface HttpOptions {
  /** TCP + TLS handshake. */
  connectTimeoutMs: number;
  /** From sending the request to the response headers. */
  headersTimeoutMs: number;
  /** Longest pause between two body chunks. */
  bodyTimeoutMs: number;
  /** Whole exchange, request to last body byte: a server dripping its body never trips bodyTimeoutMs. */
  responseTimeoutMs: number;
  /** Bodies above this are refused (VeeamError 'tooLarge'). */
  maxResponseBytes: number;
  /** Connections (and so requests in flight) per server. */
  maxConcurrentRequests: number;
  /** Extra attempts for idempotent GETs after a reset, 502/503/504 or 429. */
  retries: number;
}

export const DEFAULT_HTTP_OPTIONS: Readonly<HttpOptions> = Object.freeze({
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 60_000,
  responseTimeoutMs: 300_000,
  maxResponseBytes: 64 * 1024 * 1024,
  maxConcurrentRequests: 4,
  retries: 3,
});
