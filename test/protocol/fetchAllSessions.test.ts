import * as assert from 'assert';
import { fetchAllSessions } from '../../src/core/export/fetchAllSessions';
import { SERVER_KINDS } from '../../src/core/kinds/serverKinds';
import { ClientFactory, expectVeeamError, startSimulator, type Simulator } from './simulatorFixture';

/** Export's "fetch all first": every page through each kind's own paging, over HTTPS to the simulator. */
describe('fetchAllSessions (every page, for Export Sessions…)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  before(async () => {
    // Nothing running: a whole read and the pages read one by one see the same sessions.
    sim = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 21, sessionCount: 23, vb365SessionCount: 17, vbrSessionCount: 200, runningCount: 0 });
  });
  after(async () => {
    await clients.disposeAll();
    await sim.stop();
  });

  for (const kind of SERVER_KINDS) {
    it(`${kind.productName}: pages of 4 add up to the whole list, once each, in the server's order, counting as they come`, async () => {
      const client = clients.create(kind.id);
      const whole = await client.listSessions({ page: 1, pageSize: 1000 });
      assert.ok(!whole.hasMore && whole.sessions.length > 8, `the simulator lists ${whole.sessions.length}`);
      const counts: number[] = [];
      const all = await fetchAllSessions(client, { pageSize: 4, onProgress: (read) => counts.push(read) });
      assert.deepStrictEqual(
        all.map((s) => s.id),
        whole.sessions.map((s) => s.id),
      );
      assert.strictEqual(counts.length, Math.ceil(whole.sessions.length / 4), 'one progress report per page');
      assert.strictEqual(counts[counts.length - 1], whole.sessions.length);
    });
  }

  it('keeps a session once when a new one shifts the pages while they are read', async () => {
    const client = clients.create('em');
    const before = await client.listSessions({ page: 1, pageSize: 1000 });
    let added: string | undefined;
    const all = await fetchAllSessions(client, {
      pageSize: 4,
      onProgress: () => {
        // After page 1: a new newest session pushes every later one a place down, so page 2 repeats page 1's last.
        added ??= sim.addRunningSession('em', { durationSeconds: 3600 });
      },
    });
    assert.ok(added);
    assert.deepStrictEqual(
      all.map((s) => s.id),
      before.sessions.map((s) => s.id),
    );
  });

  it('applies the filter to every page', async () => {
    const client = clients.create(SERVER_KINDS[0].id);
    const all = await fetchAllSessions(client, { pageSize: 3, filter: { results: ['success'] } });
    assert.ok(all.length > 3, `${all.length} successful sessions`);
    assert.ok(all.every((s) => s.result === 'success'));
  });

  it('stops at the first page after the signal is aborted, with a cancelled error', async () => {
    const client = clients.create(SERVER_KINDS[1].id);
    const controller = new AbortController();
    let pages = 0;
    await expectVeeamError(
      fetchAllSessions(client, {
        pageSize: 2,
        signal: controller.signal,
        onProgress: () => {
          pages++;
          controller.abort();
        },
      }),
      'cancelled',
    );
    assert.strictEqual(pages, 1);
  });
});
