import { spawnSync } from 'child_process';
import * as path from 'path';
import { readReliabilityReport, reliabilityTable, updateReadme } from './reliabilityReport';

/**
 * `npm run test:reliability`: the hardening suites at full size (RELIABILITY=full), then the table, printed
 * and written into README's "## Reliability" section. Exits non-zero when a test failed or anything was lost.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const mocha = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--no-config', '--timeout', '600000', '--reporter', 'dot', 'out/test/hardening/**/*.test.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RELIABILITY: 'full' },
});
const report = readReliabilityReport();
console.log(`\n${reliabilityTable(report)}`);
const lost = report.rows.reduce((n, r) => n + r.sessionsLost + r.untypedFailures, 0);
if (mocha.status === 0 && lost === 0) {
  updateReadme(report);
  console.log('\nREADME.md "## Reliability" section updated.');
}
process.exit(mocha.status === 0 && lost === 0 ? 0 : 1);
