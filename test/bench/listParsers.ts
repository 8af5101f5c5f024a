import { XMLParser } from 'fast-xml-parser';
import { parseStringPromise } from 'xml2js';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { toRawBody } from '../../src/core/parsing/rawBody';

/** The contenders of case 2, by name; each turns a whole 10,000-session body into data and returns it. */
export const LIST_PARSERS = {
  /** Ours: format detection, XML parse (or JSON.parse) and normalisation into list rows (RestoreSessionSummary). */
  oursXml: (text: string) => countOurs(text, 'application/xml'),
  oursJson: (text: string) => countOurs(text, 'application/json'),
  /** xml2js with its defaults, as most Node Veeam scripts call it. */
  xml2js: (text: string): Promise<unknown> => parseStringPromise(text),
  /** fast-xml-parser alone, attributes kept (the data is in them), no normalisation. */
  fastXmlParser: (text: string): unknown => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text),
  jsonParse: (text: string): unknown => JSON.parse(text),
} satisfies Record<string, (text: string) => unknown>;

export type ListParserName = keyof typeof LIST_PARSERS;

export function isListParserName(name: string): name is ListParserName {
  return Object.prototype.hasOwnProperty.call(LIST_PARSERS, name);
}

function countOurs(text: string, contentType: string): RestoreSessionSummary[] {
  const doc = parseEnterpriseManagerDocument(toRawBody(text, contentType));
  if (doc.kind !== 'list') throw new Error(`expected a list, got ${doc.kind}`);
  return doc.sessions;
}
