import { Client } from 'undici';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { BenchResult } from './benchResult';
import { startChildSimulator, type ChildSimulator } from './childSimulator';
import { activateExtensionForBench } from './extensionUnderBench';
import { coldRequests, expandServer, FIRST_PAINT_KINDS, sendBare } from './firstPaint';
import { LOOKUP_CASES, bareReplay } from './lookupOverhead';
import { pairedRatio, summarise, timeRounds } from './measurement';
import { captureSentRequests } from './sentRequests';
import { createRestoreSessionClient } from '../../src/core/clients/createClient';
import { MemoryTokenStore } from '../protocol/simulatorFixture';

/** A LAN-to-datacentre hop at its low end: the simulator holds every answer back this long (server-side timer). */
export const ROUND_TRIP_MS = 20;
const LOOKUP_TARGET = 1.02;
const FIRST_PAINT_TARGET = 1.05;
const SIMULATOR_NOTE = `simulator in a child process, ${ROUND_TRIP_MS} ms server-side delay per response (a timer: no CPU in the measured process)`;

function ratioRow(row: { case: string; metric: string; ours: number[]; bare: number[]; bareLabel: string; target: number; note: string }): BenchResult {
  const ratio = pairedRatio(row.ours, row.bare);
  return {
    case: row.case,
    metric: row.metric,
    value: summarise(row.ours),
    unit: 'ms',
    baseline: { label: row.bareLabel, value: summarise(row.bare) },
    ratio,
    target: { description: `≤ ${row.target.toFixed(2)}× bare`, met: ratio.median <= row.target },
    note: `${row.note}; ours − bare ${summarise(row.ours.map((v, i) => v - row.bare[i])).median.toFixed(2)} ms`,
  };
}

/**
 * Case 8: the overhead where users are. Warm lookups (every kind and format) and cold first paints (every kind)
 * against the bare requests, with a 20 ms round trip.
 */
export async function benchLatencyCost(sessionCount: number, lookupRuns: number, paintRuns: number): Promise<BenchResult[]> {
  const count = String(sessionCount);
  const sim = await startChildSimulator(['--sessions', count, '--vb365-sessions', count, '--vbr-sessions', count, '--running', '0']);
  try {
    await sim.setLatency({ em: ROUND_TRIP_MS, vb365: ROUND_TRIP_MS, vbr: ROUND_TRIP_MS });
    return [...(await lookups(sim, lookupRuns)), ...(await firstPaints(sim, paintRuns))];
  } finally {
    await sim.stop();
  }
}

async function lookups(sim: ChildSimulator, runs: number): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const c of LOOKUP_CASES) {
    const client = createRestoreSessionClient({ server: sim.config(c.kind, `latency-${c.kind}`), password: async () => sim.password(c.kind), tokenStore: new MemoryTokenStore() });
    const bare = new Client(sim.url(c.kind), { connect: { ca: sim.certificatePem } });
    try {
      const id = (await client.listSessions({ page: 1, pageSize: 1 })).sessions[0].id;
      const ours = () => client.getSession(id, { format: c.format });
      const sent = (await captureSentRequests(ours)).filter((r) => r.path.includes(id));
      if (sent.length !== 1) throw new Error(`a warm lookup sent ${sent.length} requests for the session`);
      const t = await timeRounds({ ours, bare: bareReplay(bare, sent[0]) }, { runs, warmup: 3 });
      rows.push(ratioRow({ case: '8 latency', metric: `getSession ${c.label}, ${ROUND_TRIP_MS} ms round trip`, ours: t.ours, bare: t.bare, bareLabel: 'bare undici.request', target: LOOKUP_TARGET, note: SIMULATOR_NOTE }));
    } finally {
      await client.dispose();
      await bare.close();
    }
  }
  return rows;
}

async function firstPaints(sim: ChildSimulator, runs: number): Promise<BenchResult[]> {
  const servers = FIRST_PAINT_KINDS.map(({ kind }) => ({ config: sim.config(kind, `latency-paint-${kind}`), password: sim.password(kind) }));
  const ext = await activateExtensionForBench(servers);
  const rows: BenchResult[] = [];
  try {
    for (const [i, { kind, label }] of FIRST_PAINT_KINDS.entries()) {
      const { config, password } = servers[i];
      const expand = expandServer(ext, config.id);
      await expand();
      const cold = await coldRequests(ext, config.id, password);
      const bareCold = async (): Promise<void> => {
        const fresh = new Client(sim.url(kind as ServerKind), { connect: { ca: sim.certificatePem } });
        try {
          await sendBare(fresh, cold.signIn);
          await sendBare(fresh, cold.firstPage);
        } finally {
          void fresh.close();
        }
      };
      const signedIn = async (): Promise<void> => void (await ext.api.registry.signIn(config.id, password));
      const t = await timeRounds({ ours: expand, bare: bareCold }, { runs, warmup: 2, beforeEach: signedIn });
      rows.push(
        ratioRow({
          case: '8 latency',
          metric: `cold expand ${label}, ${ROUND_TRIP_MS} ms round trip`,
          ours: t.ours,
          bare: t.bare,
          bareLabel: 'bare sign-in + first page, new connection',
          target: FIRST_PAINT_TARGET,
          note: `${SIMULATOR_NOTE}; ours sent ${cold.all.length} requests (${cold.all.map((r) => `${r.method} ${r.path.split('?')[0]}`).join(', ')})`,
        }),
      );
    }
  } finally {
    ext.dispose();
  }
  return rows;
}
