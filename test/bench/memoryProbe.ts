/**
 * Child process of case 6 (run with --expose-gc): activates the extension with the `vscode` stand-in, adds the
 * servers given in BENCH_MEMORY_SERVERS (JSON), browses every server page by page to its end the way VS Code
 * would (expand, then "load more" and a re-render until no more), and prints the heap it retains.
 */
import { Session } from 'node:inspector/promises';
import type { BenchServer } from './extensionUnderBench';
import { activateExtensionForBench } from './extensionUnderBench';

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

function sampledBytes(node: SamplingNode): number {
  return node.children.reduce((sum, child) => sum + sampledBytes(child), node.selfSize);
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const servers = JSON.parse(process.env.BENCH_MEMORY_SERVERS ?? '[]') as BenchServer[];
  const settings = JSON.parse(process.env.BENCH_MEMORY_SETTINGS ?? '[]') as Array<[string, unknown]>;
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const ext = await activateExtensionForBench(servers, settings);
  const activated = heap();
  // Everything allocated while browsing (collected or not), from V8's sampling heap profiler.
  const inspector = new Session();
  inspector.connect();
  await inspector.post('HeapProfiler.startSampling', { samplingInterval: 16 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  let sessions = 0;
  for (const server of servers) {
    const id = server.config.id;
    await ext.expand(id);
    while (ext.api.store.hasMore(id)) {
      await ext.api.store.loadMore(id);
      await ext.expand(id);
    }
    sessions += ext.api.store.sessions(id)?.length ?? 0;
  }
  const { profile } = (await inspector.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
  const allocated = sampledBytes(profile.head);
  inspector.disconnect();
  const browsed = heap();
  process.stdout.write(`${JSON.stringify({ before, activated, browsed, sessions, allocated })}\n`);
  ext.dispose();
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
