import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VeeamError } from '../errors';
import { clippedText } from './clippedText';

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

/**
 * `htmlEntities` as an empty table rather than `true`: numeric references still decode and the XML built-ins
 * always do, but no HTML named entities (not XML, never sent by Veeam). With `true`, fast-xml-parser rebuilt a
 * ~250-entry entity table on every parse: half the cost of parsing one session. fast-xml-parser 5.12 honours the
 * table form (OrderedObjParser: `typeof htmlEntities === "object"`); its typings still say boolean.
 */
const NUMERIC_REFERENCES_ONLY = {} as unknown as boolean;

let parser: XMLParser | undefined;

function getParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Veeam elements carry no prefixes (one default namespace), and stripping them cost ~8 % of a list parse; the
    // namespace declarations this leaves as root attributes are skipped as unknown fields (caseInsensitiveFields.ts).
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Built-in and numeric character references only (Veeam escapes &#39; and &#x2F;); DTDs are refused before parsing.
    processEntities: true,
    htmlEntities: NUMERIC_REFERENCES_ONLY,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Path matchers, not path strings: with `jPath: true` the parser builds a path string for every value it
    // reads (a tenth of the time of a 10,000-session page).
    jPath: false,
    // Never the root itself (depth 1): a lone RestoreSession document is one object.
    isArray: (name, path) => REPEATED.has(name) && (typeof path === 'string' ? path.includes('.') : path.getDepth() > 1),
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
  // Anywhere, not just in the prolog: the parser also honours a DOCTYPE placed inside the root element.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new VeeamError('malformedResponse', 'The server sent XML with a document type definition (DTD), which Veeam servers never send; it was refused for safety.', {
      detail: 'DOCTYPE/ENTITY declaration',
    });
  }
}

function malformed(reason: string): VeeamError {
  // Parser reasons quote tag and attribute names from the body: bounded, since the body is the server's.
  const shown = clippedText(reason);
  return new VeeamError('malformedResponse', `The server sent malformed XML: ${shown}.`, { detail: shown });
}
