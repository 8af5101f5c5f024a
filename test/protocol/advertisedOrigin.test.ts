import * as assert from 'assert';
import { advertisedOriginOf } from '../../src/core/clients/advertisedOrigin';
import { isHrefOfServer } from '../../src/vscode/panel/relatedHref';
import { ClientFactory, startSimulator, type Simulator } from './simulatorFixture';

const EM_OWN = 'https://em01.corp.local:9398';
const VB365_OWN = 'https://vb365.corp.local:4443';

describe('servers behind a reverse proxy: hrefs on their own origin are theirs, read through the configured address', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 31, sessionCount: 40, vb365SessionCount: 40, progressStepMs: 3_600_000, advertisedOrigins: { em: EM_OWN, vb365: VB365_OWN } });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    await clients.disposeAll();
  });

  const cases = [
    { kind: 'em' as const, apiVersion: undefined, own: EM_OWN, url: () => sim.emUrl },
    // Before v6 Microsoft 365 hrefs are absolute (B.3).
    { kind: 'vb365' as const, apiVersion: 'v5', own: VB365_OWN, url: () => sim.vb365Url },
  ];
  for (const { kind, apiVersion, own, url } of cases) {
    it(`${kind}: the session's related links open (mapped onto ${'the configured origin'}); a third host or another port stays refused`, async () => {
      const client = clients.create(kind, { apiVersion });
      const [first] = (await client.listSessions({ page: 1, pageSize: 5 })).sessions;
      const session = await client.getSession(first.id, { format: 'json' });
      const related = session.links.filter((l) => l.href.startsWith(own));
      assert.ok(related.length > 0, `no link on ${own}: ${JSON.stringify(session.links)}`);
      assert.deepStrictEqual(client.advertisedOrigins(), [own]);
      sim.resetRequestCount();
      for (const link of related) {
        assert.ok(isHrefOfServer(url(), link.href, client.advertisedOrigins()), `refused ${link.href}`);
        assert.ok((await client.getRaw(link.href, 'json')).text.length > 0);
      }
      assert.strictEqual(sim.requestCount({ api: kind }), related.length, 'every link was read from the configured address');
      const path = new URL(related[0].href).pathname;
      for (const third of [`https://attacker.example:9398${path}`, `https://em01.corp.local:9399${path}`, `http://${new URL(own).host}${path}`]) {
        assert.ok(!isHrefOfServer(url(), third, client.advertisedOrigins()), `accepted ${third}`);
      }
    });
  }
});

describe("learning a server's own origin", () => {
  const configured = 'https://proxy.example:443';
  it('from a self href naming the requested resource (case, trailing slash and query aside)', () => {
    assert.strictEqual(advertisedOriginOf('https://EM01:9398/api/restoreSessions/ABC?format=Entity', '/api/restoreSessions/abc', configured), 'https://em01:9398');
    assert.strictEqual(advertisedOriginOf('https://em01:9398/v5/restoresessions/abc/', '/v5/RestoreSessions/abc', configured), 'https://em01:9398');
  });
  it('never from another resource, credentials, other schemes, the configured origin or garbage', () => {
    for (const href of [
      'https://attacker:9398/api/backupServers/1',
      'https://user:pw@em01:9398/api/restoreSessions/abc',
      'ftp://em01/api/restoreSessions/abc',
      'https://proxy.example/api/restoreSessions/abc',
      '/api/restoreSessions/abc',
      'https://[/api/restoreSessions/abc',
      '',
      undefined,
    ]) {
      assert.strictEqual(advertisedOriginOf(href, '/api/restoreSessions/abc', configured), undefined, String(href));
    }
  });
});
