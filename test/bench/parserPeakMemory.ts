/**
 * Child process of case 2 (run with --expose-gc): parses one body file with one parser and prints, as JSON, the
 * peak resident memory the parse added and the heap its result keeps. A process per parser keeps the figures
 * clean of the other parsers' garbage and of the simulator.
 */
import { readFileSync } from 'fs';
import { LIST_PARSERS, isListParserName } from './listParsers';

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  if (!name || !file || !isListParserName(name)) throw new Error('usage: parserPeakMemory <parser> <body file>');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const text = readFileSync(file, 'utf8');
  gc();
  const before = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const result = await LIST_PARSERS[name](text);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const after = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ kept: result !== undefined, peakRssAddedBytes: Math.max(0, peakRss - Math.max(before.rss, maxRssBefore)), retainedHeapBytes: after.heapUsed - before.heapUsed })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
