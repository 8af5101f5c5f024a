import * as fs from 'fs';
import * as path from 'path';
import { runMochaFiles } from '../harness/runMochaFiles';
import type { SuiteResult } from '../harness/suiteResult';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';

/**
 * Entry point VS Code calls in the extension host (`extensionTestsPath`): runs every compiled
 * test/integration/**\/*.test.js with mocha (tdd UI), writes the result file, and rejects when anything failed,
 * which makes VS Code report exit code 1.
 */
export async function run(): Promise<void> {
  let result: SuiteResult;
  try {
    result = await runMochaFiles({ suite: 'extension host', directory: __dirname, suffix: '.test.js', ui: 'tdd', timeoutMs: 30_000, echo: true, grep: process.env[SUITE_ENVIRONMENT.grep] || undefined });
  } catch (error) {
    // A test file that fails to load counts as a failure, not as a silent empty run.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = { suite: 'extension host', passes: 0, failures: 1, pending: 0, report: `  1) loading the suite\n     ${message}` };
  }
  const resultFile = process.env[SUITE_ENVIRONMENT.resultFile];
  if (resultFile) {
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  }
  if (result.failures > 0) throw new Error(`${result.failures} extension-host test(s) failed`);
}
