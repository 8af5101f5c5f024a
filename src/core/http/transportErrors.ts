import { VeeamError, isVeeamError } from '../errors';

export interface TransportContext {
  /** Origin or URL of the request, for the message (never carries a secret). */
  url: string;
  signal?: AbortSignal;
}

/** What a request ended with because this client was disposed (whatever undici or the socket reported). */
export class ClientClosedError extends Error {
  readonly code = 'UND_ERR_DESTROYED';
  constructor(cause?: unknown) {
    super('the client was closed', { cause });
  }
}

/** Network-level codes that mean "the connection broke": safe to retry for idempotent requests. */
export const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** The error code of a Node or undici error, looking one level into `cause` (undici wraps socket errors). */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (e as { cause?: unknown }).cause;
  if (typeof cause === 'object' && cause !== null) {
    const inner = (cause as { code?: unknown }).code;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** Turns whatever undici, net or tls threw into the VeeamError a user can act on. */
export function translateTransportError(e: unknown, context: TransportContext): VeeamError {
  if (isVeeamError(e)) return e;
  const code = errorCode(e) ?? '';
  const detail = `${code || 'no code'}: ${e instanceof Error ? e.message : String(e)}`;
  const where = hostOf(context.url);
  const opts = { detail, cause: e };
  if (context.signal?.aborted || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || (e instanceof Error && e.name === 'AbortError')) {
    return new VeeamError('cancelled', 'The request was cancelled.', opts);
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new VeeamError('timeout', `${where} did not accept a connection in time. Check the address, port and firewall.`, opts);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new VeeamError('timeout', `${where} did not answer in time.`, opts);
    case 'UND_ERR_BODY_TIMEOUT':
      return new VeeamError('timeout', `${where} stopped sending its response.`, opts);
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new VeeamError('tooLarge', `The response from ${where} is larger than the configured limit.`, opts);
    case 'ECONNREFUSED':
      return new VeeamError('unreachable', `${where} refused the connection. Check the port and that the Veeam REST service is running.`, opts);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new VeeamError('unreachable', `The host name of ${where} could not be resolved.`, opts);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return new VeeamError('unreachable', `${where} cannot be reached from this machine (no route to host).`, opts);
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new VeeamError('malformedResponse', `${where} sent response headers larger than this client accepts.`, opts);
    case 'VEEAM_NOT_SHIPPED':
      // A part of undici left out of the bundle (esbuild.js): the machine, not the server, is the problem.
      return new VeeamError('unreachable', `No request to ${where} could be made: ${e instanceof Error ? e.message : String(e)}.`, opts);
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return new VeeamError('cancelled', 'The connection to the server was closed by this client.', opts);
    default:
      break;
  }
  // The server answered, but not in HTTP (a wrong port, a non-HTTP service behind TLS, a broken proxy).
  if (code.startsWith('HPE_') || (e instanceof Error && e.name === 'HTTPParserError')) {
    return new VeeamError('malformedResponse', `${where} did not answer in valid HTTP. Check that the URL points at the Veeam REST API port.`, opts);
  }
  if (RESET_CODES.has(code)) {
    return new VeeamError('unreachable', `The connection to ${where} was reset before a complete response arrived.`, opts);
  }
  if (code.startsWith('ERR_SSL') || code === 'EPROTO' || code.startsWith('ERR_TLS')) {
    return new VeeamError('unreachable', `The TLS handshake with ${where} failed. Check that the URL points at the HTTPS REST API port.`, opts);
  }
  return new VeeamError('unreachable', `${where} could not be reached.`, opts);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
