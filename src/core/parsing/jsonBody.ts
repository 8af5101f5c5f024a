import { VeeamError } from '../errors';
import { clippedText } from './clippedText';

/** JSON.parse with a typed, user-readable failure (truncated and malformed bodies are common behind proxies). */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = withoutBodyExcerpt(e instanceof Error ? e.message : String(e));
    const truncated = /end of (JSON )?input|Unterminated/i.test(reason);
    throw new VeeamError('malformedResponse', `The server sent malformed JSON${truncated ? ' (the body ends too early: truncated?)' : ''}: ${reason}.`, {
      detail: reason,
    });
  }
}

/**
 * V8 quotes a piece of the body in its message (`Unexpected token 'x', "{"access_to"... is not valid JSON`);
 * the body may hold a token or password, so the excerpt is dropped and only the position-free reason kept.
 */
function withoutBodyExcerpt(reason: string): string {
  return clippedText(reason.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, ' (not valid JSON)'));
}
