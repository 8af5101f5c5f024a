import * as fs from 'fs';
import * as path from 'path';
import { RELIABILITY_FILE, type ReliabilityReport } from './reliabilityLedger';

/** Turns test-results/reliability.json into the README's "## Reliability" table. */

const README = path.resolve(__dirname, '..', '..', '..', 'README.md');
const HEADING = '## Reliability';

function isReport(v: unknown): v is ReliabilityReport {
  const o = v as Partial<ReliabilityReport> | null;
  return typeof o === 'object' && o !== null && Array.isArray(o.rows) && typeof o.mode === 'string' && typeof o.seed === 'number';
}

export function reliabilityTable(report: ReliabilityReport): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const total = report.rows.reduce(
    (t, r) => ({ inputs: t.inputs + r.inputsTried, faults: t.faults + r.faultsInjected, requests: t.requests + r.requestsSent, expected: t.expected + r.sessionsExpected, lost: t.lost + r.sessionsLost, untyped: t.untyped + r.untypedFailures }),
    { inputs: 0, faults: 0, requests: 0, expected: 0, lost: 0, untyped: 0 },
  );
  const lines = [
    '| Area | Inputs tried | Faults injected | Requests sent | Sessions lost | Untyped failures |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map((r) => `| ${r.area} | ${n(r.inputsTried)} | ${n(r.faultsInjected)} | ${n(r.requestsSent)} | ${n(r.sessionsLost)} of ${n(r.sessionsExpected)} | ${n(r.untypedFailures)} |`),
    `| **Total** | **${n(total.inputs)}** | **${n(total.faults)}** | **${n(total.requests)}** | **${n(total.lost)} of ${n(total.expected)}** | **${n(total.untyped)}** |`,
  ];
  return lines.join('\n');
}

function readmeSection(report: ReliabilityReport): string {
  return [
    HEADING,
    '',
    `What the hardening suite (\`test/hardening\`) threw at the protocol layer in its ${report.mode} run (fast-check seed ${report.seed}): hostile and broken bodies, ` +
      'fuzzed Veeam XML/JSON, crafted HTTPS servers (HTML pages, error bodies with 200, oversized, endless and dripped bodies, redirects to other hosts, ' +
      'expired, wrong-host and changed certificates) and the simulator with every fault mode on. "Sessions lost" counts sessions a full listing under faults never returned; ' +
      '"untyped failures" counts anything other than a typed `VeeamError` (or a hang, leak or prototype pollution). Both must be zero.',
    '',
    reliabilityTable(report),
    '',
    'Regenerate with `npm run test:reliability` (full size, 20,000+ fuzz cases per property; `FC_SEED` replays a seed). `npm test` runs the quick form.',
    '',
  ].join('\n');
}

/** Replaces the Reliability section (up to the next `## ` heading), or appends it at the end. */
export function updateReadme(report: ReliabilityReport): void {
  const text = fs.readFileSync(README, 'utf8');
  const section = readmeSection(report);
  const start = text.indexOf(`\n${HEADING}\n`);
  let updated: string;
  if (start < 0) {
    updated = `${text.trimEnd()}\n\n${section}`;
  } else {
    const next = text.indexOf('\n## ', start + HEADING.length + 1);
    updated = `${text.slice(0, start + 1)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  fs.writeFileSync(README, updated);
}

export function readReliabilityReport(): ReliabilityReport {
  const parsed: unknown = JSON.parse(fs.readFileSync(RELIABILITY_FILE, 'utf8'));
  if (!isReport(parsed)) throw new Error(`${RELIABILITY_FILE} is not a reliability report`);
  return parsed;
}

if (require.main === module) {
  const report = readReliabilityReport();
  console.log(reliabilityTable(report));
  if (process.argv.includes('--update-readme')) {
    updateReadme(report);
    console.log(`\nREADME.md "${HEADING}" section updated.`);
  }
}
