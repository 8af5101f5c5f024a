import * as diagnostics from 'node:diagnostics_channel';

/** A request as our client handed it to undici: replayed bare, it is the same URL with the same headers. */
export interface SentRequest {
  origin: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A sign-in's form body; undefined for the GETs. */
  body?: string;
}

interface UndiciRequest {
  origin?: unknown;
  method?: unknown;
  path?: unknown;
  headers?: unknown;
  body?: unknown;
}

/**
 * Runs `action` and returns every request undici created meanwhile (undici's `undici:request:create` channel), so a
 * bare baseline can send exactly what our client sent without the benchmark rebuilding URLs and headers by hand.
 * Subscribed only while `action` runs: nothing is left listening during the timed rounds.
 */
export async function captureSentRequests(action: () => Promise<unknown>): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  const onCreate = (message: unknown): void => {
    const request = (message as { request: UndiciRequest }).request;
    const raw = request.headers;
    const headers: Record<string, string> = {};
    // undici 7 keeps headers as a flat [name, value, name, value, …] array.
    if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) headers[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
    const body = typeof request.body === 'string' ? request.body : Buffer.isBuffer(request.body) ? request.body.toString('utf8') : undefined;
    sent.push({ origin: String(request.origin), method: String(request.method), path: String(request.path), headers, body });
  };
  diagnostics.subscribe('undici:request:create', onCreate);
  try {
    await action();
  } finally {
    diagnostics.unsubscribe('undici:request:create', onCreate);
  }
  return sent;
}

/** The one request of `sent` to a path starting with `prefix` (fails when there is not exactly one). */
export function onlyRequest(sent: readonly SentRequest[], prefix: string): SentRequest {
  const matching = sent.filter((r) => r.path.startsWith(prefix));
  if (matching.length !== 1) throw new Error(`expected one request to ${prefix}, saw: ${sent.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`);
  return matching[0];
}
