import * as path from 'path';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { serverConfig } from '../protocol/simulatorFixture';
import type { BenchResult } from './benchResult';
import { startBenchSimulator } from './benchSimulator';
import { runNodeChild } from './childProcess';
import type { BenchServer } from './extensionUnderBench';

const LIMIT_MB = 50;
/** Every kind; Backup & Replication lists all its sessions (scope "all"), as its 10,000 hold ~1,000 restores. */
const KINDS: ServerKind[] = ['em', 'em', 'vb365', 'vb365', 'vbr'];
const SETTINGS: Array<[string, unknown]> = [['veeamRestoreSessions.sessionScope', 'all']];

interface MemoryProbe {
  before: number;
  activated: number;
  browsed: number;
  sessions: number;
  allocated: number;
}

/**
 * Case 6: the extension's heap after browsing 5 servers × `sessionCount` sessions page by page, measured in a child
 * process (so neither the simulator nor the other cases share its heap), against the heap before activation.
 */
export async function benchRetainedMemory(sessionCount: number): Promise<BenchResult[]> {
  const sim = await startBenchSimulator({ sessionCount, vb365SessionCount: sessionCount, vbrSessionCount: sessionCount, runningCount: 0 });
  try {
    const servers: BenchServer[] = KINDS.map((kind, i) => ({
      config: { ...serverConfig(sim, kind), id: `bench-memory-${i}`, name: `memory ${i}` },
      password: sim.credentials[kind].password,
    }));
    const probe = await runNodeChild<MemoryProbe>(path.join(__dirname, 'memoryProbe.js'), [], {
      nodeFlags: ['--expose-gc'],
      env: { BENCH_MEMORY_SERVERS: JSON.stringify(servers), BENCH_MEMORY_SETTINGS: JSON.stringify(SETTINGS) },
    });
    const mb = (bytes: number): number => bytes / 2 ** 20;
    const retained = mb(probe.browsed - probe.before);
    return [
      {
        case: '6 memory',
        metric: `heap, ${KINDS.length} servers × ${sessionCount} browsed`,
        value: retained,
        unit: 'MB',
        baseline: { label: 'heap before activation', value: mb(probe.before) },
        target: { description: `≤ ${LIMIT_MB} MB retained`, met: retained <= LIMIT_MB },
        note: `${probe.sessions} sessions loaded (${KINDS.join(', ')}; Backup & Replication with sessionScope "all"); activation alone ${mb(probe.activated - probe.before).toFixed(1)} MB; ${((probe.browsed - probe.activated) / probe.sessions).toFixed(0)} bytes retained per loaded session`,
      },
      {
        case: '6 memory',
        metric: 'bytes allocated per list row (browsing, everything: HTTP, parse, normalise, tree)',
        value: probe.allocated / probe.sessions,
        unit: 'B/row',
        note: `${mb(probe.allocated).toFixed(0)} MB allocated (V8 sampling heap profiler, collected objects included) for ${probe.sessions} rows`,
      },
    ];
  } finally {
    await sim.stop();
  }
}
