import type { ClientOptions } from '../clients/clientOptions';
import type { RestoreSessionClient } from '../clients/restoreSessionClient';
import type { ServerHttpClient } from '../http/serverHttpClient';
import type { RawBody } from '../model/restoreSession';
import type { ParsedDocument } from '../parsing/parsedDocument';

/** The heavy half of a kind (its client and parser), bundled into dist/protocol.js and loaded on first use. */
export interface KindProtocol {
  createClient(options: ClientOptions, http: ServerHttpClient): RestoreSessionClient;
  /** Any response body of this API, as the CLI's `parse` and the hardening tests read it. */
  parseDocument(raw: RawBody): ParsedDocument;
}
