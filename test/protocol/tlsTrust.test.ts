import * as assert from 'assert';
import { X509Certificate } from 'crypto';
import { probeCertificate } from '../../src/core/http/certificateProbe';
import { ClientFactory, expectVeeamError, serverConfig, startSimulator, type Simulator } from './simulatorFixture';

const OTHER_FINGERPRINT = 'AA:'.repeat(31) + 'AA';

describe('Per-server TLS trust (real HTTPS, self-signed simulator certificate)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 3, sessionCount: 5 });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(() => clients.disposeAll());

  it('accepts the pinned fingerprint in any spelling', async () => {
    const bare = sim.fingerprint256.replace(/:/g, '').toLowerCase();
    assert.match(await clients.create('em', { trust: { mode: 'fingerprint', sha256: bare } }).connect(), /Enterprise Manager/);
    assert.match(await clients.create('vb365', { trust: { mode: 'fingerprint', sha256: sim.fingerprint256 } }).connect(), /Microsoft 365/);
  });

  it('refuses another fingerprint as certificateChanged, naming both', async () => {
    const error = await expectVeeamError(clients.create('em', { trust: { mode: 'fingerprint', sha256: OTHER_FINGERPRINT } }).connect(), 'certificateChanged');
    assert.ok(error.message.includes(sim.fingerprint256), error.message);
    assert.ok(error.message.includes(OTHER_FINGERPRINT), error.message);
    assert.strictEqual(error.fingerprint, sim.fingerprint256);
  });

  it('refuses the self-signed certificate under system trust, with its fingerprint in the message', async () => {
    sim.resetRequestCount();
    const error = await expectVeeamError(clients.create('vb365', { trust: { mode: 'system' } }).listSessions({ page: 1, pageSize: 1 }), 'tlsUntrusted');
    assert.ok(error.message.includes(sim.fingerprint256), error.message);
    assert.match(error.message, /self-signed/);
    assert.strictEqual(sim.requestCount({ api: 'vb365' }), 0, 'no request may be sent over an untrusted connection');
  });

  it('trusts the certificate as an extra CA for that server only', async () => {
    const trusted = clients.create('em', { trust: { mode: 'ca', caPem: sim.certificatePem } });
    assert.match(await trusted.connect(), /Enterprise Manager/);
    await expectVeeamError(clients.create('vb365', { trust: { mode: 'system' } }).connect(), 'tlsUntrusted');
    await expectVeeamError(clients.create('em', { trust: { mode: 'system' } }).connect(), 'tlsUntrusted');
  });

  it('still checks the host name when a fingerprint is pinned', async () => {
    // The certificate names localhost, 127.0.0.1 and ::1; a server on 127.0.0.2 presents it under another name.
    const elsewhere = await startSimulator({ host: '127.0.0.2', emPort: 0, vb365Port: 0, seed: 3, sessionCount: 1 });
    try {
      const server = { ...serverConfig(elsewhere, 'em'), url: elsewhere.emUrl };
      const error = await expectVeeamError(clients.create('em', { server }).connect(), 'tlsUntrusted');
      assert.match(error.message, /another host name/);
      assert.strictEqual(elsewhere.requestCount(), 0);
    } finally {
      await clients.disposeAll();
      await elsewhere.stop();
    }
  });

  it('probes the certificate without trusting it', async () => {
    const info = await probeCertificate(sim.emUrl);
    assert.strictEqual(info.fingerprint256, sim.fingerprint256);
    assert.strictEqual(info.trusted, false);
    assert.ok(info.authorizationError);
    assert.strictEqual(new X509Certificate(info.pem).fingerprint256, sim.fingerprint256);
    assert.match(info.subjectAltName ?? '', /localhost/);
    const withCa = await probeCertificate(sim.vb365Url, { caPem: sim.certificatePem });
    assert.strictEqual(withCa.trusted, true);
    await expectVeeamError(probeCertificate(sim.emUrl, { signal: AbortSignal.abort() }), 'cancelled');
    await expectVeeamError(probeCertificate('http://plain.invalid'), 'invalidInput');
  });
});
