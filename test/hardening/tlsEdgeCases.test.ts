import * as assert from 'assert';
import * as https from 'https';
import { probeCertificate } from '../../src/core/http/certificateProbe';
import type { TlsTrust } from '../../src/core/model/serverConfig';
import { startHostileServer, type HostileServer } from './hostileServer';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { pinned, ScriptedClients } from './scriptedClient';
import { isSignInRequest, withSignIn } from './scriptedSignIn';
import { DAYS, selfSignedCertificate, TestCertificateAuthority, type ServerCertificate } from './testCertificates';
import { expectReadableFailure } from './typedFailure';
import { enterpriseManagerEntityXml, SESSION_ID } from './veeamBodies';

const AREA = 'TLS trust edge cases';

const answerEntity = withSignIn((_q, res) => {
  res.writeHead(200, { 'Content-Type': 'application/xml' });
  res.end(enterpriseManagerEntityXml());
});

describe('Hardening: TLS verification and per-server trust (real HTTPS, generated certificates)', () => {
  const clients = new ScriptedClients();
  const servers: HostileServer[] = [];
  let companyCa: TestCertificateAuthority;
  let otherCa: TestCertificateAuthority;

  before(async () => {
    [companyCa, otherCa] = await Promise.all([TestCertificateAuthority.create('Example Company CA'), TestCertificateAuthority.create('Another CA')]);
  });
  afterEach(async () => {
    await clients.disposeAll();
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  after(() => writeReliabilityFile());

  async function serve(certificate: ServerCertificate): Promise<HostileServer> {
    const server = await startHostileServer(certificate, answerEntity);
    servers.push(server);
    return server;
  }

  async function read(server: HostileServer, trust: TlsTrust): Promise<unknown> {
    return clients.create('em', server.origin, trust).getSession(SESSION_ID);
  }

  /** A refused handshake: typed, names the presented fingerprint, and not one HTTP request reached the server. */
  async function expectRefused(server: HostileServer, trust: TlsTrust, code: 'tlsUntrusted' | 'certificateChanged', why: RegExp): Promise<void> {
    const error = await expectReadableFailure(read(server, trust), code);
    assert.match(error.message, why);
    assert.ok(error.message.includes(server.fingerprint256), `the message shows the presented fingerprint: ${error.message}`);
    assert.strictEqual(error.fingerprint, server.fingerprint256);
    assert.strictEqual(server.received.length, 0, 'no request may travel over a refused connection');
    record(AREA, { inputsTried: 1, faultsInjected: 1 });
  }

  it('verifies by default: a certificate from a CA the system does not know is refused', async () => {
    const server = await serve(await companyCa.issue());
    await expectRefused(server, { mode: 'system' }, 'tlsUntrusted', /unknown certificate authority|self-signed/);
  });

  it('accepts a leaf of the CA added for that server', async () => {
    const server = await serve(await companyCa.issue());
    const session = (await read(server, { mode: 'ca', caPem: companyCa.certPem })) as { id: string };
    assert.strictEqual(session.id, SESSION_ID);
    record(AREA, { inputsTried: 1, requestsSent: server.received.length });
  });

  it('refuses an expired certificate, even from the trusted CA', async () => {
    const server = await serve(await companyCa.issue({ notBefore: new Date(Date.now() - 60 * DAYS), notAfter: new Date(Date.now() - DAYS) }));
    await expectRefused(server, { mode: 'ca', caPem: companyCa.certPem }, 'tlsUntrusted', /expired/);
  });

  it('refuses a certificate that is not valid yet', async () => {
    const server = await serve(await companyCa.issue({ notBefore: new Date(Date.now() + 2 * DAYS), notAfter: new Date(Date.now() + 60 * DAYS) }));
    await expectRefused(server, { mode: 'ca', caPem: companyCa.certPem }, 'tlsUntrusted', /not valid yet/);
  });

  it('refuses a certificate issued for another host name, even from the trusted CA', async () => {
    const server = await serve(await companyCa.issue({ altNames: [{ type: 2, value: 'em01.example.com' }] }));
    await expectRefused(server, { mode: 'ca', caPem: companyCa.certPem }, 'tlsUntrusted', /another host name/);
  });

  it('refuses an expired self-signed certificate under system trust', async () => {
    const server = await serve(await selfSignedCertificate({ notBefore: new Date(Date.now() - 60 * DAYS), notAfter: new Date(Date.now() - DAYS) }));
    await expectRefused(server, { mode: 'system' }, 'tlsUntrusted', /expired|self-signed/);
    const info = await probeCertificate(server.origin);
    assert.strictEqual(info.trusted, false);
    assert.strictEqual(info.fingerprint256, server.fingerprint256);
  });

  it('refuses a changed certificate on a pinned server, showing the old and the new fingerprint', async () => {
    const original = await selfSignedCertificate();
    const server = await serve(original);
    // Default-like retries: the pooled connection the old server closed may reset once before the new handshake.
    const client = clients.create('em', server.origin, pinned(original.fingerprint256), { retries: 3 });
    assert.strictEqual((await client.getSession(SESSION_ID)).id, SESSION_ID);

    // Same host and port, new key and certificate; the pooled connection is gone with the old server.
    const replacement = await selfSignedCertificate();
    await server.restartWith(replacement);
    server.received.length = 0;
    const error = await expectReadableFailure(client.getSession(SESSION_ID), 'certificateChanged');
    assert.ok(error.message.includes(original.fingerprint256), `old fingerprint missing: ${error.message}`);
    assert.ok(error.message.includes(replacement.fingerprint256), `new fingerprint missing: ${error.message}`);
    assert.strictEqual(error.expectedFingerprint, original.fingerprint256);
    assert.strictEqual(error.fingerprint, replacement.fingerprint256);
    assert.match(error.message, /has changed/);
    assert.strictEqual(server.received.length, 0, 'nothing may be sent to the changed server');
    record(AREA, { inputsTried: 2, faultsInjected: 1, requestsSent: 2 });
  });

  it("one server's trust never weakens another's", async () => {
    const [a, b] = await Promise.all([selfSignedCertificate().then(serve), otherCa.issue().then(serve)]);
    const outcomes = await Promise.allSettled([
      read(a, pinned(a.fingerprint256)), // 0: trusted
      read(b, pinned(a.fingerprint256)), // 1: A's pin does not cover B
      read(b, { mode: 'ca', caPem: otherCa.certPem }), // 2: trusted
      read(a, { mode: 'ca', caPem: otherCa.certPem }), // 3: B's CA does not cover A
      read(a, { mode: 'system' }), // 4
      read(b, { mode: 'system' }), // 5: B's CA was added for another client only
      read(b, { mode: 'ca', caPem: companyCa.certPem }), // 6: some other CA
    ]);
    const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code?: string }).code));
    assert.deepStrictEqual(codes, ['ok', 'certificateChanged', 'ok', 'tlsUntrusted', 'tlsUntrusted', 'tlsUntrusted', 'tlsUntrusted']);
    // Each server saw exactly the requests of the one client that trusted it (sign-in + read).
    assert.strictEqual(a.received.filter((r) => !isSignInRequest(r)).length, 1);
    assert.strictEqual(b.received.filter((r) => !isSignInRequest(r)).length, 1);

    // Nothing global changed: Node's default agent still refuses the pinned self-signed server.
    assert.strictEqual(process.env.NODE_TLS_REJECT_UNAUTHORIZED, undefined);
    const plain = await new Promise<string>((resolve) => {
      https.get(`${a.origin}/api/`, (res) => resolve(`status ${res.statusCode}`)).on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    assert.strictEqual(plain, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    record(AREA, { inputsTried: 8, faultsInjected: 6, requestsSent: a.received.length + b.received.length });
  });
});
