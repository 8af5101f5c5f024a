import type { ServerKind } from '../core/model/restoreSession';
// Through the protocol entry point, so dist/cli.js shares dist/protocol.js instead of bundling a second copy.
import { VeeamError, parseDocument, toRawBody } from '../core/protocol';

/** Normalises a saved response: a single session → its model; a list or query result → every session in it. */
export function runParse(kind: ServerKind, text: string, fileName: string): unknown {
  const contentType = fileName.toLowerCase().endsWith('.json') ? 'application/json' : fileName.toLowerCase().endsWith('.xml') ? 'application/xml' : undefined;
  const raw = toRawBody(text, contentType);
  const doc = parseDocument(kind, raw);
  switch (doc.kind) {
    case 'session':
      return doc.session;
    case 'list':
      return doc.sessions;
    case 'events':
      return doc.events;
    case 'taskSessions':
      return doc.tasks;
    default:
      throw new VeeamError('malformedResponse', `${fileName} holds a ${doc.kind === 'other' ? `"${doc.rootName}"` : doc.kind} document, not restore sessions.`);
  }
}
