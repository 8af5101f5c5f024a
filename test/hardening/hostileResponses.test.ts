import * as assert from 'assert';
import type { ServerResponse } from 'http';
import { gzipSync } from 'zlib';
import type { VeeamErrorCode } from '../../src/core/errors';
import type { HttpOptions } from '../../src/core/http/httpOptions';
import type { RestoreSession, ServerKind } from '../../src/core/model/restoreSession';
import { startHostileServer, type HostileServer, type ReceivedRequest } from './hostileServer';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { capturedLogLines, pinned, ScriptedClients } from './scriptedClient';
import { isSignInRequest, secretStrings, withSignIn } from './scriptedSignIn';
import { selfSignedCertificate } from './testCertificates';
import { assertNoPrototypePollution, expectReadableFailure } from './typedFailure';
import {
  billionLaughsXml,
  enterpriseManagerEntityJson,
  enterpriseManagerEntityXml,
  enterpriseManagerErrorXml,
  enterpriseManagerQueryJson,
  externalEntityXml,
  microsoft365Session,
  SESSION_ID,
} from './veeamBodies';

const AREA = 'Hostile responses over HTTPS';

/** What one crafted answer must become: a typed error, or a session with sane values. */
type Outcome = { code: VeeamErrorCode; message?: RegExp; status?: number } | { session: (s: RestoreSession) => void };

interface HostileCase {
  name: string;
  kinds: ServerKind[];
  /** Answers the data request (sign-in already works). */
  answer: (request: ReceivedRequest, res: ServerResponse, kind: ServerKind) => void;
  outcome: Outcome;
  http?: Partial<HttpOptions>;
}

function send(res: ServerResponse, status: number, contentType: string | undefined, body: string | Buffer, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  res.writeHead(status, headers);
  res.end(body);
}

function validBody(kind: ServerKind): string {
  return kind === 'em' ? enterpriseManagerEntityXml() : JSON.stringify(microsoft365Session());
}

const HTML_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Veeam Backup Enterprise Manager</form></body></html>';
const BOTH: ServerKind[] = ['em', 'vb365'];

