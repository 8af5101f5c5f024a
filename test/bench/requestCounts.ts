import type { ServerKind } from '../../src/core/model/restoreSession';
import type { BenchResult } from './benchResult';
import { benchClient, startBenchSimulator, type RunningSimulator } from './benchSimulator';
import { activateExtensionForBench } from './extensionUnderBench';
import { serverConfig } from '../protocol/simulatorFixture';

const KINDS: readonly ServerKind[] = ['em', 'vb365', 'vbr'];
/** Five servers, every kind, each on a simulator of its own so the simulator's counts are per server. */
const TREE_KINDS: readonly ServerKind[] = ['em', 'em', 'vb365', 'vbr', 'vbr'];
const TICKS = 6;
const PANELS_PER_SERVER = 3;
const WATCHERS_PER_SESSION = 2;

/** The route of each kind's restore session list, as the simulator counts it (path without query). */
const LIST_ROUTE: Record<ServerKind, string> = { em: 'em GET /api/query', vb365: 'vb365 GET /v8/RestoreSessions', vbr: 'vbr GET /api/v1/sessions' };
/** Sign-in routes: EM logon, Microsoft 365 and Backup & Replication token requests. */

function total(byRoute: Record<string, number>): number {
  return Object.values(byRoute).reduce((a, b) => a + b, 0);
}

function describe(byRoute: Record<string, number>): string {
  return Object.entries(byRoute)
    .map(([route, n]) => `${n} × ${route.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}')}`)
    .join(', ');
}

function countRow(metric: string, byRoute: Record<string, number>, expected: number, expectation: string): BenchResult {
  const counted = total(byRoute);
  return {
    case: '9 requests',
    metric,
    value: counted,
    unit: 'requests',
    target: { description: `exactly ${expected} (${expectation})`, met: counted === expected },
    note: `counted by the simulator: ${describe(byRoute) || 'none'}`,
  };
}

/**
 * Case 9: request counts, counted by the simulator per route (not by our code): lookups warm, cold and with an
 * expired token, per kind; then the tree's refresh of five expanded servers, with and without panels and watchers.
 */
export async function benchRequestCounts(): Promise<BenchResult[]> {
  return [...(await lookupCounts()), ...(await treeRefreshCounts())];
}

async function lookupCounts(): Promise<BenchResult[]> {
  const sim = await startBenchSimulator({ sessionCount: 50, vb365SessionCount: 50, vbrSessionCount: 200, runningCount: 0 });
  const rows: BenchResult[] = [];
  try {
    for (const kind of KINDS) {
      const { client } = benchClient(sim, kind);
      try {
        const id = await someSessionId(sim, kind);
        const counted = async (action: () => Promise<unknown>): Promise<Record<string, number>> => {
          sim.resetRequestCount();
          await action();
          return filterApi(sim.requestsByRoute(), kind);
        };
        rows.push(countRow(`${kind} lookup, cold (no token)`, await counted(() => client.getSession(id)), 2, 'sign-in + 1'));
        rows.push(countRow(`${kind} lookup, warm`, await counted(() => client.getSession(id)), 1, '1'));
        // The everyday case: the access token ran out, the refresh token is good (EM has only the logon session).
        sim.expireAccessTokens();
        rows.push(countRow(`${kind} lookup, token expired on the server`, await counted(() => client.getSession(id)), 3, '1 refused + sign-in + 1 retry'));
        if (kind !== 'em') {
          // Revoked or restarted: the refresh grant is refused too, and only then can the password grant follow.
          sim.expireAllTokens();
          rows.push(countRow(`${kind} lookup, access and refresh token revoked`, await counted(() => client.getSession(id)), 4, '1 refused + refused refresh + password grant + 1 retry'));
        }
      } finally {
        await client.dispose();
      }
    }
  } finally {
    await sim.stop();
  }
  return rows;
}

async function someSessionId(sim: RunningSimulator, kind: ServerKind): Promise<string> {
  const { client } = benchClient(sim, kind);
  try {
    return (await client.listSessions({ page: 1, pageSize: 1 })).sessions[0].id;
  } finally {
    await client.dispose();
  }
}

function filterApi(byRoute: Record<string, number>, kind: ServerKind): Record<string, number> {
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => route.startsWith(`${kind} `)));
}

interface TreeServer {
  sim: RunningSimulator;
  kind: ServerKind;
  id: string;
  running: string;
}

/**
 * Five expanded servers, each with a session running (so every tick polls every list, at the 1 s running interval).
 * Polls are counted as the monitor starts them (one list per due server) and requests as the simulator receives
 * them; the figure is list requests per server and tick, with no panel, then with panels and duplicate watchers
 * on the running session and others of the first page.
 */
