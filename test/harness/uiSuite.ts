import { E2E_DIR } from './harnessPaths';
import { runMochaFiles } from './runMochaFiles';
import type { SimulatorConnection } from './simulatorConnection';
import { SUITE_ENVIRONMENT } from './suiteEnvironment';
import type { SuiteResult } from './suiteResult';

/**
 * Runs the UI tests (compiled test/e2e/**\/*.e2e.js) in this process: each suite starts its own code-server with
 * the packaged .vsix and drives it in headless Chromium. The simulator reaches them through VEEAM_TEST_SIMULATOR.
 * `grep` narrows the run to tests whose full title contains it.
 */
export async function runUiSuite(simulator: SimulatorConnection, grep?: string): Promise<SuiteResult> {
  process.env[SUITE_ENVIRONMENT.simulator] = JSON.stringify(simulator);
  console.log('\nUI tests (code-server + headless Chromium)');
  return runMochaFiles({ suite: 'UI', directory: E2E_DIR, suffix: '.e2e.js', ui: 'tdd', timeoutMs: 90_000, echo: true, grep });
}
