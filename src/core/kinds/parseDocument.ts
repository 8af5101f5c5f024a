import type { RawBody } from '../model/restoreSession';
import type { ParsedDocument } from '../parsing/parsedDocument';
import { KIND_PROTOCOLS } from './kindProtocols';
import type { ServerKind } from './serverKinds';

/** Any response body of `kind`'s API (a session, a list, a log, a token…); error bodies throw their typed error. */
export function parseDocument(kind: ServerKind, raw: RawBody): ParsedDocument {
  return KIND_PROTOCOLS[kind].parseDocument(raw);
}
