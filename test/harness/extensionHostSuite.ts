import * as fs from 'fs';
import * as path from 'path';
import { startCodeServer } from './codeServer';
import { INTEGRATION_SUITE_INDEX, REPO_ROOT } from './harnessPaths';
import { launchHeadlessChromium } from './headlessChromium';
import type { RealVsCodeInstall } from './installRealVsCode';
import type { SimulatorConnection } from './simulatorConnection';
import { SUITE_ENVIRONMENT } from './suiteEnvironment';
import { isSuiteResult, type SuiteResult } from './suiteResult';

const RESULT_FILE_NAME = 'extension-host-result.json';

export interface ExtensionHostSuiteOptions {
  install: RealVsCodeInstall;
  simulator: SimulatorConnection;
  /** Bootstrap file to hand to the extension under test, if the suite should start with configured servers. */
  bootstrapFile?: string;
  /** Where the extension host's console (mocha output included) and renderer noise are kept. */
  logFile: string;
  /** Where code-server's own output is kept. */
  serverLogFile: string;
  timeoutMs: number;
  /** Only the tests whose full title contains this text. */
  grep?: string;
}

/**
 * Runs test/integration (compiled) inside the real VS Code: code-server with the smoke-test driver, this repository
 * as the extension under development, and the suite index as `extensionTestsPath`, all through the workbench's
 * `payload` URL parameter. The outcome comes from the suite's result file, cross-checked with the exit code the
 * workbench reports through `codeAutomationExit`.
 */
export async function runExtensionHostSuite(options: ExtensionHostSuiteOptions): Promise<SuiteResult> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  // The suite's environment goes into the server's, which the extension host inherits: VS Code 1.96's web workbench
  // ignores the `extensionEnvironment` payload entry (1.139 honours it).
  const extensionEnvironment = (runDir: string): Record<string, string> => ({
    [SUITE_ENVIRONMENT.simulator]: JSON.stringify(options.simulator),
    [SUITE_ENVIRONMENT.resultFile]: path.join(runDir, RESULT_FILE_NAME),
    [SUITE_ENVIRONMENT.runDir]: runDir,
    ...(options.bootstrapFile ? { [SUITE_ENVIRONMENT.bootstrap]: options.bootstrapFile } : {}),
    ...(options.grep ? { [SUITE_ENVIRONMENT.grep]: options.grep } : {}),
  });
  const server = await startCodeServer(options.install, { smokeTestDriver: true, logFile: options.serverLogFile, env: extensionEnvironment });
  const resultFile = path.join(server.runDir, RESULT_FILE_NAME);
  const log = fs.createWriteStream(options.logFile);
  const browser = await launchHeadlessChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await browser.page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
      log.write(`[${level}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`);
    });
    browser.page.on('pageerror', (error) => log.write(`[pageerror] ${error.message}\n`));

    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
      ['extensionTestsPath', server.remoteUri(INTEGRATION_SUITE_INDEX)],
    ];
    await browser.page.goto(server.workbenchUrl(REPO_ROOT, payload));

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
    const exitCode = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      return failedRun(`the extension-host suite did not finish within ${options.timeoutMs / 1000} s (log: ${options.logFile})`);
    }
    if (!fs.existsSync(resultFile)) {
      return failedRun(`VS Code exited with code ${exitCode} but the suite wrote no result (log: ${options.logFile})`);
    }
    const result: unknown = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    if (!isSuiteResult(result)) return failedRun(`malformed result file ${resultFile}`);
    // Both signals must agree: a suite that says "all passed" while VS Code reports failure is a failure.
    if (exitCode !== 0 && result.failures === 0) {
      return { ...result, failures: 1, report: `${result.report}\n  VS Code reported exit code ${exitCode}` };
    }
    return result;
  } finally {
    await browser.close();
    await server.stop();
    log.end();
  }
}

function failedRun(reason: string): SuiteResult {
  return { suite: 'extension host', passes: 0, failures: 1, pending: 0, report: `  1) ${reason}` };
}
