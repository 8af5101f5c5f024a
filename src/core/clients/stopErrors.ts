import { VeeamError, isVeeamError } from '../errors';
import type { HttpResponse } from '../http/httpExchange';
import { errorForStatus } from '../http/statusErrors';
import { readVeeamErrorMessage } from '../parsing/veeamErrorBody';

/** The typed error for a refused stop request, worded for what the user tried: stop `what` (e.g. "session 3f2a…"). */
export function stopRefused(response: HttpResponse, what: string): VeeamError {
  const veeamMessage = readVeeamErrorMessage(response.text, response.contentType);
  const said = veeamMessage ? ` The server said: ${veeamMessage}` : '';
  const base = { status: response.status, veeamMessage, detail: `${response.url} → ${response.status}` };
  switch (response.status) {
    case 403:
      return new VeeamError('forbidden', `The account may not stop ${what}: stopping needs a role with the right to stop sessions (for example Restore Operator).${said}`, base);
    case 404:
      return new VeeamError('notFound', `${capitalise(what)} is gone from the server: nothing to stop.${said}`, base);
    case 400:
    case 409:
      return new VeeamError('invalidInput', `The server did not stop ${what}; it is probably no longer running.${said}`, base);
    default:
      return errorForStatus(response, { what: `the stop of ${what}` });
  }
}

/** A stop whose answer never came may still happen: said so, so the caller keeps watching instead of giving up. */
export function stopOutcomeUnknown(error: unknown, what: string): unknown {
  if (!isVeeamError(error) || (error.code !== 'timeout' && error.code !== 'unreachable')) return error;
  return new VeeamError(error.code, `No answer to the stop of ${what} (${error.message}). The server may still stop it: it stays watched.`, {
    status: error.status,
    detail: error.detail,
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
