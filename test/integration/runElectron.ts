import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { simulatorBootstrapServers, writeBootstrapFile } from '../harness/bootstrapFile';
import { exitOnSignals } from '../harness/harnessLifetime';
import { INTEGRATION_SUITE_INDEX, REPO_ROOT } from '../harness/harnessPaths';
import { startSimulatorProcess } from '../harness/simulatorProcess';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { allPassed, printSuiteSummary } from '../harness/suiteSummary';
import { isSuiteResult, type SuiteResult } from '../harness/suiteResult';

/** Desktop VS Code version to download; `stable` by default, override with VSCODE_TEST_VERSION (e.g. 1.95.0). */
const VSCODE_VERSION = process.env.VSCODE_TEST_VERSION ?? 'stable';

/**
 * `npm run test:electron`: the same extension-host suite as the offline harness, in a desktop VS Code that
 * @vscode/test-electron downloads into .vscode-test/ (needs internet access). Use `npm run test:vscode` offline.
 */
async function main(): Promise<SuiteResult> {
  const simulator = await startSimulatorProcess();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-electron-tests-'));
  try {
    const resultFile = path.join(scratch, 'result.json');
    const exitCode = await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: INTEGRATION_SUITE_INDEX,
      extensionTestsEnv: {
        [SUITE_ENVIRONMENT.simulator]: JSON.stringify(simulator.connection),
        [SUITE_ENVIRONMENT.resultFile]: resultFile,
        [SUITE_ENVIRONMENT.bootstrap]: writeBootstrapFile(scratch, simulatorBootstrapServers(simulator.connection)),
      },
      // A throw-away profile: no other extensions, no state from earlier runs, no trust prompt.
      launchArgs: [
        REPO_ROOT,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(scratch, 'user-data'),
      ],
    }).catch((error: unknown) => {
      // Typically the download (no internet): say so instead of only "exit 1".
      console.error(`[test:electron] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    const parsed: unknown = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
    if (!isSuiteResult(parsed)) {
      return { suite: 'extension host (electron)', passes: 0, failures: 1, pending: 0, report: `  VS Code exited with ${exitCode} and wrote no result` };
    }
    console.log(parsed.report);
    return exitCode !== 0 && parsed.failures === 0 ? { ...parsed, failures: 1 } : parsed;
  } finally {
    await simulator.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

exitOnSignals();
main().then(
  (result) => {
    printSuiteSummary([result]);
    process.exit(allPassed([result]) ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
