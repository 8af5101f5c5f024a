import type { IncomingHttpHeaders } from 'http';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Path and query on the server's origin, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names (undici's form), so lookups are case-insensitive. */
  headers: IncomingHttpHeaders;
  /** Decoded as UTF-8, a leading BOM kept: this is the body exactly as received. */
  text: string;
  contentType: string | undefined;
  /** Absolute URL of the request, for messages and logs. */
  url: string;
}

/** A single header value (the first, when repeated). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
