import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { armHarnessTimeout, exitOnSignals } from './harnessLifetime';
import { acquireHarnessLock } from './harnessLock';
import { REPO_ROOT, SCREENSHOT_DIR, TEST_RESULTS_DIR } from './harnessPaths';
import { installRealVsCode } from './installRealVsCode';
import { buildExtension } from './runVsCodeTests';
import { startSimulatorProcess } from './simulatorProcess';
import { allPassed, printSuiteSummary } from './suiteSummary';
import type { SuiteResult } from './suiteResult';
import { runUiSuite } from './uiSuite';

/** One UI run takes 3–5 min on a loaded 2-core machine; a hung one must still end. */
const PER_RUN_TIMEOUT_MS = 12 * 60_000;

interface UiRunOptions {
  /** Consecutive runs, each against a fresh simulator (the reliability check: "green N times in a row"). */
  repeat: number;
  /** Only tests whose full title contains this text. */
  grep?: string;
}

const USAGE = 'usage: npm run test:ui [-- --repeat N] [--grep TEXT]';

function parseArguments(args: string[]): UiRunOptions {
  const { values } = parseArgs({ args, strict: true, options: { repeat: { type: 'string' }, grep: { type: 'string' } } });
  if (values.repeat !== undefined && !/^[1-9]\d*$/.test(values.repeat)) throw new Error(`--repeat takes a positive number\n${USAGE}`);
  if (values.grep === '') throw new Error(`--grep takes a text\n${USAGE}`);
  return { repeat: values.repeat === undefined ? 1 : Number(values.repeat), grep: values.grep };
}

function step(message: string): void {
  console.log(`\n[ui-tests] ${message}`);
}

/**
 * The UI suite alone (test/e2e), `repeat` times in a row: packages the .vsix once, then each run starts its own
 * simulator. The shared harness lock is taken per run, so other checkouts' runs can go in between. A failed run's
 * screenshots are kept in test-results/screenshots-run-N/ (the next run overwrites test-results/screenshots/).
 */
async function runUiTests(options: UiRunOptions): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  for (let run = 1; run <= options.repeat; run++) {
    const label = options.repeat > 1 ? `UI run ${run}/${options.repeat}` : 'UI';
    const releaseLock = await acquireHarnessLock('ui-tests');
    try {
      if (run === 1) {
        step('checking the offline VS Code install (.vscode-test/)');
        await installRealVsCode();
        await buildExtension();
      }
      step(`${label}: starting the simulator`);
      const simulator = await startSimulatorProcess();
      const started = Date.now();
      try {
        const result = { ...(await runUiSuite(simulator.connection, options.grep)), suite: label };
        results.push(result);
        step(`${label}: ${result.passes} passed, ${result.failures} failed in ${Math.round((Date.now() - started) / 1000)} s`);
        if (result.failures > 0 && fs.existsSync(SCREENSHOT_DIR)) {
          fs.cpSync(SCREENSHOT_DIR, path.join(TEST_RESULTS_DIR, `screenshots-run-${run}`), { recursive: true });
        }
      } finally {
        await simulator.stop();
      }
    } finally {
      releaseLock();
    }
  }
  step(`screenshots in ${path.relative(REPO_ROOT, SCREENSHOT_DIR)}/`);
  return results;
}

if (require.main === module) {
  let options: UiRunOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  exitOnSignals();
  armHarnessTimeout(options.repeat * PER_RUN_TIMEOUT_MS, 'ui-tests');
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  runUiTests(options).then(
    (results) => {
      printSuiteSummary(results);
      process.exit(allPassed(results) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(`[ui-tests] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
