import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { armHarnessTimeout, exitOnSignals } from './harnessLifetime';
import { REPO_ROOT } from './harnessPaths';
import { runCommand } from './runCommand';
import { allPassed, printSuiteSummary } from './suiteSummary';
import { isSuiteResult, type SuiteResult } from './suiteResult';
import { runVsCodeSuites } from './runVsCodeTests';

/** `npm test` must finish (or fail) on a cold machine well within CI limits. */
const ALL_TESTS_TIMEOUT_MS = 30 * 60_000;

/** `npm run test:unit` exactly as defined, with a reporter that also writes the counts to a file. */
function runUnitTests(): Promise<SuiteResult> {
  const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-unit-')), 'summary.json');
  const reporter = path.join(__dirname, 'specSummaryReporter.js');
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'test:unit', '--', '--reporter', reporter], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, VEEAM_TEST_SUMMARY_FILE: summaryFile },
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const parsed: unknown = fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : undefined;
      fs.rmSync(path.dirname(summaryFile), { recursive: true, force: true });
      // No summary means mocha never got to run the tests (compile error, bad config): one failure.
      const result = isSuiteResult(parsed) ? parsed : { suite: 'unit', passes: 0, failures: 1, pending: 0, report: '' };
      resolve(code !== 0 && result.failures === 0 ? { ...result, failures: 1 } : result);
    });
  });
}

/**
 * A static check run as its npm script (lint, typecheck), counted as one test: it passes when the script exits 0.
 * Its output (the errors) goes to this terminal.
 */
async function runCheck(script: string): Promise<SuiteResult> {
  console.log(`\n[test] npm run ${script}`);
  const passed = await runCommand('npm', ['run', '-s', script], { cwd: REPO_ROOT }).then(
    () => true,
    () => false,
  );
  return { suite: script, passes: passed ? 1 : 0, failures: passed ? 0 : 1, pending: 0, report: '' };
}

/**
 * `npm test`: lint and typecheck (so nothing lands that breaks them), the unit tests, then the real-VS Code suites,
 * then one closing line over all of them. A failed check does not stop the tests: the run shows everything at once.
 */
async function runAllTests(): Promise<SuiteResult[]> {
  const checks = [await runCheck('lint'), await runCheck('typecheck')];
  // Some unit tests exercise the bundles (dist/cli.js); a fresh clone has none yet.
  await runCommand('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT });
  const unit = await runUnitTests();
  const vscodeSuites = await runVsCodeSuites().catch((error: unknown): SuiteResult[] => {
    console.error(`[vscode-tests] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [{ suite: 'VS Code harness', passes: 0, failures: 1, pending: 0, report: '' }];
  });
  return [...checks, unit, ...vscodeSuites];
}

exitOnSignals();
armHarnessTimeout(ALL_TESTS_TIMEOUT_MS, 'test');
runAllTests().then(
  (results) => {
    console.log('');
    printSuiteSummary(results);
    process.exit(allPassed(results) ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
