import * as assert from 'assert';
import type { RestoreSessionEvent } from '../../src/core/model/restoreSession';
import { ClientFactory, startSimulator, type Simulator } from './simulatorFixture';

/**
 * A running Microsoft 365 session's log read again with the events read before (B.4.3: paged by offset/limit, ordered
 * by `order`): only the pages from the first record that may still change are requested, counted at the simulator per
 * request target; whatever does not line up costs one full read, never a wrong log.
 */
describe('Microsoft 365 events: incremental re-read (real HTTPS, requests counted at the simulator)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 21, vb365SessionCount: 5, sessionCount: 5, runningCount: 0, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await clients.disposeAll();
    await sim.stop();
  });

  const eventRequests = (): Record<string, number> => sim.requestCounter().targetCounts('vb365', '/Events');
  const requestsOf = async <T>(read: () => Promise<T>): Promise<{ result: T; requests: Record<string, number> }> => {
    sim.resetRequestCount();
    const result = await read();
    return { result, requests: eventRequests() };
  };
  /** A session whose log holds `count` settled records. */
  const runningSession = (count: number): { id: string; log: NonNullable<ReturnType<Simulator['microsoft365Events']>> } => {
    const id = sim.addRunningSession('vb365');
    const log = sim.microsoft365Events(id);
    assert.ok(log);
    log.append(count - log.count, 'Success');
    return { id, log };
  };
  const target = (id: string, offset: number, limit = 500): string => `GET /v8/RestoreSessions/${id}/Events?offset=${offset}&limit=${limit}`;

  it('a growing log re-reads only the tail page(s), and the result equals a full read', async () => {
    const client = clients.create('vb365');
    const { id, log } = runningSession(1200);
    const first = await requestsOf(() => client.getEvents(id));
    assert.deepStrictEqual(first.requests, { [target(id, 0)]: 1, [target(id, 500)]: 1, [target(id, 1000)]: 1 });
    assert.strictEqual(first.result.length, 1200);

    log.append(5, 'Success');
    const grown = await requestsOf(() => client.getEvents(id, undefined, first.result));
    // One page from the last known record (1199), which must still be the known one.
    assert.deepStrictEqual(grown.requests, { [target(id, 1199)]: 1 });
    assert.deepStrictEqual(grown.result, await client.getEvents(id));
    assert.strictEqual(grown.result.length, 1205);

    log.append(600, 'Success');
    const more = await requestsOf(() => client.getEvents(id, undefined, grown.result));
    assert.deepStrictEqual(more.requests, { [target(id, 1204)]: 1, [target(id, 1704)]: 1 });
    assert.deepStrictEqual(more.result, await client.getEvents(id));

    const unchanged = await requestsOf(() => client.getEvents(id, undefined, more.result));
    assert.deepStrictEqual(unchanged.requests, { [target(id, 1804)]: 1 });
    assert.deepStrictEqual(unchanged.result, more.result);
  });

  it('a record that was running when read and failed later is read again and updated', async () => {
    const client = clients.create('vb365');
    const { id, log } = runningSession(700);
    log.append(1, 'Running');
    log.append(50, 'Success');
    const known = await client.getEvents(id);
    assert.strictEqual(known[700].status, 'Running');

    log.settle(700, 'Failed');
    log.append(2, 'Success');
    const again = await requestsOf(() => client.getEvents(id, undefined, known));
    assert.deepStrictEqual(again.requests, { [target(id, 699)]: 1 }, 'from the record before the running one');
    assert.strictEqual(again.result[700].status, 'Failed');
    assert.strictEqual(again.result[700].id, known[700].id);
    assert.deepStrictEqual(again.result, await client.getEvents(id));
    assert.strictEqual(again.result.length, 753);
  });

  for (const change of ['reissue', 'truncate'] as const) {
    it(`falls back to one full read when the log does not line up (${change === 'reissue' ? 'the record at the offset has another id' : 'the log shrank'}), equal to a full read`, async () => {
      const client = clients.create('vb365');
      const { id, log } = runningSession(1100);
      const known: RestoreSessionEvent[] = await client.getEvents(id);
      if (change === 'reissue') log.reissue(1099);
      else log.truncate(1050);
      const again = await requestsOf(() => client.getEvents(id, undefined, known));
      const full = await requestsOf(() => client.getEvents(id));
      // The tail page from the last known record, then every page.
      assert.deepStrictEqual(again.requests, { [target(id, 1099)]: 1, [target(id, 0)]: 1, [target(id, 500)]: 1, [target(id, 1000)]: 1 });
      assert.deepStrictEqual(again.result, full.result);
      assert.notDeepStrictEqual(again.result, known);
    });
  }
});
