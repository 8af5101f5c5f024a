import { RESET_CODES } from './transportErrors';
import type { HttpMethod } from './httpExchange';

/**
 * When to try a request again. Written here rather than with undici's RetryHandler because that
 * handler resumes a cut-off body with a Range request (Veeam servers answer those with the whole
 * body again, which the handler then rejects) and its back-off wait cannot be cancelled by the
 * request's AbortSignal. The rules: only GET (never the logon, token or logoff calls), only for
 * transient failures, exponential back-off, Retry-After honoured up to a cap.
 */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const BASE_DELAY_MS = 250;
const MAX_BACKOFF_MS = 4_000;
/** A server asking for a longer pause gets an error (with retryAfterSeconds) instead of a frozen UI. */
export const MAX_RETRY_AFTER_MS = 30_000;

export interface RetryInput {
  method: HttpMethod;
  /** 0 for the first retry. */
  attempt: number;
  maxRetries: number;
  status?: number;
  errorCode?: string;
  retryAfterHeader?: string;
}

/** Milliseconds to wait before the next attempt, or undefined to give up. */
export function retryDelayMs(input: RetryInput): number | undefined {
  if (input.method !== 'GET' || input.attempt >= input.maxRetries) return undefined;
  const transient = input.status !== undefined ? RETRY_STATUSES.has(input.status) : RESET_CODES.has(input.errorCode ?? '');
  if (!transient) return undefined;
  const backoff = Math.min(BASE_DELAY_MS * 2 ** input.attempt, MAX_BACKOFF_MS);
  const retryAfter = retryAfterSeconds(input.retryAfterHeader);
  if (retryAfter === undefined) return backoff;
  const asked = retryAfter * 1000;
  return asked > MAX_RETRY_AFTER_MS ? undefined : Math.max(asked, backoff);
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A pause that ends early (rejecting with the signal's reason) when the signal aborts. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
