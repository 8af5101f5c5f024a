import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSession, SessionResult } from '../../src/core/model/restoreSession';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { mergeReliabilityRow } from '../hardening/extension/reliabilityRows';
import { startSimulator, type FaultSettings, type RunningSimulator } from '../simulator/simulator';
import { activeResourceCounts, grownResources } from './activeResources';
import { rememberIssuedSecrets } from './issuedSecretsSeen';
import { addSimulatorServer, eventually, extensionApi, removeServer } from './veeamApi';

/**
 * Part 2 of the hardening issue: the real SessionMonitor in the real extension host polls three servers (two
 * simulators started here, in this process, so their sockets and timers are visible to the leak check) while the
 * faults change over time: latency, connection resets, 5xx, every token expired, a server restart. Quick form in
 * every `npm test` (~20 s of faults); RELIABILITY=full runs two minutes.
 */

const FULL = process.env.RELIABILITY === 'full';
const PHASE_MS = FULL ? 10_000 : 3_000;
const CYCLES = FULL ? 2 : 1;
const RUNNING_INTERVAL_S = 1;
/** The HTTP layer's GET retries (src/core/http/httpOptions.ts default) on top of each poll. */
const HTTP_ATTEMPTS_PER_REQUEST = 1 + 3;
/** Sign-in requests a poll may need after its token died: EM logon (+ session check), VB365 token (+ refresh). */
const AUTH_REQUESTS_PER_POLL = 3;
const FINAL_RESULTS = ['Success', 'Warning', 'Failed'] as const;
const EXPECTED_RESULT: Record<(typeof FINAL_RESULTS)[number], SessionResult> = { Success: 'success', Warning: 'warning', Failed: 'failed' };
const LEAK_TYPES = ['Timeout', 'TCPSocketWrap', 'TLSWrap', 'TCPServerWrap'] as const;

interface SoakServer {
  id: string;
  sim: RunningSimulator;
  api: 'em' | 'vb365';
}

interface Tracked {
  server: SoakServer;
  expected: SessionResult;
  sawRunning: boolean;
  final?: Pick<RestoreSession, 'state' | 'result'>;
  notifications: number;
}

interface Phase {
  name: string;
  faults: Partial<FaultSettings>;
  /** Runs at the start of the phase (token expiry, restart). */
  event?: (sims: RunningSimulator[]) => Promise<unknown> | void;
  createSessions: boolean;
}

const PHASES: Phase[] = [
  { name: 'latency', faults: { latencyMs: 400 }, createSessions: true },
  { name: 'resets', faults: { resetRate: 0.3 }, createSessions: false },
  { name: '5xx', faults: { errorRate: 0.4 }, createSessions: true },
  { name: 'token expiry', faults: {}, event: (sims) => sims.forEach((s) => s.expireAllTokens()), createSessions: false },
  // The first simulator's listeners close and come back on the same ports: a server restart.
  { name: 'restart', faults: {}, event: (sims) => void sims[0].goDown(PHASE_MS * 0.7), createSessions: true },
  { name: 'calm', faults: {}, createSessions: true },
];

function sessionKey(serverId: string, sessionId: string): string {
  return `${serverId}/${sessionId}`;
}