async function treeRefreshCounts(): Promise<BenchResult[]> {
  const servers: TreeServer[] = [];
  try {
    for (const [i, kind] of TREE_KINDS.entries()) {
      const sim = await startBenchSimulator({ sessionCount: 200, vb365SessionCount: 200, vbrSessionCount: 400, runningCount: 0, progressStepMs: 3_600_000 });
      servers.push({ sim, kind, id: `bench-requests-${i}`, running: sim.addRunningSession(kind, { durationSeconds: 3600 }) });
    }
    const plain = await countTicks(servers, false);
    const busy = await countTicks(servers, true);
    return [plain, busy].map(({ lists, ticks, singles, label, others }) => ({
      case: '9 requests',
      metric: `tree refresh, ${servers.length} expanded servers, ${label}`,
      value: (lists + singles) / ticks,
      unit: 'req/server/tick',
      target: { description: 'exactly 1 list request per server and tick, nothing else', met: lists === ticks && singles === 0 },
      note: `the monitor polled ${ticks} server lists (${TICKS}+ ticks × ${servers.length} servers); the simulators counted ${lists} list requests and ${singles} other requests${singles ? ` (${describe(others)})` : ''}`,
    }));
  } finally {
    await Promise.all(servers.map((s) => s.sim.stop()));
  }
}

/** Counts the monitor's polls as it starts them (a list poll per due server and tick) and which are under way. */
function countPolls(monitor: object): { lists: Map<string, number>; inFlight(): number; reset(): void } {
  const target = monitor as { poll(plan: { serverId: string; list: boolean }): Promise<void> };
  const original = target.poll.bind(monitor);
  const lists = new Map<string, number>();
  let running = 0;
  target.poll = (plan) => {
    if (plan.list) lists.set(plan.serverId, (lists.get(plan.serverId) ?? 0) + 1);
    running++;
    return original(plan).finally(() => running--);
  };
  return { lists, inFlight: () => running, reset: () => lists.clear() };
}

async function countTicks(servers: readonly TreeServer[], withPanels: boolean): Promise<{ lists: number; ticks: number; singles: number; label: string; others: Record<string, number> }> {
  const ext = await activateExtensionForBench(servers.map((s) => ({ config: { ...serverConfig(s.sim, s.kind), id: s.id, name: s.id }, password: s.sim.credentials[s.kind].password })));
  const polls = countPolls(ext.api.monitor);
  const watches: Array<{ dispose(): unknown }> = [];
  let label = 'no panels or watchers';
  try {
    for (const s of servers) await ext.expand(s.id);
    if (withPanels) {
      let panels = 0;
      for (const s of servers) {
        const page = ext.api.store.firstPage(s.id).map((x) => x.id);
        const shown = [s.running, ...page.filter((id) => id !== s.running).slice(0, PANELS_PER_SERVER - 1)];
        for (const sessionId of shown) {
          for (let w = 0; w < WATCHERS_PER_SESSION; w++) watches.push(ext.api.monitor.watch({ serverId: s.id, sessionId }));
          await ext.api.panels.open({ serverId: s.id, sessionId });
          panels++;
        }
      }
      label = `${panels} panels open and ${watches.length} more watchers on sessions of the first pages`;
    }
    // Opening a panel loads its session (and events, task sessions, restore point) in the background: wait until a
    // full round of polls passes with no request besides the lists, then take a clean slate while no poll is under
    // way, so every request counted belongs to a poll counted.
    const nonList = (): number => servers.reduce((sum, s) => sum + total(filterApi(s.sim.requestsByRoute(), s.kind)) - (s.sim.requestsByRoute()[LIST_ROUTE[s.kind]] ?? 0), 0);
    for (let previous = -1; ; ) {
      const round = new Map(servers.map((s) => [s.id, polls.lists.get(s.id) ?? 0]));
      await until(() => servers.every((s) => (polls.lists.get(s.id) ?? 0) > (round.get(s.id) ?? 0)));
      await until(() => polls.inFlight() === 0);
      const now = nonList();
      if (now === previous) break;
      previous = now;
    }
    servers.forEach((s) => s.sim.resetRequestCount());
    polls.reset();
    await until(() => servers.every((s) => (polls.lists.get(s.id) ?? 0) >= TICKS));
    // Stops the timer: no poll starts after this; those under way finish and are counted on both sides.
    ext.dispose();
    await until(() => polls.inFlight() === 0);
    let lists = 0;
    let singles = 0;
    let ticks = 0;
    const others: Record<string, number> = {};
    for (const s of servers) {
      const byRoute = filterApi(s.sim.requestsByRoute(), s.kind);
      lists += byRoute[LIST_ROUTE[s.kind]] ?? 0;
      singles += total(byRoute) - (byRoute[LIST_ROUTE[s.kind]] ?? 0);
      for (const [route, n] of Object.entries(byRoute)) {
        const key = route.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}');
        if (route !== LIST_ROUTE[s.kind]) others[key] = (others[key] ?? 0) + n;
      }
      ticks += polls.lists.get(s.id) ?? 0;
    }
    return { lists, ticks, singles, label, others };
  } finally {
    watches.forEach((w) => w.dispose());
    ext.dispose();
  }
}

/** Waits for a state of the run (never for a time): checked every 20 ms. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
