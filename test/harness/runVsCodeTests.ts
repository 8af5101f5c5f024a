import * as fs from 'fs';
import { parseArgs } from 'util';
import * as os from 'os';
import * as path from 'path';
import { simulatorBootstrapServers, writeBootstrapFile } from './bootstrapFile';
import { runExtensionHostSuite } from './extensionHostSuite';
import { armHarnessTimeout, exitOnSignals } from './harnessLifetime';
import { acquireHarnessLock } from './harnessLock';
import { REPO_ROOT, SCREENSHOT_DIR, TEST_RESULTS_DIR, VSIX_PATH } from './harnessPaths';
import { installRealVsCode } from './installRealVsCode';
import { OLDEST_VSCODE_VERSIONS } from './realVsCodeVersions';
import { runCommand } from './runCommand';
import { startSimulatorProcess } from './simulatorProcess';
import { allPassed, printSuiteSummary } from './suiteSummary';
import type { SuiteResult } from './suiteResult';
import { runUiSuite } from './uiSuite';

/** Whole-harness limit: a hung browser or server must fail the run, not stall CI. */
const HARNESS_TIMEOUT_MS = 20 * 60_000;

function step(message: string): void {
  console.log(`\n[vscode-tests] ${message}`);
}

/** Builds the extension and its .vsix (production bundle for the .vsix, then a dev bundle with source maps). */
export async function buildExtension(): Promise<void> {
  step('packaging the .vsix (npm run package)');
  await runCommand('npm', ['run', '-s', 'package'], { cwd: REPO_ROOT, capture: true });
  if (!fs.existsSync(VSIX_PATH)) throw new Error(`npm run package did not produce ${VSIX_PATH}`);
  step('building the development bundle (npm run build)');
  await runCommand('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, capture: true });
}

/**
 * Runs the extension-host suite and the UI tests against the real VS Code (code-server) and the simulator.
 * Assumes `npm run compile-tests` ran (the npm scripts do that).
 */
export async function runVsCodeSuites(grep?: string): Promise<SuiteResult[]> {
  const releaseLock = await acquireHarnessLock('vscode-tests');
  try {
    return await runLocked(grep);
  } finally {
    releaseLock();
  }
}

async function runLocked(grep: string | undefined): Promise<SuiteResult[]> {
  const started = Date.now();
  step('checking the offline VS Code install (.vscode-test/)');
  const install = await installRealVsCode();
  // The manifest's engines.vscode names the oldest VS Code the extension claims: its extension host is tested too.
  const oldest = await installRealVsCode(OLDEST_VSCODE_VERSIONS);
  await buildExtension();
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  step('starting the simulator');
  const simulator = await startSimulatorProcess();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-vscode-tests-'));
  try {
    const bootstrapFile = writeBootstrapFile(scratch, simulatorBootstrapServers(simulator.connection));
    const hostResults: SuiteResult[] = [];
    for (const [toolchain, logSuffix] of [[install, ''], [oldest, `-${oldest.vscode}`]] as const) {
      step(`extension-host tests (mocha inside VS Code ${toolchain.vscode} / code-server)`);
      const result = await runExtensionHostSuite({
        install: toolchain,
        simulator: simulator.connection,
        bootstrapFile,
        logFile: path.join(TEST_RESULTS_DIR, `extension-host${logSuffix}.log`),
        serverLogFile: path.join(TEST_RESULTS_DIR, `code-server-extension-host${logSuffix}.log`),
        timeoutMs: 5 * 60_000,
        grep,
      });
      console.log(result.report);
      hostResults.push({ ...result, suite: `extension host (VS Code ${toolchain.vscode})` });
    }
    const uiResult = await runUiSuite(simulator.connection, grep);
    step(`done in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${path.relative(REPO_ROOT, SCREENSHOT_DIR)}/`);
    return [...hostResults, uiResult];
  } finally {
    await simulator.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  exitOnSignals();
  armHarnessTimeout(HARNESS_TIMEOUT_MS, 'vscode-tests');
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  // `npm run test:vscode -- --grep TEXT`: only the tests (extension host and UI) whose full title contains TEXT.
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { grep: { type: 'string' } } });
  runVsCodeSuites(values.grep || undefined).then(
    (results) => {
      printSuiteSummary(results);
      process.exit(allPassed(results) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(`[vscode-tests] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
