import { isVeeamError } from '../../core/errors';
import type { PanelError } from '../../shared/sessionPanelProtocol';

/**
 * What the page may show of a failure. VeeamError messages are written for users and hold no secrets; any
 * other error is reported generically (its text stays in the log), since its origin is unknown.
 */
export function toPanelError(error: unknown): PanelError {
  if (isVeeamError(error)) return { code: error.code, message: error.message };
  return { code: 'unexpected', message: 'Something went wrong while loading this restore session. See the log for details.' };
}

/** One log line for a failure: VeeamError's own log form, or the error's text. */
export function errorLogText(error: unknown): string {
  if (isVeeamError(error)) return error.toLogString();
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