const CASES: HostileCase[] = [
  { name: 'an HTML page with status 200', kinds: BOTH, answer: (_q, res) => send(res, 200, 'text/html; charset=utf-8', HTML_PAGE), outcome: { code: 'malformedResponse', message: /HTML page/ } },
  { name: 'an HTML proxy page with status 502', kinds: BOTH, answer: (_q, res) => send(res, 502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'), outcome: { code: 'serverError', status: 502, message: /HTML/ } },
  { name: 'an HTML page labelled application/json', kinds: BOTH, answer: (_q, res) => send(res, 200, 'application/json', HTML_PAGE), outcome: { code: 'malformedResponse', message: /HTML page/ } },
  {
    name: 'a valid body with a wrong content type (text/plain)',
    kinds: BOTH,
    answer: (_q, res, kind) => send(res, 200, 'text/plain', validBody(kind)),
    outcome: { session: (s) => assert.strictEqual(s.id, SESSION_ID) },
  },
  {
    name: 'a valid body without a content type',
    kinds: BOTH,
    answer: (_q, res, kind) => send(res, 200, undefined, validBody(kind)),
    outcome: { session: (s) => assert.strictEqual(s.state, 'running') },
  },
  {
    name: 'an EM Error body with status 200',
    kinds: ['em'],
    answer: (_q, res) => send(res, 200, 'application/xml', enterpriseManagerErrorXml('Object reference not set to an instance of an object.', 500)),
    outcome: { code: 'serverError', message: /Object reference not set/ },
  },
  {
    name: 'a VB365 RESTExceptionInfo with status 200',
    kinds: ['vb365'],
    answer: (_q, res) => send(res, 200, 'application/json', JSON.stringify({ message: 'Proxy is offline.', errorCode: 'ProxyOffline' })),
    outcome: { code: 'serverError', message: /Proxy is offline/ },
  },
  {
    name: 'an Error body whose message is 1 MB of text on 3,000 lines',
    kinds: ['em'],
    answer: (_q, res) => send(res, 500, 'application/xml', enterpriseManagerErrorXml('boom&#10;'.repeat(3000) + 'x'.repeat(1_000_000), 500)),
    outcome: { code: 'serverError', status: 500 },
  },
  {
    name: 'JSON cut off mid-way (complete transfer)',
    kinds: BOTH,
    answer: (_q, res) => send(res, 200, 'application/json', JSON.stringify(microsoft365Session()).slice(0, 70)),
    outcome: { code: 'malformedResponse', message: /truncated/ },
  },
  {
    name: 'XML cut off mid-way (complete transfer)',
    kinds: ['em'],
    answer: (_q, res) => send(res, 200, 'application/xml', enterpriseManagerEntityXml().slice(0, 300)),
    outcome: { code: 'malformedResponse', message: /malformed XML/ },
  },
  { name: 'an empty 200', kinds: BOTH, answer: (_q, res) => send(res, 200, 'application/json', ''), outcome: { code: 'malformedResponse', message: /empty/ } },
  {
    name: 'a gzip bomb the server labels Content-Encoding: gzip (never inflated)',
    kinds: BOTH,
    answer: (_q, res) => send(res, 200, 'application/json', gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)), { 'Content-Encoding': 'gzip' }),
    outcome: { code: 'malformedResponse' },
  },
  { name: 'XML with an external entity (XXE)', kinds: ['em'], answer: (_q, res) => send(res, 200, 'application/xml', externalEntityXml()), outcome: { code: 'malformedResponse', message: /DTD/ } },
  { name: 'XML entity expansion ("billion laughs")', kinds: ['em'], answer: (_q, res) => send(res, 200, 'application/xml', billionLaughsXml()), outcome: { code: 'malformedResponse', message: /DTD/ } },
  {
    name: 'JSON with __proto__ and constructor keys',
    kinds: BOTH,
    answer: (_q, res, kind) => {
      const hostile = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${(kind === 'em' ? enterpriseManagerEntityJson() : JSON.stringify(microsoft365Session())).slice(1)}`;
      send(res, 200, 'application/json', hostile);
    },
    outcome: { session: (s) => assert.strictEqual(Object.getPrototypeOf(s.extra), null, 'unknown fields live in a prototype-free record') },
  },
  {
    name: 'invalid UTF-8 bytes inside names',
    kinds: BOTH,
    answer: (_q, res, kind) => {
      const [head, tail] = validBody(kind).split(kind === 'em' ? 'vm01@' : 'Exchange restore');
      send(res, 200, kind === 'em' ? 'application/xml' : 'application/json', Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(tail)]));
    },
    outcome: { session: (s) => assert.ok(s.name.includes('\uFFFD'), `undecodable bytes become U+FFFD: ${s.name}`) },
  },
  {
    name: 'a body above maxResponseBytes, declared in Content-Length',
    kinds: BOTH,
    http: { maxResponseBytes: 64 * 1024 },
    answer: (_q, res) => send(res, 200, 'application/json', `{"results":[${'"x",'.repeat(100_000)}"x"]}`),
    outcome: { code: 'tooLarge' },
  },
  {
    name: 'a chunked body above maxResponseBytes (no Content-Length)',
    kinds: BOTH,
    http: { maxResponseBytes: 64 * 1024 },
    answer: (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 40; i++) res.write('x'.repeat(4096));
      res.end();
    },
    outcome: { code: 'tooLarge' },
  },
  {
    name: 'a body that never ends',
    kinds: BOTH,
    http: { maxResponseBytes: 256 * 1024 },
    answer: (_q, res) => endlessBody(res),
    outcome: { code: 'tooLarge' },
  },
  {
    name: 'a body dripped one byte at a time (never idle long enough for bodyTimeout)',
    kinds: BOTH,
    http: { bodyTimeoutMs: 10_000, responseTimeoutMs: 600 },
    answer: (_q, res) => drippedBody(res),
    outcome: { code: 'timeout', message: /took longer than/ },
  },
  {
    name: 'headers that never come',
    kinds: BOTH,
    http: { headersTimeoutMs: 300 },
    answer: () => undefined,
    outcome: { code: 'timeout', message: /did not answer in time/ },
  },
  {
    name: 'headers that never come, with a response deadline shorter than the headers timeout',
    kinds: BOTH,
    http: { headersTimeoutMs: 10_000, responseTimeoutMs: 400 },
    answer: () => undefined,
    outcome: { code: 'timeout', message: /took longer than/ },
  },
  {
    name: 'a 30 KB response header',
    kinds: BOTH,
    answer: (_q, res, kind) => send(res, 200, 'application/json', validBody(kind), { 'X-Padding': 'p'.repeat(30_000) }),
    outcome: { code: 'malformedResponse', message: /headers larger/ },
  },
  {
    name: 'a response that breaks HTTP (invalid Content-Length)',
    kinds: BOTH,
    answer: (_q, res) => {
      res.socket?.end('HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nzzz');
    },
    outcome: { code: 'malformedResponse', message: /valid HTTP/ },
  },
  {
    name: 'a non-HTTP service behind TLS',
    kinds: BOTH,
    answer: (_q, res) => {
      res.socket?.end('SSH-2.0-OpenSSH_9.2\r\n');
    },
    outcome: { code: 'malformedResponse', message: /valid HTTP/ },
  },
];

function endlessBody(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = '['.repeat(16 * 1024);
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

function drippedBody(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const timer = setInterval(() => {
    if (res.destroyed) clearInterval(timer);
    else res.write(' ');
  }, 25);
  res.on('close', () => clearInterval(timer));
}

describe('Hardening: hostile and broken responses through the real clients (HTTPS)', () => {
  let server: HostileServer;
  const clients = new ScriptedClients();

  before(async () => {
    server = await startHostileServer(await selfSignedCertificate(), () => undefined);
  });
  after(async () => {
    await clients.disposeAll();
    await server.stop();
    writeReliabilityFile();
  });
  afterEach(async () => {
    await clients.disposeAll();
    assertNoPrototypePollution();
  });

  for (const c of CASES) {
    for (const kind of c.kinds) {
      it(`${kind}: ${c.name} → ${'code' in c.outcome ? c.outcome.code : 'a sane session'}`, async () => {
        server.received.length = 0;
        server.setHandler(withSignIn((request, res) => c.answer(request, res, kind)));
        const client = clients.create(kind, server.origin, pinned(server.fingerprint256), c.http);
        const reading = client.getSession(SESSION_ID, { format: kind === 'em' && c.name.includes('JSON') ? 'json' : 'xml' });
        try {
          if ('code' in c.outcome) {
            const error = await expectReadableFailure(reading, c.outcome.code);
            if (c.outcome.message) assert.match(error.message, c.outcome.message);
            if (c.outcome.status !== undefined) assert.strictEqual(error.status, c.outcome.status);
          } else {
            c.outcome.session(await reading);
          }
        } catch (e) {
          record(AREA, { untypedFailures: 1 });
          throw e;
        } finally {
          record(AREA, { inputsTried: 1, faultsInjected: 1, requestsSent: server.received.length });
        }
        for (const line of capturedLogLines) for (const secret of secretStrings()) assert.ok(!line.includes(secret), `log line leaks a secret: ${line}`);
      });
    }
  }

  it('em: a list that claims a next page forever is read a bounded number of times', async () => {
    server.received.length = 0;
    let page = 0;
    server.setHandler(
      withSignIn((_q, res) => {
        page++;
        // Same ids on every page (duplicates), and always a `Next` link: a server stuck in a loop.
        const entities = [JSON.parse(enterpriseManagerEntityJson()) as unknown, JSON.parse(enterpriseManagerEntityJson()) as unknown];
        send(res, 200, 'application/json', enterpriseManagerQueryJson(entities, `https://localhost:9398/api/query?type=RestoreSession&page=${page + 1}`));
      }),
    );
    const client = clients.create('em', server.origin, pinned(server.fingerprint256));
    const result = await client.listSessions({ page: 1, pageSize: 10, filter: { text: 'no such name' } });
    const dataRequests = server.received.filter((r) => !isSignInRequest(r)).length;
    assert.deepStrictEqual(result.sessions, []);
    assert.ok(dataRequests > 1 && dataRequests <= 60, `read ${dataRequests} pages`);
    record(AREA, { inputsTried: 1, faultsInjected: dataRequests, requestsSent: server.received.length });
  });

  it('vb365: an event log that claims a next page forever is read a bounded number of times', async () => {
    server.received.length = 0;
    server.setHandler(
      withSignIn((_q, res) => {
        const events = Array.from({ length: 500 }, (_, i) => ({ id: `e${i}`, type: 'Restore', status: 'Success', title: 't', message: 'm', order: i }));
        send(res, 200, 'application/json', JSON.stringify({ offset: 0, limit: 500, results: events, _links: { next: { href: '/v8/RestoreSessions/x/Events?offset=0&limit=500' } } }));
      }),
    );
    const client = clients.create('vb365', server.origin, pinned(server.fingerprint256));
    const events = await client.getEvents(SESSION_ID);
    const dataRequests = server.received.filter((r) => !isSignInRequest(r)).length;
    assert.ok(dataRequests > 1 && dataRequests <= 60, `read ${dataRequests} pages`);
    assert.strictEqual(events.length, dataRequests * 500);
    record(AREA, { inputsTried: 1, faultsInjected: dataRequests, requestsSent: server.received.length });
  });
});
