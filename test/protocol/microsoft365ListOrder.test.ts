import * as assert from 'assert';
import type { ListProgress } from '../../src/core/clients/restoreSessionClient';
import { isRunning } from '../../src/core/model/restoreSession';
import { ClientFactory, expectVeeamError, isNewestFirst, startSimulator, type Simulator } from './simulatorFixture';

/** The ids of the simulator's own page 1 (server order), read with the client's token. */
async function serverFirstPageIds(clients: ClientFactory, version: string, limit: number): Promise<string[]> {
  const client = clients.create('vb365', { apiVersion: version });
  const raw = await client.getRaw(`/${version}/RestoreSessions?offset=0&limit=${limit}`, 'json');
  const body = JSON.parse(raw.text) as { results: Array<{ id: string }> };
  return body.results.map((s) => s.id);
}

describe('Microsoft 365 lists before v8 come in no promised order: the client still lists newest first', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  let newestRunning: string;

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 23, vb365SessionCount: 120, progressStepMs: 3_600_000 });
    // Created last, so the newest of all; the simulator stores it wherever its id falls. The test needs it off the
    // server's page 1 (else it proves nothing): another one is added until the id falls elsewhere, whatever the data.
    for (let attempt = 1; ; attempt++) {
      newestRunning = sim.addRunningSession('vb365', { name: `Newest running restore ${attempt}` });
      if (!(await serverFirstPageIds(clients, 'v6', 20)).includes(newestRunning)) break;
      assert.ok(attempt < 20, 'every new session landed on the server page 1');
    }
    await clients.disposeAll();
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    sim.clearFaults();
    await clients.disposeAll();
  });

  for (const version of ['v4', 'v5', 'v6', 'v7']) {
    it(`${version}: page 1 holds the newest and the running sessions although the server's page 1 does not`, async () => {
      const pageSize = 20;
      // v8 sorts on request (documented), so it is the reference order.
      const reference = (await clients.create('vb365').listSessions({ page: 1, pageSize: 1000 })).sessions.filter((s) => version !== 'v4' || s.type !== 'Vet');
      const serverPage = await serverFirstPageIds(clients, version, pageSize);
      assert.notDeepStrictEqual(serverPage, reference.slice(0, pageSize).map((s) => s.id), 'the simulator serves this version unsorted');
      assert.ok(!serverPage.includes(newestRunning), 'the newest session is not on the server page 1 (else the test proves nothing)');

      const client = clients.create('vb365', { apiVersion: version });
      await client.connect();
      sim.resetRequestCount();
      const page = await client.listSessions({ page: 1, pageSize });
      const listRequests = sim.requestCount({ api: 'vb365', pathIncludes: '/RestoreSessions' });
      assert.strictEqual(page.sessions[0].id, newestRunning);
      assert.deepStrictEqual(page.sessions.map((s) => s.id), reference.slice(0, pageSize).map((s) => s.id));
      assert.ok(isNewestFirst(page.sessions.map((s) => s.creationTime)));
      const running = reference.filter(isRunning);
      assert.ok(running.length >= 2);
      assert.deepStrictEqual(page.sessions.slice(0, running.length).map((s) => s.id), running.map((s) => s.id), 'running sessions (the newest) lead page 1');
      assert.strictEqual(page.hasMore, true);
      assert.strictEqual(listRequests, 1, `one request reads all ${reference.length} sessions`);

      const second = await client.listSessions({ page: 2, pageSize });
      assert.deepStrictEqual(second.sessions.map((s) => s.id), reference.slice(pageSize, 2 * pageSize).map((s) => s.id));
    });
  }

  it('with --vb365-sorted-lists the simulator serves v6 newest first (the old, unpromised behaviour)', async () => {
    sim.setFaults({ vb365SortedLists: true });
    const reference = (await clients.create('vb365').listSessions({ page: 1, pageSize: 20 })).sessions.map((s) => s.id);
    assert.deepStrictEqual(await serverFirstPageIds(clients, 'v6', 20), reference);
  });
});

describe('Microsoft 365 v6 list larger than one read: progress, request count, cancel', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 29, vb365SessionCount: 2300, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    await clients.disposeAll();
  });

  it('reads every page (3 requests for 2,300 sessions), reports progress, and sorts newest first', async () => {
    const reference = (await clients.create('vb365').listSessions({ page: 1, pageSize: 50 })).sessions.map((s) => s.id);
    const client = clients.create('vb365', { apiVersion: 'v6' });
    await client.connect();
    sim.resetRequestCount();
    const progress: ListProgress[] = [];
    const page = await client.listSessions({ page: 1, pageSize: 50, onProgress: (p) => progress.push(p) });
    assert.deepStrictEqual(page.sessions.map((s) => s.id), reference);
    assert.strictEqual(sim.requestCount({ api: 'vb365', pathIncludes: '/RestoreSessions' }), 3);
    assert.deepStrictEqual(progress, [
      { sessionsRead: 1000, totalCount: 2300, more: true },
      { sessionsRead: 2000, totalCount: 2300, more: true },
      { sessionsRead: 2300, totalCount: 2300, more: false },
    ]);
    assert.strictEqual(page.totalCount, 2300);
  });

  it('v6 filtered: the newest matches first, not the first matches in server order', async () => {
    const reference = (await clients.create('vb365').listSessions({ page: 1, pageSize: 5, filter: { states: ['finished'] } })).sessions.map((s) => s.id);
    const page = await clients.create('vb365', { apiVersion: 'v6' }).listSessions({ page: 1, pageSize: 5, filter: { states: ['finished'] } });
    assert.deepStrictEqual(page.sessions.map((s) => s.id), reference);
  });

  it('stops reading when cancelled between pages', async () => {
    const client = clients.create('vb365', { apiVersion: 'v7' });
    await client.connect();
    sim.resetRequestCount();
    const controller = new AbortController();
    const listing = client.listSessions({ page: 1, pageSize: 50, signal: controller.signal, onProgress: () => controller.abort() });
    await expectVeeamError(listing, 'cancelled');
    assert.strictEqual(sim.requestCount({ api: 'vb365', pathIncludes: '/RestoreSessions' }), 1);
  });
});
