import * as assert from 'assert';
import type { RestoreSessionClient } from '../../src/core/clients/restoreSessionClient';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import type * as CompletionNotifierModule from '../../src/vscode/monitor/completionNotifier';
import type * as SessionMonitorModule from '../../src/vscode/monitor/sessionMonitor';
import type * as SessionListStoreModule from '../../src/vscode/sessions/sessionListStore';
import { createVscodeStandIn, installVscodeStandIn } from '../bench/vscodeStandIn';
import { oneServerRegistry } from './oneServerRegistry';
import { ClientFactory, serverConfig, startSimulator, type Simulator } from '../protocol/simulatorFixture';

const RUNNING_MS = 100;

/**
 * The real SessionMonitor, SessionListStore and CompletionNotifier (with the benchmarks' `vscode` stand-in) watching a
 * session over HTTPS while the simulator reports it in a state the client does not know.
 */
describe('monitor: a session in an unknown state (real HTTPS to the simulator)', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);
  const disposables: Array<{ dispose(): unknown }> = [];

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 20, runningCount: 0, progressStepMs: 3_600_000 });
  });
  after(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    await clients.disposeAll();
    await sim.stop();
  });

  it('keeps polling it with a doubling interval, and notifies its completion when it reaches Stopped', async function () {
    this.timeout(30_000);
    const standIn = createVscodeStandIn();
    installVscodeStandIn(standIn);
    // Notifications resolve to "dismissed" here.
    (standIn.module.window as Record<string, unknown>).showInformationMessage = async () => undefined;
    (standIn.module.window as Record<string, unknown>).showWarningMessage = async () => undefined;
    (standIn.module.window as Record<string, unknown>).showErrorMessage = async () => undefined;
    const vscode = standIn.module as unknown as typeof import('vscode');
    // Loaded after the stand-in is installed: these modules import `vscode`.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { SessionMonitor } = require('../../src/vscode/monitor/sessionMonitor') as typeof SessionMonitorModule;
    const { SessionListStore } = require('../../src/vscode/sessions/sessionListStore') as typeof SessionListStoreModule;
    const { CompletionNotifier } = require('../../src/vscode/monitor/completionNotifier') as typeof CompletionNotifierModule;
    /* eslint-enable @typescript-eslint/no-require-imports */

    const server = serverConfig(sim, 'em');
    const client: RestoreSessionClient = clients.create('em');
    const registry = oneServerRegistry(vscode, server, client);
    const log = vscode.window.createOutputChannel('test', { log: true });
    const store = new SessionListStore(registry, log, () => 100);
    const notifier = new CompletionNotifier(() => 'opened', () => server.name);
    const monitor = new SessionMonitor({
      registry,
      store,
      log,
      intervals: () => ({ runningMs: RUNNING_MS, listMs: 30_000, unfocusedMs: 60_000, maxBackoffMs: 300_000 }),
      isTreeVisible: () => false,
      onObserved: (update) => notifier.observe(update),
      onWatched: (ref) => notifier.markOpened(ref),
    });
    disposables.push(monitor, store, notifier);

    const id = sim.addRunningSession('em');
    assert.ok(sim.overrideSession(id, { state: 'Postprocessing' }));
    const updates: Array<{ at: number; session: RestoreSessionSummary }> = [];
    let waiter: (() => void) | undefined;
    monitor.onDidUpdateSession((u) => {
      if (u.session.id !== id) return;
      updates.push({ at: Date.now(), session: u.session });
      waiter?.();
    });
    const notified: RestoreSessionSummary[] = [];
    const completion = new Promise<void>((resolve) =>
      notifier.onDidNotify((u) => {
        notified.push(u.session);
        resolve();
      }),
    );
    const updateCount = (n: number): Promise<void> =>
      new Promise((resolve) => {
        waiter = () => {
          if (updates.length >= n) resolve();
        };
        waiter();
      });

    sim.resetRequestCount();
    disposables.push(monitor.watch({ serverId: server.id, sessionId: id }));
    await updateCount(5);
    for (const u of updates) {
      assert.strictEqual(u.session.state, 'unknown');
      assert.strictEqual(u.session.rawState, 'Postprocessing');
      assert.strictEqual(u.session.result, 'unknown');
    }
    // Each poll waits at least twice as long as the one before (the timer never fires early).
    const gaps = updates.slice(1, 5).map((u, i) => u.at - updates[i].at);
    gaps.forEach((gap, i) => assert.ok(gap >= RUNNING_MS * 2 ** i - 5, `gap ${i + 1}: ${gap} ms (gaps ${gaps.join(', ')})`));
    assert.ok(sim.requestCount({ api: 'em', pathIncludes: `/api/restoreSessions/${id}` }) >= 5);
    assert.strictEqual(notified.length, 0, 'an unknown state is not a completion');

    assert.ok(sim.overrideSession(id, { state: 'Stopped' }));
    await completion;
    assert.strictEqual(notified.length, 1);
    assert.strictEqual(notified[0].state, 'finished');
    assert.ok(['success', 'warning', 'failed'].includes(notified[0].result), notified[0].result);
  });
});
