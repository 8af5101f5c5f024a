/**
 * `npm run bench`: every case against simulators it starts itself on free ports, one table on stdout, the same
 * rows in test/bench/results.json. Exits 0 when a target is missed (the table says MISSED); non-zero on errors.
 * `npm run bench -- 2 4` runs only those cases.
 */
import * as path from 'path';
import type { BenchResult } from './benchResult';
import { describeMachine, formatTable, writeResults } from './benchReport';
import { startBenchSimulator } from './benchSimulator';
import { benchActivationCost } from './activationCost';
import { benchEventLoopBlock } from './eventLoopBlock';
import { benchFirstPaint } from './firstPaint';
import { benchLatencyCost } from './latencyCost';
import { benchListParsing } from './listParsing';
import { benchLogCost } from './logCost';
import { benchLookupOverhead } from './lookupOverhead';
import { benchPollingCost } from './pollingCost';
import { benchRequestCounts } from './requestCounts';
import { benchRetainedMemory } from './retainedMemory';
import { benchTimelineCost } from './timelineCost';

const LIST_SESSIONS = 10_000;
const LOG_RECORDS = 10_000;
/** The checkout: this file runs as out/test/bench/runBenchmarks.js. */
const ROOT = path.resolve(__dirname, '../../..');

type CaseRunner = () => Promise<BenchResult[]>;

const CASES: Record<string, CaseRunner> = {
  '1': async () => {
    const sim = await startBenchSimulator({ sessionCount: 300, vb365SessionCount: 150 });
    try {
      return await benchLookupOverhead(sim, 300);
    } finally {
      await sim.stop();
    }
  },
  '2': () => benchListParsing(LIST_SESSIONS, 9),
  '3': () => benchFirstPaint(LIST_SESSIONS, 40),
  '4': () => benchActivationCost(ROOT, 11),
  '5': () => benchPollingCost(),
  '6': () => benchRetainedMemory(LIST_SESSIONS),
  '7': () => benchLogCost(LOG_RECORDS, 9),
  '8': () => benchLatencyCost(LIST_SESSIONS, 60, 16),
  '9': () => benchRequestCounts(),
  '10': () => benchEventLoopBlock(LIST_SESSIONS),
  '11': () => benchTimelineCost(ROOT, LIST_SESSIONS, 7),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? wanted : Object.keys(CASES);
  for (const name of selected) if (!CASES[name]) throw new Error(`unknown case "${name}" (cases: ${Object.keys(CASES).join(', ')})`);
  const machine = describeMachine();
  const rows: BenchResult[] = [];
  for (const name of selected) {
    const started = Date.now();
    process.stderr.write(`case ${name}…`);
    rows.push(...(await CASES[name]()));
    process.stderr.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const file = path.join(ROOT, 'test/bench/results.json');
  await writeResults(file, machine, rows);
  process.stdout.write(`\nBenchmarks — ${machine.date}, ${machine.cpus} × ${machine.cores}, Node ${machine.node}, load ${machine.loadAverage.join(' ')}\n`);
  process.stdout.write('Figures: median [25th–75th percentile]; ratio = ours ÷ baseline, taken run by run.\n\n');
  process.stdout.write(`${formatTable(rows)}\n\nWritten to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`\nbenchmark error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
