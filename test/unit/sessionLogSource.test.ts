import * as assert from 'assert';
import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import { isVeeamError } from '../../src/core/errors';
import type { RestoreSessionSummary, ServerKind } from '../../src/core/model/restoreSession';
import { SessionLogSource } from '../../src/vscode/logs/sessionLogSource';
import { createVscodeStandIn } from '../bench/vscodeStandIn';
import { ClientFactory, startSimulator, type Simulator } from '../protocol/simulatorFixture';

type Update = { serverId: string; session: RestoreSessionSummary };

/**
 * The shared session log (panel, log document, Export Log) over real HTTPS to the simulator, with the `vscode`
 * stand-in's EventEmitter as the monitor: a `tick` is one monitor update of the session. Requests are counted at the
 * simulator.
 */
describe('session log source: one log request per followed session per monitor update', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  const disposables: Array<{ dispose(): unknown }> = [];

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 5, vb365SessionCount: 5, sessionCount: 5, vbrSessionCount: 20, runningCount: 0, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await clients.disposeAll();
    await sim.stop();
  });
  afterEach(() => {
    for (const d of disposables.splice(0)) d.dispose();
  });

  const logPath: Record<'vb365' | 'vbr', string> = { vb365: '/Events', vbr: '/logs' };

  function setUp(kind: 'vb365' | 'vbr'): { source: SessionLogSource; ref: { serverId: string; sessionId: string }; tick(): void; requests(): number } {
    const vscode = createVscodeStandIn().module as unknown as typeof import('vscode');
    const updates = new vscode.EventEmitter<Update>();
    const client: RestoreSessionClient = clients.create(kind as ServerKind);
    const source = new SessionLogSource({ getClient: async () => client }, { onDidUpdateSession: updates.event });
    disposables.push(source, updates);
    const sessionId = sim.addRunningSession(kind);
    const ref = { serverId: `test-${kind}`, sessionId };
    sim.resetRequestCount();
    return {
      source,
      ref,
      tick: () => updates.fire({ serverId: ref.serverId, session: { id: sessionId } as RestoreSessionSummary }),
      requests: () => sim.requestCount({ api: kind, pathIncludes: logPath[kind] }),
    };
  }

  for (const kind of ['vb365', 'vbr'] as const) {
    it(`${kind}: a panel and a log document reading the same update cost one request; without an update, none`, async () => {
      const { source, ref, tick, requests } = setUp(kind);
      const panel = source.hold(ref);
      const doc = source.hold(ref);
      disposables.push(panel, doc);
      const [a, b] = await Promise.all([source.read(ref), source.read(ref)]);
      assert.strictEqual(a, b);
      assert.strictEqual(requests(), 1);
      assert.strictEqual(await source.read(ref), a, 'the same update again: from the cache');
      assert.strictEqual(requests(), 1);
      for (let n = 2; n <= 4; n++) {
        if (kind === 'vb365') sim.microsoft365Events(ref.sessionId)?.append(3, 'Success');
        tick();
        const [c, d] = await Promise.all([source.read(ref), source.read(ref)]);
        assert.strictEqual(c, d);
        assert.strictEqual(requests(), n, `tick ${n}`);
      }
      if (kind === 'vb365') {
        assert.strictEqual((await source.read(ref)).length, 10, 'the grown log');
        // Each update re-read one page from the last known record (the first read: the whole one-record log).
        const page = (offset: number): string => `GET /v8/RestoreSessions/${ref.sessionId}/Events?offset=${offset}&limit=500`;
        assert.deepStrictEqual(sim.requestCounter().targetCounts('vb365', '/Events'), { [page(0)]: 2, [page(3)]: 1, [page(6)]: 1 });
      }
    });
  }

  it('a read for a newer update while an older one is in flight waits for it, then reads once for all newer readers', async () => {
    const { source, ref, tick, requests } = setUp('vb365');
    disposables.push(source.hold(ref));
    const older = source.read(ref);
    sim.microsoft365Events(ref.sessionId)?.append(2, 'Success');
    tick();
    const [b, c] = await Promise.all([source.read(ref), source.read(ref)]);
    assert.strictEqual(b, c);
    assert.strictEqual(requests(), 2);
    assert.strictEqual(b.length, 3);
    assert.ok((await older).length >= 1);
  });

  it('a fresh read (Refresh, Export Log) is never answered from before it', async () => {
    const { source, ref, requests } = setUp('vb365');
    disposables.push(source.hold(ref));
    await source.read(ref);
    sim.microsoft365Events(ref.sessionId)?.append(1, 'Success');
    const fresh = await source.read(ref, { fresh: true });
    assert.strictEqual(fresh.length, 2);
    assert.strictEqual(requests(), 2);
  });

  it('a reader that stops waiting does not cancel the request the others wait for', async () => {
    const { source, ref, requests } = setUp('vb365');
    disposables.push(source.hold(ref));
    const stop = new AbortController();
    const leaving = source.read(ref, { signal: stop.signal });
    const staying = source.read(ref);
    stop.abort();
    await assert.rejects(leaving, (e: unknown) => isVeeamError(e) && e.code === 'cancelled');
    assert.strictEqual((await staying).length, 1);
    assert.strictEqual(requests(), 1);
  });

  it('forgets a session nobody holds: the next reader reads it again', async () => {
    const { source, ref, requests } = setUp('vb365');
    const hold = source.hold(ref);
    await source.read(ref);
    await source.read(ref);
    assert.strictEqual(requests(), 1);
    hold.dispose();
    await source.read(ref);
    assert.strictEqual(requests(), 2, 'nothing kept after the last reader let go');
  });
});
