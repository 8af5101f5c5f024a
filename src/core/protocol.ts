/**
 * The heavy half of the protocol layer (undici, fast-xml-parser), bundled on its own as dist/protocol.js and
 * loaded by the extension on first use (src/vscode/protocolLoader.ts). Everything here is VS Code-free.
 */
export { createRestoreSessionClient, type ClientOptions } from './clients/createClient';
export { probeCertificate, type CertificateInfo } from './http/certificateProbe';
export { parseDocument } from './kinds/parseDocument';
export { toRawBody } from './parsing/rawBody';
