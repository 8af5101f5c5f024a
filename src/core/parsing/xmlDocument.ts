import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VeeamError } from '../errors';

/** A parsed XML element: attributes and child elements as properties (EM JSON has the same shape). */
export type XmlObject = { [key: string]: XmlValue };
export type XmlValue = string | XmlObject | XmlValue[];

export interface XmlDocument {
  rootName: string;
  root: XmlObject;
}

// Elements that repeat in Veeam documents; always arrays so one item and many look alike.
const REPEATED = new Set(['Link', 'Ref', 'RestoreSession', 'SupportedVersion', 'LogonSession', 'BackupServer', 'VmRestorePoint']);

// Full validation costs ~half a parse; bodies above this size (10,000-session query pages) rely on the
// parser's own checks plus the closing-root check below, which catch truncation — the common failure.
const FULL_VALIDATION_LIMIT = 2 * 1024 * 1024;

let parser: XMLParser | undefined;

function getParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Built-in and numeric character references only (Veeam escapes &#39; and &#x2F;); DTDs are refused before parsing.
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Never the root itself (jPath has no dot there): a lone RestoreSession document is one object.
    isArray: (name, jPath) => REPEATED.has(name) && String(jPath).includes('.'),
  });
  return parser;
}

export function parseXmlDocument(text: string): XmlDocument {
  refuseDtd(text);
  if (text.length <= FULL_VALIDATION_LIMIT) {
    const result = XMLValidator.validate(text);
    if (result !== true) {
      throw malformed(`${result.err.msg} (line ${result.err.line}, column ${result.err.col})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = getParser().parse(text);
  } catch (e) {
    throw malformed(e instanceof Error ? e.message : String(e));
  }
  if (typeof parsed !== 'object' || parsed === null) throw malformed('no root element');
  const names = Object.keys(parsed).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (names.length !== 1) throw malformed('expected exactly one root element');
  const rootName = names[0];
  const closing = text.trimEnd();
  if (!closing.endsWith('>') || !(closing.endsWith(`${rootName}>`) || closing.endsWith('/>'))) {
    throw malformed(`the document ends before </${rootName}> (truncated?)`);
  }
  const root = (parsed as Record<string, XmlValue>)[rootName];
  return { rootName, root: typeof root === 'object' && !Array.isArray(root) ? root : {} };
}

function refuseDtd(text: string): void {
  // A DTD can only appear before the root element; look at the prolog only.
  const prologEnd = findRootStart(text);
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, prologEnd))) {
    throw new VeeamError('malformedResponse', 'The server sent XML with a document type definition (DTD), which Veeam servers never send; it was refused for safety.', {
      detail: 'DOCTYPE/ENTITY declaration in the prolog',
    });
  }
}

function findRootStart(text: string): number {
  const re = /<[^?!]/g;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function malformed(reason: string): VeeamError {
  return new VeeamError('malformedResponse', `The server sent malformed XML: ${reason}.`, { detail: reason });
}
