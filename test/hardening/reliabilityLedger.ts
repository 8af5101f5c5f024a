import * as fs from 'fs';
import * as path from 'path';
import { FUZZ_SEED, RELIABILITY_MODE } from './reliabilityScale';

/** What one hardening area tried and what came of it. */
export interface ReliabilityRow {
  area: string;
  /** Bodies, certificates, redirects … fed to the code under test. */
  inputsTried: number;
  /** Faults the server side injected (resets, 502s, truncations, hostile bodies …). */
  faultsInjected: number;
  /** HTTP requests that reached a server. */
  requestsSent: number;
  /** Restore sessions the client was expected to see, and how many of them it never saw. */
  sessionsExpected: number;
  sessionsLost: number;
  /** Failures that were not a typed VeeamError, hangs, leaks or prototype pollution: must stay 0. */
  untypedFailures: number;
}

export interface ReliabilityReport {
  mode: string;
  seed: number;
  generatedAt: string;
  rows: ReliabilityRow[];
}

/** Where the counts go; the folder is git-ignored. */
export const RELIABILITY_FILE = path.resolve(__dirname, '..', '..', '..', 'test-results', 'reliability.json');

const rows = new Map<string, ReliabilityRow>();

/** Adds counts to an area's row (created on first use). */
export function record(area: string, counts: Partial<Omit<ReliabilityRow, 'area'>>): void {
  const row = rows.get(area) ?? { area, inputsTried: 0, faultsInjected: 0, requestsSent: 0, sessionsExpected: 0, sessionsLost: 0, untypedFailures: 0 };
  row.inputsTried += counts.inputsTried ?? 0;
  row.faultsInjected += counts.faultsInjected ?? 0;
  row.requestsSent += counts.requestsSent ?? 0;
  row.sessionsExpected += counts.sessionsExpected ?? 0;
  row.sessionsLost += counts.sessionsLost ?? 0;
  row.untypedFailures += counts.untypedFailures ?? 0;
  rows.set(area, row);
}

/** Writes everything recorded in this process so far (called from each hardening suite's `after`). */
export function writeReliabilityFile(): void {
  const report: ReliabilityReport = {
    mode: RELIABILITY_MODE,
    seed: FUZZ_SEED,
    generatedAt: new Date().toISOString(),
    rows: [...rows.values()].sort((a, b) => a.area.localeCompare(b.area)),
  };
  fs.mkdirSync(path.dirname(RELIABILITY_FILE), { recursive: true });
  fs.writeFileSync(RELIABILITY_FILE, `${JSON.stringify(report, null, 2)}\n`);
}
