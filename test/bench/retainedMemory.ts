import * as path from 'path';
import type { ServerKind } from '../../src/core/model/restoreSession';
import { serverConfig } from '../protocol/simulatorFixture';
import type { BenchResult } from './benchResult';
import { startBenchSimulator } from './benchSimulator';
import { runNodeChild } from './childProcess';
import type { BenchServer } from './extensionUnderBench';

const LIMIT_MB = 50;
// The simulator serves these two kinds.
const KINDS: Array<Exclude<ServerKind, 'vbr'>> = ['em', 'em', 'em', 'vb365', 'vb365'];

interface MemoryProbe {
  before: number;
  activated: number;
  browsed: number;
  sessions: number;
}

/**
 * Case 6: the extension's heap after browsing 5 servers × `sessionCount` sessions page by page, measured in a child
 * process (so neither the simulator nor the other cases share its heap), against the heap before activation.
 */
export async function benchRetainedMemory(sessionCount: number): Promise<BenchResult[]> {
  const sim = await startBenchSimulator({ sessionCount, vb365SessionCount: sessionCount, runningCount: 0 });
  try {
    const servers: BenchServer[] = KINDS.map((kind, i) => ({
      config: { ...serverConfig(sim, kind), id: `bench-memory-${i}`, name: `memory ${i}` },
      password: sim.credentials[kind].password,
    }));
    const probe = await runNodeChild<MemoryProbe>(path.join(__dirname, 'memoryProbe.js'), [], {
      nodeFlags: ['--expose-gc'],
      env: { BENCH_MEMORY_SERVERS: JSON.stringify(servers) },
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
        note: `${probe.sessions} sessions loaded; activation alone ${mb(probe.activated - probe.before).toFixed(1)} MB; ${((probe.browsed - probe.activated) / probe.sessions).toFixed(0)} bytes per loaded session`,
      },
    ];
  } finally {
    await sim.stop();
  }
}
