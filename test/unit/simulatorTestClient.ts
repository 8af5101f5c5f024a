import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { XMLParser } from 'fast-xml-parser';

/** What a real HTTPS exchange with the simulator produced: a full response, or a transport failure. */
export type Exchange =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; raw: Buffer; body: string }
  | { kind: 'failure'; code: string; headers?: IncomingHttpHeaders; partial: Buffer };

export interface ExchangeOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request over a fresh TLS connection that trusts only the simulator's certificate (no keep-alive left behind). */
export function exchange(ca: string, url: string, options: ExchangeOptions = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let headers: IncomingHttpHeaders | undefined;
    let settled = false;
    const fail = (e: NodeJS.ErrnoException): void => {
      if (settled) return;
      settled = true;
      resolve({ kind: 'failure', code: e.code ?? e.message, headers, partial: Buffer.concat(chunks) });
    };
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers: options.headers, ca, agent: false }, (res) => {
      headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ABORTED' })));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        const raw = Buffer.concat(chunks);
        resolve({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, raw, body: raw.toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

/** Narrows to a response; a transport failure fails the test with its code. */
export function responseOf(e: Exchange): Extract<Exchange, { kind: 'response' }> {
  if (e.kind !== 'response') throw new Error(`expected an HTTP response, got transport failure ${e.code}`);
  return e;
}

/** EM XML as plain objects: attributes without prefix, repeated elements always arrays. */
const ARRAY_ELEMENTS = new Set(['Link', 'Ref', 'RestoreSession', 'SupportedVersion', 'LogonSession', 'BackupServer']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  // Never the root: a lone RestoreSession document is one object.
  isArray: (name, jPath) => ARRAY_ELEMENTS.has(name) && String(jPath).includes('.'),
});

export type XmlNode = { [key: string]: string | XmlNode | XmlNode[] | undefined };

export function parseXml(text: string): XmlNode {
  return parser.parse(text) as XmlNode;
}

/** Reads a nested element by path (`['QueryResult', 'PagingInfo']`), failing clearly when absent. */
export function child(node: XmlNode, ...path: string[]): XmlNode {
  let current: XmlNode = node;
  for (const name of path) {
    const next = current[name];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) throw new Error(`no single element ${name} in ${JSON.stringify(current).slice(0, 200)}`);
    current = next;
  }
  return current;
}

export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value)) throw new Error(`${name} is not a repeated element`);
  return value;
}

export function text(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Error(`${name} is not text`);
  return value;
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
