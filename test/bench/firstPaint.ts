import { Client } from 'undici';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { BenchResult } from './benchResult';
import { startBenchSimulator, type RunningSimulator } from './benchSimulator';
import { activateExtensionForBench, type ExtensionUnderBench } from './extensionUnderBench';
import { time, timeRounds } from './measurement';
import { overFloorRows } from './lookupOverhead';
import { captureSentRequests, type SentRequest } from './sentRequests';
import { serverConfig } from '../protocol/simulatorFixture';

/** Ours ÷ floor for a cold first paint (issue 16). */
const TARGET_OVER_FLOOR = 1.15;
const PAGE_SIZE = 100;

export const FIRST_PAINT_KINDS: ReadonlyArray<{ kind: ServerKind; label: string }> = [
  { kind: 'em', label: 'EM (JSON list)' },
  { kind: 'vb365', label: 'Microsoft 365' },
  { kind: 'vbr', label: 'Backup & Replication' },
];

/** One server per kind, registered with the extension under the fixture's ids. */
export function benchServers(sim: RunningSimulator): Array<{ config: ReturnType<typeof serverConfig>; password: string }> {
  return FIRST_PAINT_KINDS.map(({ kind }) => ({ config: serverConfig(sim, kind), password: sim.credentials[kind].password }));
}

/** Expands a server the way VS Code does after Refresh: the store forgets, the tree asks for children, then items. */
export function expandServer(ext: ExtensionUnderBench, serverId: string): () => Promise<void> {
  return async () => {
    ext.api.store.reset(serverId);
    const nodes = await ext.expand(serverId);
    if (nodes.length !== PAGE_SIZE + 1) throw new Error(`expected ${PAGE_SIZE} sessions and "load more", got ${nodes.length} nodes`);
    // What VS Code asks next for every row it renders.
    for (const node of nodes) ext.api.tree.getTreeItem(node);
  };
}

/** Sends `sent` bare on `client` and returns the body (a sign-in's status is 200 or 201). */
export async function sendBare(client: Client, sent: SentRequest): Promise<string> {
  const headers = { ...sent.headers };
  delete headers.host;
  const res = await client.request({ method: sent.method as 'GET' | 'POST', path: sent.path, headers, body: sent.body });
  const body = await res.body.text();
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`bare ${sent.method} ${sent.path} answered ${res.statusCode}`);
  return body;
}

/**
 * The requests of one cold expansion as ours sent them (fresh client: sign-in, then the first page), with the
 * sign-in and the first page picked out for the bare baseline.
 */
export async function coldRequests(ext: ExtensionUnderBench, serverId: string, password: string): Promise<{ all: SentRequest[]; signIn: SentRequest; firstPage: SentRequest }> {
  await ext.api.registry.signIn(serverId, password);
  const all = await captureSentRequests(expandServer(ext, serverId));
  const signIn = all.find((r) => r.method === 'POST');
  const firstPage = [...all].reverse().find((r) => r.method === 'GET');
  if (!signIn || !firstPage) throw new Error(`a cold expansion sent ${all.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return { all, signIn, firstPage };
}

/**
 * Case 3: expanding a server in the tree (the request, parsing, normalising and the 100 tree items), per kind:
 * - cold: the server's client closed and its token dropped before each run (as after Sign In), so the expansion
 *   connects (TLS), signs in and reads the first page; floor = a fresh bare connection, the same sign-in and
 *   first-page requests (captured from ours), and `JSON.parse` of the page;
 * - warm: store reset as by Refresh on a signed-in client; floor = the bare first-page request + `JSON.parse`.
 */
export async function benchFirstPaint(sessionCount: number, runs: number): Promise<BenchResult[]> {
  // Nothing running: the monitor stays quiet, so the figures hold only what the expansion itself does.
  const sim = await startBenchSimulator({ sessionCount, vb365SessionCount: sessionCount, vbrSessionCount: sessionCount, runningCount: 0 });
  const rows: BenchResult[] = [];
  const servers = benchServers(sim);
  const ext = await activateExtensionForBench(servers);
  try {
    for (const [i, { label }] of FIRST_PAINT_KINDS.entries()) {
      const { config, password } = servers[i];
      const expand = expandServer(ext, config.id);
      // The very first expansion also loads the protocol bundle: reported on its own.
      const first = await time(expand);
      const cold = await coldRequests(ext, config.id, password);
      const origin = cold.firstPage.origin;
      const connect = { ca: sim.certificatePem };
      let page = '';
      const bareCold = async (): Promise<void> => {
        const fresh = new Client(origin, { connect });
        try {
          await sendBare(fresh, cold.signIn);
          page = await sendBare(fresh, cold.firstPage);
        } finally {
          void fresh.close();
        }
      };
      const floorCold = async (): Promise<void> => {
        await bareCold();
        JSON.parse(page);
      };
      // Untimed before every call (the bare ones too, harmlessly): ours starts with no client and no token.
      const signedIn = async (): Promise<void> => void (await ext.api.registry.signIn(config.id, password));
      const t = await timeRounds({ ours: expand, baseline: bareCold, floor: floorCold }, { runs, warmup: 3, beforeEach: signedIn });
      rows.push(
        ...overFloorRows({
          case: '3 first paint',
          metric: `cold expand ${label} (sign-in + ${PAGE_SIZE} of ${sessionCount})`,
          times: t,
          parsedWith: 'JSON.parse',
          target: TARGET_OVER_FLOOR,
          bareLabel: 'bare sign-in + first page, new connection',
          note: `ours sent ${cold.all.length} requests (${cold.all.map((r) => `${r.method} ${r.path.split('?')[0]}`).join(', ')}); page ${(page.length / 1024).toFixed(0)} KB; first expansion after activation (loads the protocol layer too) ${first.toFixed(0)} ms`,
        }),
      );
      // Warm: the client stays signed in and connected; only the list is forgotten.
      await expand();
      const warm = (await captureSentRequests(expand)).filter((r) => r.method === 'GET');
      if (warm.length !== 1) throw new Error(`a warm expansion sent ${warm.length} requests`);
      const bare = new Client(origin, { connect });
      try {
        const baseline = async (): Promise<void> => {
          page = await sendBare(bare, warm[0]);
        };
        const floor = async (): Promise<void> => {
          await baseline();
          JSON.parse(page);
        };
        const w = await timeRounds({ ours: expand, baseline, floor }, { runs, warmup: 5 });
        rows.push(
          ...overFloorRows({
            case: '3 first paint',
            metric: `warm expand ${label} (after Refresh)`,
            times: w,
            parsedWith: 'JSON.parse',
            target: TARGET_OVER_FLOOR,
            bareLabel: 'bare first-page request',
          }),
        );
      } finally {
        await bare.close();
      }
    }
  } finally {
    ext.dispose();
    await sim.stop();
  }
  return rows;
}
