/**
 * The heavy half of the protocol layer (undici, fast-xml-parser), bundled on its own as dist/protocol.js and
 * loaded by the extension on first use (src/vscode/protocolLoader.ts). Everything here is VS Code-free.
 */
export { createRestoreSessionClient, type ClientOptions } from './clients/createClient';
export { probeCertificate, type CertificateInfo } from './http/certificateProbe';
export { parseDocument } from './kinds/parseDocument';
export { toRawBody } from './parsing/rawBody';
// CSV (csv-stringify) is needed only once sessions have been fetched, so it waits here too.
export { csvText, csvTextInSlices } from './export/csvText';

// The CLI takes every core part it uses from this bundle, so dist/cli.js carries no second copy of them.
export { VeeamError, isVeeamError } from './errors';
export { SERVER_KINDS, SERVER_KIND_IDS, isServerKind, kindDescriptor } from './kinds/serverKinds';
export { parseRestoreSessionReference } from './restoreSessionId';
export { logText } from './text/sessionLogText';
export { SESSION_COLUMNS, sessionRow } from './export/sessionRows';
