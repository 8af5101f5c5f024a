import type { RestoreSessionSummary, ServerKind } from '../../src/core/model/restoreSession';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import type { SessionRef } from '../../src/vscode/sessionRef';
import { serverConfig } from '../protocol/simulatorFixture';
import type { BenchResult } from './benchResult';
import { benchClient, startBenchSimulator, type RunningSimulator } from './benchSimulator';
import { activateExtensionForBench } from './extensionUnderBench';

const KINDS: ServerKind[] = ['em', 'em', 'vb365'];
const WATCHED = 100;
/** One simulated minute at the 5 s default interval = 12 ticks; run here at the 1 s minimum the settings allow. */
const TICKS = 12;
const TICK_MS = 1000;
/** Running sessions move on every 4 s, so some change between ticks and some do not. */
const PROGRESS_STEP_MS = 4000;

interface Server {
  sim: RunningSimulator;
  config: ServerConfig;
  watched: string[];
}

/** Counts observations that differ from the previous one of the same session (state or progress moved). */
class ChangeCounter {
  private readonly last = new Map<string, string>();
  changes = 0;
  observe(serverId: string, session: RestoreSessionSummary): void {
    const key = `${serverId}/${session.id}`;
    const value = `${session.rawState}/${session.progress ?? ''}/${session.rawResult}`;
    const previous = this.last.get(key);
    if (previous !== undefined && previous !== value) this.changes++;
    this.last.set(key, value);
  }
}

/**
 * Case 5: three servers, 100 watched running sessions, 12 ticks. Requests counted at the simulators for a naive
 * poller (every tick, GET each watched session) and for the extension's monitor, tree expanded and collapsed.
 */
export async function benchPollingCost(): Promise<BenchResult[]> {
  const servers: Server[] = [];
  try {
    for (const [i, kind] of KINDS.entries()) {
      const sim = await startBenchSimulator({ sessionCount: 300, vb365SessionCount: 150, runningCount: 0, progressStepMs: PROGRESS_STEP_MS });
      const count = Math.floor(WATCHED / KINDS.length) + (i < WATCHED % KINDS.length ? 1 : 0);
      const watched = Array.from({ length: count }, () => sim.addRunningSession(kind === 'em' ? 'em' : 'vb365'));
      servers.push({ sim, config: { ...serverConfig(sim, kind), id: `bench-poll-${i}`, name: `poll ${i}` }, watched });
    }
    const naive = await runNaive(servers);
    const expanded = await runMonitor(servers, true);
    const collapsed = await runMonitor(servers, false);
    const perTick = (requests: number): number => requests / servers.length / TICKS;
    const row = (metric: string, run: { requests: number; changes: number }): BenchResult => {
      const budget = servers.length * TICKS + run.changes;
      return {
        case: '5 polling',
        metric,
        value: perTick(run.requests),
        unit: 'req/server/tick',
        baseline: { label: 'naive GET per session', value: perTick(naive.requests) },
        ratio: run.requests / naive.requests,
        target: { description: '≤ 1 list/server/tick + 1 per changed session', met: run.requests <= budget },
        note: `${run.requests} requests in ${TICKS} ticks × ${servers.length} servers; ${run.changes} session changes seen → budget ${budget}; naive ${naive.requests} requests (${naive.changes} changes)`,
      };
    };
    return [row('monitor, tree expanded', expanded), row('monitor, tree collapsed (panels only)', collapsed)];
  } finally {
    await Promise.all(servers.map((s) => s.sim.stop()));
  }
}

async function runNaive(servers: Server[]): Promise<{ requests: number; changes: number }> {
  const clients = servers.map((s) => benchClient(s.sim, s.config.kind).client);
  const counter = new ChangeCounter();
  try {
    await Promise.all(clients.map((c) => c.connect()));
    servers.forEach((s) => s.sim.resetRequestCount());
    for (let tick = 0; tick < TICKS; tick++) {
      const started = Date.now();
      await Promise.all(
        servers.map(async (server, i) => {
          for (const id of server.watched) counter.observe(server.config.id, await clients[i].getSession(id));
        }),
      );
      await sleep(Math.max(0, TICK_MS - (Date.now() - started)));
    }
    return { requests: total(servers), changes: counter.changes };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

async function runMonitor(servers: Server[], expandTree: boolean): Promise<{ requests: number; changes: number }> {
  const ext = await activateExtensionForBench(servers.map((s) => ({ config: s.config, password: (s.config.kind === 'em' ? s.sim.credentials.em : s.sim.credentials.vb365).password })));
  const counter = new ChangeCounter();
  const subscription = ext.api.monitor.onDidUpdateSession((u) => counter.observe(u.serverId, u.session));
  try {
    if (expandTree) for (const s of servers) await ext.expand(s.config.id);
    const watches = servers.flatMap((s) => s.watched.map((sessionId) => ext.api.monitor.watch({ serverId: s.config.id, sessionId } satisfies SessionRef)));
    servers.forEach((s) => s.sim.resetRequestCount());
    await sleep(TICKS * TICK_MS);
    const requests = total(servers);
    watches.forEach((w) => w.dispose());
    return { requests, changes: counter.changes };
  } finally {
    subscription.dispose();
    ext.dispose();
  }
}

function total(servers: Server[]): number {
  return servers.reduce((sum, s) => sum + s.sim.requestCount(), 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