/** The simulator answers with the id as its API spells it; the model's id is the lower-case GUID. */
function modelId(simulatorId: string): string {
  return simulatorId.toLowerCase().replace(/^.*:/, '');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

suite('soak: the monitor under faults over time', () => {
  test('three servers through latency, resets, 5xx, token expiry and a restart: every result seen once, within budget, nothing leaked', async function () {
    this.timeout(FULL ? 600_000 : 240_000);
    const api: VeeamRestoreSessionsApi = await extensionApi();
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    await config.update('polling.runningIntervalSeconds', RUNNING_INTERVAL_S, vscode.ConfigurationTarget.Global);
    await config.update('polling.unfocusedIntervalSeconds', 5, vscode.ConfigurationTarget.Global);
    await config.update('notifications.onCompletion', 'opened', vscode.ConfigurationTarget.Global);

    const resourcesBefore = activeResourceCounts();
    // Small data, quick sessions (50–100 ticks of 150 ms ≈ 8–15 s), one session running from the start per API.
    const simOptions = { emPort: 0, vb365Port: 0, sessionCount: 30, vb365SessionCount: 20, runningCount: 1, progressStepMs: 150 };
    const sims = [await startSimulator({ ...simOptions, seed: 31 }), await startSimulator({ ...simOptions, seed: 32 })];
    const servers: SoakServer[] = [];
    const watches: vscode.Disposable[] = [];
    const tracked = new Map<string, Tracked>();
    const subscriptions: vscode.Disposable[] = [];
    const strayNotifications: string[] = [];
    try {
      for (const [sim, kind, name] of [
        [sims[0], 'em', 'Soak A · EM'],
        [sims[0], 'vb365', 'Soak A · M365'],
        [sims[1], 'em', 'Soak B · EM'],
      ] as const) {
        const id = await addSimulatorServer(sim, kind, name);
        servers.push({ id, sim, api: kind });
        // As if the user expanded the server in the tree: its list is loaded and its running sessions polled.
        await api.store.refresh(id);
      }
      const ownServer = new Set(servers.map((s) => s.id));
      subscriptions.push(
        api.monitor.onDidUpdateSession(({ serverId, session }) => {
          const t = tracked.get(sessionKey(serverId, session.id));
          if (!t || t.final) return;
          if (session.state === 'running' || session.state === 'stopping') t.sawRunning = true;
          if (session.state === 'finished') t.final = session;
        }),
        api.notifier.onDidNotify(({ serverId, session }) => {
          if (!ownServer.has(serverId)) return;
          const t = tracked.get(sessionKey(serverId, session.id));
          if (t) t.notifications += 1;
          else strayNotifications.push(session.name);
        }),
      );
      for (const s of sims) s.resetRequestCount();
      const started = Date.now();

      let created = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        for (const phase of PHASES) {
          for (const s of sims) {
            s.clearFaults();
            s.setFaults(phase.faults);
          }
          await phase.event?.(sims);
          if (phase.createSessions) {
            for (const server of servers) {
              const finalResult = FINAL_RESULTS[created++ % FINAL_RESULTS.length];
              const sessionId = modelId(server.sim.addRunningSession(server.api, { name: `Soak ${phase.name} ${created}`, finalResult }));
              tracked.set(sessionKey(server.id, sessionId), { server, expected: EXPECTED_RESULT[finalResult], sawRunning: false, notifications: 0 });
              // A panel watches what the user opened; the soak opens every session it starts.
              watches.push(api.monitor.watch({ serverId: server.id, sessionId }));
            }
          }
          await delay(PHASE_MS);
        }
      }
      for (const s of sims) s.clearFaults();

      // Recovery without any user action: every server leaves its error state, every session's end is seen.
      for (const server of servers) {
        await eventually(`${api.registry.get(server.id)?.name} to recover`, () => (api.store.status(server.id).kind !== 'error' ? true : undefined), 120_000);
      }
      await eventually(
        'the final result of every session the soak started',
        () => ([...tracked.values()].every((t) => t.final) ? true : undefined),
        180_000,
      );
      const elapsedMs = Date.now() - started;
      for (const [key, t] of tracked) {
        assert.strictEqual(t.final?.result, t.expected, `${key}: final result`);
      }
      // A notification exactly for the sessions seen running before they finished, and never two.
      await delay(500);
      for (const [key, t] of tracked) {
        assert.strictEqual(t.notifications, t.sawRunning ? 1 : 0, `${key}: ${t.notifications} notifications (seen running: ${t.sawRunning})`);
      }
      // The sessions running from the start were never opened: the "opened" setting keeps them quiet.
      assert.deepStrictEqual(strayNotifications, [], 'notifications for sessions nobody opened');
      const notified = [...tracked.values()].filter((t) => t.notifications === 1).length;
      assert.ok(notified >= tracked.size / 2, `only ${notified} of ${tracked.size} sessions were seen running and notified`);

      // Backoff budget: per server at most one poll per running interval, each at most a list, one fetch per
      // watched session and a re-sign-in, each of them retried by the HTTP layer. A retry storm breaks it.
      const requests = servers.map((s) => s.sim.requestCount({ api: s.api }));
      for (const [i, server] of servers.entries()) {
        const watched = [...tracked.values()].filter((t) => t.server === server).length;
        const polls = Math.ceil(elapsedMs / (RUNNING_INTERVAL_S * 1000)) + 1;
        const budget = polls * HTTP_ATTEMPTS_PER_REQUEST * (1 + watched + AUTH_REQUESTS_PER_POLL);
        console.log(`    soak ${api.registry.get(server.id)?.name}: ${requests[i]} requests in ${Math.round(elapsedMs / 1000)} s (budget ${budget})`);
        assert.ok(requests[i] > 0, 'the server was never polled');
        assert.ok(requests[i] <= budget, `${requests[i]} requests exceed the backoff budget of ${budget}`);
      }

      for (const w of watches.splice(0)) w.dispose();
      for (const server of servers.splice(0)) await removeServer(server.id);
      // Removing a server logs off and closes its connection pool: the simulators see no connection left.
      for (const [i, s] of sims.entries()) {
        await eventually(`simulator ${i} to see every connection closed`, () => {
          const open = s.openConnections();
          return open.em + open.vb365 === 0 ? true : undefined;
        }, 30_000);
      }
      mergeReliabilityRow({
        area: 'Monitor soak in VS Code (3 servers, faults over time)',
        inputsTried: tracked.size,
        faultsInjected: CYCLES * PHASES.length,
        requestsSent: requests.reduce((a, b) => a + b, 0),
        sessionsExpected: tracked.size,
        sessionsLost: [...tracked.values()].filter((t) => t.final?.result !== t.expected).length,
        untypedFailures: 0,
      });
    } finally {
      for (const d of [...subscriptions, ...watches]) d.dispose();
      for (const server of servers) await removeServer(server.id);
      // Their tokens must not show up anywhere either: the leak search at the end of the suite looks for them.
      for (const s of sims) rememberIssuedSecrets(s.issuedSecrets());
      await Promise.all(sims.map((s) => s.stop()));
      await config.update('polling.runningIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      await config.update('polling.unfocusedIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      await config.update('notifications.onCompletion', undefined, vscode.ConfigurationTarget.Global);
    }
    // With the servers removed and the simulators stopped, no timer or socket of theirs or ours is left.
    await eventually(
      'the timers and sockets to go back to where they were',
      () => (grownResources(resourcesBefore, activeResourceCounts(), LEAK_TYPES).length === 0 ? true : undefined),
      30_000,
    ).catch(() => assert.fail(`handles left behind: ${grownResources(resourcesBefore, activeResourceCounts(), LEAK_TYPES).join(', ')}`));
  });
});
