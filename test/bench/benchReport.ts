import { promises as fs } from 'fs';
import * as os from 'os';
import type { BenchResult } from './benchResult';
import { formatSample, type Sample } from './measurement';

/** The machine a run was measured on: figures only compare within one machine kind. */
export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  cpus: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function figure(v: Sample | number | undefined, digits: number): string {
  if (v === undefined) return '';
  return typeof v === 'number' ? v.toFixed(digits) : formatSample(v, digits);
}

/** One plain-text table: a row per figure, its baseline, the ratio and whether the target is met. */
export function formatTable(rows: readonly BenchResult[]): string {
  const header = ['case', 'metric', 'value', 'unit', 'baseline', 'ratio', 'target', 'status'];
  const body = rows.map((r) => [
    r.case,
    r.metric,
    figure(r.value, r.unit === 'ms' || r.unit === 'MB' || r.unit === 'KB' ? 1 : 2),
    r.unit,
    r.baseline ? `${r.baseline.label}: ${figure(r.baseline.value, 1)}` : '',
    figure(r.ratio, 2),
    r.target?.description ?? '',
    r.target ? (r.target.met ? 'met' : 'MISSED') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  - ${r.case} / ${r.metric}: ${r.note}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export async function writeResults(file: string, machine: MachineInfo, rows: readonly BenchResult[]): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify({ machine, results: rows }, null, 2)}\n`);
}
