import { Client } from 'undici';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { floorRow, type BenchResult } from './benchResult';
import { authHeader, benchClient, startBenchSimulator } from './benchSimulator';
import { activateExtensionForBench } from './extensionUnderBench';
import { pairedRatio, summarise, time, timeRounds } from './measurement';
import { serverConfig } from '../protocol/simulatorFixture';

const TARGET_RATIO = 1.3;
const PAGE_SIZE = 100;

/** The first-page request each client sends (same URL, same headers), for the bare baseline. */
const FIRST_PAGE: Record<ServerKind, string> = {
  em: `/api/query?type=RestoreSession&format=Entities&sortDesc=CreationTime&pageSize=${PAGE_SIZE}&page=1`,
  vb365: `/v8/RestoreSessions?offset=0&limit=${PAGE_SIZE}&orderBy=CreationTime&orderAsc=false`,
  vbr: `/api/v1/sessions?skip=0&limit=${PAGE_SIZE}&orderColumn=CreationTime&orderAsc=false`,
};

/**
 * Case 3: expanding a server in the tree (store reset as by Refresh, then `getChildren` of the server node: the
 * request, parsing, normalising and the 100 tree items) against a bare request of the same first page.
 */
export async function benchFirstPaint(sessionCount: number, runs: number): Promise<BenchResult[]> {
  // Nothing running: the monitor stays quiet, so the figures hold only what the expansion itself does.
  const sim = await startBenchSimulator({ sessionCount, vb365SessionCount: sessionCount, runningCount: 0 });
  const rows: BenchResult[] = [];
  const ext = await activateExtensionForBench(
    (['em', 'vb365'] as const).map((kind) => ({ config: serverConfig(sim, kind), password: kind === 'em' ? sim.credentials.em.password : sim.credentials.vb365.password })),
  );
  try {
    for (const kind of ['em', 'vb365'] as const) {
      const serverId = serverConfig(sim, kind).id;
      const expand = async (): Promise<void> => {
        ext.api.store.reset(serverId);
        const nodes = await ext.expand(serverId);
        if (nodes.length !== PAGE_SIZE + 1) throw new Error(`expected ${PAGE_SIZE} sessions and "load more", got ${nodes.length} nodes`);
        // What VS Code asks next for every row it renders.
        for (const node of nodes) ext.api.tree.getTreeItem(node);
      };
      // The very first expansion also loads the protocol bundle, connects (TLS) and signs in: reported on its own.
      const cold = await time(expand);
      const { client, tokens } = benchClient(sim, kind);
      const bare = new Client(kind === 'em' ? sim.emUrl : sim.vb365Url, { connect: { ca: sim.certificatePem } });
      try {
        await client.connect();
        const headers = { accept: 'application/json', ...authHeader(kind, tokens) };
        let body = '';
        const baseline = async (): Promise<void> => {
          const res = await bare.request({ method: 'GET', path: FIRST_PAGE[kind], headers });
          body = await res.body.text();
          if (res.statusCode !== 200) throw new Error(`bare first page answered ${res.statusCode}`);
        };
        // The least any client can do: the bare request and JSON.parse of the page.
        const floor = async (): Promise<void> => {
          await baseline();
          JSON.parse(body);
        };
        const t = await timeRounds({ expand, baseline, floor }, { runs, warmup: 5 });
        const ratio = pairedRatio(t.expand, t.baseline);
        rows.push({
          case: '3 first paint',
          metric: `expand ${kind} server (${PAGE_SIZE} of ${sessionCount})`,
          value: summarise(t.expand),
          unit: 'ms',
          baseline: { label: 'bare first-page request', value: summarise(t.baseline) },
          ratio,
          target: { description: `≤ ${TARGET_RATIO}×`, met: ratio.median <= TARGET_RATIO },
          note: `first expansion after activation (loads the protocol layer, connects, signs in): ${summarise([cold]).median.toFixed(0)} ms; page ${(body.length / 1024).toFixed(0)} KB`,
        });
        rows.push(
          floorRow({
            case: '3 first paint',
            what: 'JSON.parse',
            baselineLabel: 'bare first-page request',
            times: { ours: t.expand, baseline: t.baseline, floor: t.floor },
            oursAdds: 'the extension adds beyond the request and parsing the page',
          }),
        );
      } finally {
        await client.dispose();
        await bare.close();
      }
    }
  } finally {
    ext.dispose();
    await sim.stop();
  }
  return rows;
}
