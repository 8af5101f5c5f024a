import * as assert from 'assert';
import { ClientFactory, expectVeeamError, startSimulator, type Simulator } from './simulatorFixture';

describe('Fault modes of the simulator map to typed errors', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 5, sessionCount: 150, vbrSessionCount: 600, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    sim.clearFaults();
    await clients.disposeAll();
  });

  /** A connected client, so that faults hit the data requests rather than the logon. */
  async function connected(kind: 'em' | 'vb365' | 'vbr', http = {}) {
    const client = clients.create(kind, { http });
    await client.connect();
    return client;
  }

  for (const kind of ['em', 'vb365', 'vbr'] as const) {
    it(`${kind}: a 500 with an error body → serverError with the server's message`, async () => {
      const client = await connected(kind);
      sim.setFaults({ errorRate: 1 });
      const error = await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'serverError');
      assert.strictEqual(error.status, 500);
      assert.ok(error.veeamMessage, 'the Veeam message is kept');
      assert.ok(error.message.includes(error.veeamMessage));
    });

    it(`${kind}: resets on every attempt → unreachable after the retries; GET only`, async () => {
      const client = await connected(kind, { retries: 2 });
      sim.setFaults({ resetRate: 1 });
      sim.resetRequestCount();
      const error = await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'unreachable');
      assert.match(error.message, /reset/);
      assert.strictEqual(sim.requestCount({ api: kind }), 3);
    });

    it(`${kind}: occasional resets and proxy 502 pages are retried to success`, async function () {
      // Retries back off: a long streak of failures takes seconds (only a hang should fail this test).
      this.timeout(120_000);
      // Half the answers fail: 10 retries leave about one chance in 2,000 that a request fails 11 times in a row.
      const client = await connected(kind, { retries: 10 });
      sim.setFaults({ resetRate: 0.25, html502Rate: 0.25 });
      sim.resetRequestCount();
      for (let i = 1; i <= 6; i++) {
        const page = await client.listSessions({ page: i, pageSize: 10 });
        assert.strictEqual(page.sessions.length, 10);
      }
      assert.ok(sim.requestCount({ api: kind }) > 6, 'no fault was injected, so nothing was retried');
    });

    it(`${kind}: an HTML 502 on every attempt → serverError 502`, async () => {
      const client = await connected(kind, { retries: 1 });
      sim.setFaults({ html502Rate: 1 });
      const error = await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'serverError');
      assert.strictEqual(error.status, 502);
      assert.match(error.message, /HTML/);
    });

    it(`${kind}: an HTML page with 200, and malformed bodies → malformedResponse`, async () => {
      const client = await connected(kind);
      sim.setFaults({ htmlOk200Rate: 1 });
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'malformedResponse');
      sim.setFaults({ htmlOk200Rate: 0, malformedRate: 1 });
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'malformedResponse');
    });

    it(`${kind}: a body cut off mid-way → unreachable (retried, never parsed)`, async () => {
      const client = await connected(kind, { retries: 1 });
      sim.setFaults({ truncateRate: 1 });
      sim.resetRequestCount();
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 50 }), 'unreachable');
      assert.strictEqual(sim.requestCount({ api: kind }), 2);
    });

    it(`${kind}: latency beyond the headers timeout → timeout`, async () => {
      const client = await connected(kind, { headersTimeoutMs: 200 });
      sim.setFaults({ latencyMs: 1500 });
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'timeout');
    });

    it(`${kind}: an aborted signal → cancelled, before or during the request`, async () => {
      const client = await connected(kind);
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 5, signal: AbortSignal.abort() }), 'cancelled');
      sim.setFaults({ latencyMs: 5000 });
      const controller = new AbortController();
      const pending = client.listSessions({ page: 1, pageSize: 5, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await expectVeeamError(pending, 'cancelled');
    });

    it(`${kind}: dispose while a request waits for its answer, or pauses before a retry → cancelled, at once`, async () => {
      const waiting = await connected(kind);
      sim.setFaults({ latencyMs: 10_000 });
      const pending = expectVeeamError(waiting.listSessions({ page: 1, pageSize: 5 }), 'cancelled');
      await new Promise((r) => setTimeout(r, 100));
      const disposed = Date.now();
      await waiting.dispose();
      await pending;
      // Bounds a hang (the latency is 10 s), not the speed.
      assert.ok(Date.now() - disposed < 5_000, 'the request outlived the client');

      sim.clearFaults();
      const retrying = await connected(kind, { retries: 5 });
      sim.setFaults({ html502Rate: 1 });
      sim.resetRequestCount();
      const retried = expectVeeamError(retrying.listSessions({ page: 1, pageSize: 5 }), 'cancelled');
      // Back-off after each 502: 250, 500, 1000, then 2000 ms. Dispose once the fourth pause has begun.
      while (sim.requestCount({ api: kind }) < 4) await new Promise((r) => setTimeout(r, 20));
      const pausing = Date.now();
      await retrying.dispose();
      await retried;
      assert.ok(Date.now() - pausing < 1_500, 'the retry pause outlived the client');
      assert.strictEqual(sim.requestCount({ api: kind }), 4, 'a disposed client tried again');
    });

    it(`${kind}: a response above maxResponseBytes → tooLarge`, async () => {
      const client = await connected(kind, { maxResponseBytes: 20_000 });
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 100 }), 'tooLarge');
    });

    it(`${kind}: a server that is down → unreachable, and usable again once it is back`, async () => {
      const client = await connected(kind, { retries: 0 });
      const back = sim.goDown(1500);
      // Wait (for state, not speed) until the listeners are closed.
      await new Promise((r) => setTimeout(r, 300));
      await expectVeeamError(client.listSessions({ page: 1, pageSize: 5 }), 'unreachable');
      await back;
      assert.strictEqual((await client.listSessions({ page: 1, pageSize: 5 })).sessions.length, 5);
    });
  }

  it('vb365: a throttled token endpoint → serverError with Retry-After, never retried (POST)', async () => {
    sim.setFaults({ throttleTokens: true });
    sim.resetRequestCount();
    const error = await expectVeeamError(clients.create('vb365').connect(), 'serverError');
    assert.strictEqual(error.status, 429);
    assert.strictEqual(error.retryAfterSeconds, 1);
    assert.strictEqual(sim.requestCount({ api: 'vb365', method: 'POST' }), 1);
  });

  it('dispose closes every connection: no sockets stay open', async () => {
    const count = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TLSWrap' || r === 'TCPSocketWrap').length;
    const baseline = count();
    const em = clients.create('em');
    const vb = clients.create('vb365');
    await Promise.all([em.listSessions({ page: 1, pageSize: 5 }), vb.listSessions({ page: 1, pageSize: 5 }), em.listSessions({ page: 2, pageSize: 5 })]);
    assert.ok(count() > baseline);
    await em.dispose();
    await vb.dispose();
    // The server side notices the close asynchronously: wait for it (bounded), then compare.
    for (let i = 0; i < 100 && count() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual(count(), baseline);
    await expectVeeamError(em.listSessions({ page: 1, pageSize: 1 }), 'cancelled');
  });
});
