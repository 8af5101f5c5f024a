import { Client } from 'undici';
import type { BodyFormat, ServerKind } from '../../src/core/model/restoreSession';
import type { BenchResult } from './benchResult';
import { authHeader, benchClient, type RunningSimulator } from './benchSimulator';
import { timePair } from './measurement';

const TARGET_RATIO = 1.15;

interface LookupCase {
  kind: ServerKind;
  format: BodyFormat;
  path: (id: string) => string;
}

const CASES: LookupCase[] = [
  { kind: 'em', format: 'xml', path: (id) => `/api/restoreSessions/${id}?format=Entity` },
  { kind: 'em', format: 'json', path: (id) => `/api/restoreSessions/${id}?format=Entity` },
  { kind: 'vb365', format: 'json', path: (id) => `/v8/RestoreSessions/${id}` },
];

/**
 * Case 1: `getSession` (request, checks, parse, normalise) against a bare `undici` request of the same URL with the
 * same headers, each on its own warm keep-alive connection to the simulator.
 */
export async function benchLookupOverhead(sim: RunningSimulator, runs: number): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const c of CASES) {
    const { client, tokens } = benchClient(sim, c.kind);
    const origin = c.kind === 'em' ? sim.emUrl : sim.vb365Url;
    const bare = new Client(origin, { connect: { ca: sim.certificatePem } });
    try {
      const id = (await client.listSessions({ page: 1, pageSize: 1 })).sessions[0].id;
      const headers = { accept: c.format === 'xml' ? 'application/xml' : 'application/json', ...authHeader(c.kind, tokens) };
      const path = c.path(id);
      const ours = () => client.getSession(id, { format: c.format });
      const baseline = async () => {
        const res = await bare.request({ method: 'GET', path, headers });
        const text = await res.body.text();
        if (res.statusCode !== 200 || text.length === 0) throw new Error(`bare request answered ${res.statusCode}`);
      };
      const t = await timePair(ours, baseline, { runs, warmup: Math.ceil(runs / 5) });
      rows.push({
        case: '1 lookup',
        metric: `getSession ${c.kind} ${c.format}`,
        value: t.candidate,
        unit: 'ms',
        baseline: { label: 'bare undici.request', value: t.baseline },
        ratio: t.ratio,
        target: { description: `≤ ${TARGET_RATIO}×`, met: t.ratio.median <= TARGET_RATIO },
      });
    } finally {
      await client.dispose();
      await bare.close();
    }
  }
  return rows;
}
