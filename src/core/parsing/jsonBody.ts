import { VeeamError } from '../errors';

/** JSON.parse with a typed, user-readable failure (truncated and malformed bodies are common behind proxies). */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const truncated = /end of (JSON )?input|Unterminated/i.test(reason);
    throw new VeeamError('malformedResponse', `The server sent malformed JSON${truncated ? ' (the body ends too early: truncated?)' : ''}: ${reason}.`, {
      detail: reason,
    });
  }
}
