/**
 * Environment variables through which the harness hands things to suites that run in other processes (the VS Code
 * extension host, code-server), and to the extension itself.
 */
export const SUITE_ENVIRONMENT = {
  /** JSON of the running simulator (see SimulatorConnection). */
  simulator: 'VEEAM_TEST_SIMULATOR',
  /** Where the extension-host suite writes its SuiteResult. */
  resultFile: 'VEEAM_TEST_RESULT_FILE',
  /** The code-server run folder (user data, extensions, XDG dirs): the secrets leak search reads every file in it. */
  runDir: 'VEEAM_TEST_RUN_DIR',
  /** Where the exports probe (test/fixtures/exportsProbe, another extension) writes what our exports let it reach. */
  exportsReport: 'VEEAM_TEST_EXPORTS_REPORT',
  /** Runs only the extension-host tests whose full title contains this text (`npm run test:vscode -- --grep TEXT`). */
  grep: 'VEEAM_TEST_GREP',
  /** Read by the extension on activation: servers to add (see bootstrapFile.ts). */
  bootstrap: 'VEEAM_RESTORE_SESSIONS_BOOTSTRAP',
} as const;
