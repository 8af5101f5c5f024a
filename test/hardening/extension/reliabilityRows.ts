import * as fs from 'fs';
import * as path from 'path';
import { RELIABILITY_FILE, type ReliabilityReport, type ReliabilityRow } from '../reliabilityLedger';
import { FUZZ_SEED, RELIABILITY_MODE } from '../reliabilityScale';

/**
 * Adds (or replaces) one row of test-results/reliability.json from another process than the hardening mocha run,
 * e.g. the extension-host soak: the file is read, the row with the same area replaced, the file written back.
 */
export function mergeReliabilityRow(row: ReliabilityRow): void {
  let report: ReliabilityReport = { mode: RELIABILITY_MODE, seed: FUZZ_SEED, generatedAt: new Date().toISOString(), rows: [] };
  try {
    const parsed = JSON.parse(fs.readFileSync(RELIABILITY_FILE, 'utf8')) as Partial<ReliabilityReport>;
    if (Array.isArray(parsed.rows) && typeof parsed.mode === 'string' && typeof parsed.seed === 'number') report = parsed as ReliabilityReport;
  } catch {
    // No report yet (or a broken one): start a fresh one.
  }
  const rows = report.rows.filter((r) => r.area !== row.area);
  rows.push(row);
  rows.sort((a, b) => a.area.localeCompare(b.area));
  fs.mkdirSync(path.dirname(RELIABILITY_FILE), { recursive: true });
  fs.writeFileSync(RELIABILITY_FILE, `${JSON.stringify({ ...report, generatedAt: new Date().toISOString(), rows }, null, 2)}\n`);
}
