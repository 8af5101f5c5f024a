import type { IncomingHttpHeaders } from 'node:http';

/** One received request, already read in full, as the route handlers see it. */
export interface SimRequest {
  method: string;
  /** Decoded path in the caller's casing. */
  path: string;
  /** The request target as sent (path and query), e.g. for cache keys. */
  target: string;
  /** Query parameters by lower-cased name (EM and VB365 match names case-insensitively); first value wins. */
  query: ReadonlyMap<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `https://<Host header>`: the name the server knows itself by, used for absolute hrefs. */
  origin: string;
}

/** What a handler answers; faults are applied after this. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty for 204 and bodiless answers. */
  body: string;
}

export function queryMap(search: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of search) {
    const key = name.toLowerCase();
    if (!map.has(key)) map.set(key, value);
  }
  return map;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
