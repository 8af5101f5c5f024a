/** Typed errors: every failure the protocol layer reports is a VeeamError with one of these codes. */

export type VeeamErrorCode =
  | 'invalidInput'
  | 'unreachable'
  | 'tlsUntrusted'
  | 'certificateChanged'
  | 'authFailed'
  | 'sessionExpired'
  | 'notFound'
  | 'forbidden'
  | 'serverError'
  | 'malformedResponse'
  | 'tooLarge'
  | 'timeout'
  | 'cancelled';

export interface VeeamErrorOptions {
  /** Extra text for the log (never a secret). */
  detail?: string;
  status?: number;
  /** The server's own error message from an Error body. */
  veeamMessage?: string;
  /** SHA-256 fingerprint of the presented certificate (TLS errors). */
  fingerprint?: string;
  /** Previously pinned fingerprint (certificateChanged). */
  expectedFingerprint?: string;
  /** Seconds to wait before retrying, from Retry-After. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class VeeamError extends Error {
  override readonly name = 'VeeamError';
  readonly detail: string | undefined;
  readonly status: number | undefined;
  readonly veeamMessage: string | undefined;
  readonly fingerprint: string | undefined;
  readonly expectedFingerprint: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  /** `message` is the user-facing sentence: actionable, no secrets. */
  constructor(
    readonly code: VeeamErrorCode,
    message: string,
    options: VeeamErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.detail = options.detail;
    this.status = options.status;
    this.veeamMessage = options.veeamMessage;
    this.fingerprint = options.fingerprint;
    this.expectedFingerprint = options.expectedFingerprint;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** One line for a log: code, message, status and detail. */
  toLogString(): string {
    const parts = [`[${this.code}] ${this.message}`];
    if (this.status !== undefined) parts.push(`status=${this.status}`);
    if (this.detail) parts.push(`detail=${this.detail}`);
    return parts.join(' ');
  }
}

/**
 * Duck-typed on purpose: the protocol layer is its own bundle (dist/protocol.js), so an error it throws is
 * an instance of that bundle's VeeamError class, not the extension bundle's.
 */
export function isVeeamError(e: unknown): e is VeeamError {
  return e instanceof Error && e.name === 'VeeamError' && typeof (e as { code?: unknown }).code === 'string';
}
