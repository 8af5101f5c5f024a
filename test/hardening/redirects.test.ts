import * as assert from 'assert';
import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { startHostileServer, type HostileServer, type ReceivedRequest } from './hostileServer';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { pinned, ScriptedClients } from './scriptedClient';
import { answerEnterpriseManagerLogon, answerMicrosoft365Token, isSignInRequest, SCRIPTED_SECRETS, secretStrings } from './scriptedSignIn';
import { selfSignedCertificate } from './testCertificates';
import { expectReadableFailure } from './typedFailure';
import { enterpriseManagerEntityXml, SESSION_ID } from './veeamBodies';

const AREA = 'Redirects and foreign links (tokens stay home)';

/** Header names and body fields that carry a credential in either API. */
function carriesCredential(request: ReceivedRequest): boolean {
  const headers = Object.keys(request.headers).map((h) => h.toLowerCase());
  return headers.includes('authorization') || headers.includes('x-restsvcsessionid') || new URLSearchParams(request.body).get('password') === SCRIPTED_SECRETS.password || secretStrings().some((s) => JSON.stringify(request.headers).includes(s));
}

describe('Hardening: credentials never leave the configured server (redirects, foreign links)', () => {
  let home: HostileServer;
  let elsewhere: HostileServer;
  const clients = new ScriptedClients();

  before(async () => {
    // "elsewhere" answers like a Veeam server would, so a client that followed it would succeed and the test would see it.
    elsewhere = await startHostileServer(await selfSignedCertificate(), (request, res) => {
      if (isSignInRequest(request)) return request.path.startsWith('/api') ? answerEnterpriseManagerLogon(res) : answerMicrosoft365Token(res);
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(enterpriseManagerEntityXml());
    });
    home = await startHostileServer(await selfSignedCertificate(), () => undefined);
  });
  after(async () => {
    await clients.disposeAll();
    await Promise.all([home.stop(), elsewhere.stop()]);
    writeReliabilityFile();
  });
  afterEach(async () => {
    await clients.disposeAll();
    home.received.length = 0;
    elsewhere.received.length = 0;
  });

  function client(kind: ServerKind): RestoreSessionClient {
    // Retries on: a redirect must not be retried either.
    return clients.create(kind, home.origin, pinned(home.fingerprint256), { retries: 3 });
  }

  const redirects = [301, 302, 303, 307, 308];
  const scenarios: Array<{ name: string; kind: ServerKind; redirectSignIn: boolean }> = [
    { name: 'the EM logon (Basic credentials)', kind: 'em', redirectSignIn: true },
    { name: 'an EM read (X-RestSvcSessionId)', kind: 'em', redirectSignIn: false },
    { name: 'the VB365 token request (password in the body)', kind: 'vb365', redirectSignIn: true },
    { name: 'a VB365 read (Bearer token)', kind: 'vb365', redirectSignIn: false },
  ];

  for (const scenario of scenarios) {
    for (const status of redirects) {
      it(`${scenario.kind}: a ${status} on ${scenario.name} to another host → typed error, the other host gets nothing`, async () => {
        const target = `${elsewhere.origin}/${scenario.kind === 'em' ? 'api/restoreSessions' : 'v8/RestoreSessions'}/${SESSION_ID}?token=${SCRIPTED_SECRETS.vb365AccessToken}`;
        home.setHandler((request, res) => {
          if (isSignInRequest(request) && !scenario.redirectSignIn) {
            return request.path.startsWith('/api') ? answerEnterpriseManagerLogon(res) : answerMicrosoft365Token(res);
          }
          res.writeHead(status, { Location: target, 'Content-Type': 'text/html' });
          res.end(`<html><body>Moved to <a href="${target}">here</a></body></html>`);
        });
        const error = await expectReadableFailure(client(scenario.kind).getSession(SESSION_ID), 'serverError');
        assert.match(error.message, /redirected/);
        assert.ok(error.message.includes(elsewhere.origin), 'the message names where the server pointed');
        assert.strictEqual(elsewhere.received.length, 0, `the other host received ${elsewhere.received.map((r) => `${r.method} ${r.path}`).join(', ')}`);
        // Proof that the redirect came in answer to a credentialed request, and was asked once (not retried).
        const redirected = home.received.filter((r) => isSignInRequest(r) === scenario.redirectSignIn);
        assert.strictEqual(redirected.length, 1);
        assert.ok(carriesCredential(redirected[0]), 'the redirected request carried a credential');
        record(AREA, { inputsTried: 1, faultsInjected: 1, requestsSent: home.received.length + elsewhere.received.length });
      });
    }
  }

  for (const kind of ['em', 'vb365'] as const) {
    it(`${kind}: links to another host are fetched from the configured server or refused, never from that host`, async () => {
      home.setHandler((request, res) => {
        if (isSignInRequest(request)) return kind === 'em' ? answerEnterpriseManagerLogon(res) : answerMicrosoft365Token(res);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"_links":{"self":{"href":"/v8/x"}},"Href":"x","Links":[]}');
      });
      const c = client(kind);
      const apiPath = kind === 'em' ? '/api/backupServers/1' : '/v8/Organizations/1';
      // Veeam builds hrefs from the host name it knows itself by: rewritten onto the configured origin.
      await c.getRaw(`${elsewhere.origin}${apiPath}`, 'json');
      await c.getRaw(`//127.0.0.1:${elsewhere.port}${apiPath}`, 'json');
      // Credentials in a link, or a path outside the API: refused before any request.
      await expectReadableFailure(c.getRaw(`https://user:pw@127.0.0.1:${elsewhere.port}${apiPath}`, 'json'), 'invalidInput');
      await expectReadableFailure(c.getRaw(`${elsewhere.origin}/evil`, 'json'), 'invalidInput');
      await expectReadableFailure(c.getRaw('javascript:alert(1)', 'json'), 'invalidInput');
      assert.strictEqual(elsewhere.received.length, 0);
      assert.strictEqual(home.received.filter((r) => !isSignInRequest(r)).length, 2);
      record(AREA, { inputsTried: 5, faultsInjected: 5, requestsSent: home.received.length });
    });
  }
});
