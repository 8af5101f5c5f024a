import * as assert from 'assert';
import { SERVER_KINDS } from '../../src/core/kinds/serverKinds';

const KIND_IDS = SERVER_KINDS.map((k) => k.id);
import { ClientFactory, startSimulator, type Simulator } from './simulatorFixture';

/**
 * undici hands a keep-alive connection back to its pool only a full event-loop turn after a response ends; a client
 * that sends its next request straight away (sign-in, then the list) opened a second connection: another TCP and
 * TLS handshake, one to three round trips on a real network, on the first paint of every server.
 */
describe('connection reuse: requests in a row share one connection', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 21, sessionCount: 30, vb365SessionCount: 30, vbrSessionCount: 60, runningCount: 0 });
  });
  after(() => sim.stop());
  afterEach(() => clients.disposeAll());

  for (const kind of KIND_IDS) {
    it(`${kind}: connect, then the first page and a lookup, one after the other, over the connections connect opened`, async () => {
      const client = clients.create(kind);
      await client.connect();
      // Enterprise Manager reads its entry point and signs in side by side (two connections, one round trip less);
      // the others sign in alone.
      const afterConnect = sim.openConnections()[kind];
      assert.ok(afterConnect >= 1 && afterConnect <= 2, `connect opened ${afterConnect} connections`);
      const page = await client.listSessions({ page: 1, pageSize: 10 });
      await client.getSession(page.sessions[0].id);
      assert.ok(sim.requestCount({ api: kind }) >= 3, 'several requests were sent');
      assert.strictEqual(sim.openConnections()[kind], afterConnect, `requests in a row opened ${sim.openConnections()[kind] - afterConnect} more connections`);
    });
  }
});
