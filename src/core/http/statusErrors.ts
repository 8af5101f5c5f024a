import { VeeamError } from '../errors';
import { clippedText } from '../parsing/clippedText';
import { readVeeamErrorMessage } from '../parsing/veeamErrorBody';
import { headerValue, type HttpResponse } from './httpExchange';
import { retryAfterSeconds } from './retryPolicy';

/** What was being fetched, for the message ("restore session 3f2a…"). */
export interface StatusContext {
  what: string;
}

/** The typed error for a non-2xx response. The server's own message (from its error body) is kept. */
export function errorForStatus(response: HttpResponse, context: StatusContext): VeeamError {
  const status = response.status;
  const veeamMessage = readVeeamErrorMessage(response.text, response.contentType);
  const said = veeamMessage ? ` The server said: ${veeamMessage}` : '';
  const base = { status, veeamMessage, detail: `${response.url} → ${status}` };
  const retryAfter = retryAfterSeconds(headerValue(response.headers, 'retry-after'));
  if (status >= 300 && status < 400) {
    const location = headerValue(response.headers, 'location');
    return new VeeamError('serverError', `The server redirected the request for ${context.what}${location ? ` to ${safeUrl(location)}` : ''}. Check the server URL.`, base);
  }
  switch (status) {
    case 401:
      return new VeeamError('sessionExpired', `The server no longer accepts this session for ${context.what}; signing in again did not help.${said}`, base);
    case 403:
      return new VeeamError('forbidden', `The account may not read ${context.what}.${said}`, base);
    case 404:
      return new VeeamError('notFound', `${capitalise(context.what)} was not found on the server.${said}`, base);
    case 429:
      return new VeeamError('serverError', `The server is throttling requests${retryAfter !== undefined ? `; try again in ${retryAfter} s` : ''}.${said}`, { ...base, retryAfterSeconds: retryAfter });
    default:
      break;
  }
  if (status >= 500) {
    const proxy = !veeamMessage && (response.contentType ?? '').includes('html') ? ' (an HTML error page: probably a proxy in front of the REST API)' : '';
    return new VeeamError('serverError', `The server failed to return ${context.what} (HTTP ${status})${proxy}.${said}`, { ...base, retryAfterSeconds: retryAfter });
  }
  return new VeeamError('serverError', `The server rejected the request for ${context.what} (HTTP ${status}).${said}`, base);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Location without query or credentials: shown to the user, so nothing sensitive. */
function safeUrl(location: string): string {
  try {
    const u = new URL(location);
    return clippedText(`${u.origin}${u.pathname}`);
  } catch {
    return 'another address';
  }
}
