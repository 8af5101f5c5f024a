import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageFixtureExtension } from '../harness/fixtureExtension';
import { simulatorFromEnvironment } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { openWorkbench, type Workbench } from './workbench';

/** What test/fixtures/exportsProbe/extension.js writes. */
interface ExportsReport {
  probeError?: string;
  extensionFound: boolean;
  activated: boolean;
  activationError?: string;
  exportsType: string;
  /** Paths (exports.registry<prototype>.storedPassword, …) of every function reachable from our exports. */
  functions?: string[];
  /** Paths of every object reachable from our exports. */
  objects?: string[];
  truncated?: boolean;
  /** How many configured servers' passwords exports.registry.storedPassword(id) gave the probe. */
  passwordsObtained: number;
}

/** The deadline only bounds a hung run: the probe writes its report once, when it has activated us. */
async function reportWhenWritten(file: string, deadlineMs = 60_000): Promise<ExportsReport> {
  const start = Date.now();
  while (!fs.existsSync(file)) {
    if (Date.now() - start > deadlineMs) throw new Error(`the exports probe wrote no report to ${file} within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ExportsReport;
}

/** A user installed the .vsix and some other extension: that one must find no way to a Veeam password or token. */
suite('UI: another installed extension reads our exports', () => {
  let workbench: Workbench | undefined;
  let scratch: string;
  let report: ExportsReport;
  let serversConfigured: boolean;

  suiteSetup(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-exports-probe-'));
    const probe = await packageFixtureExtension('exportsProbe', scratch);
    const reportFile = path.join(scratch, 'exports-report.json');
    // With the simulator, the user has servers whose passwords sit in SecretStorage: the thing worth stealing.
    const simulator = simulatorFromEnvironment();
    serversConfigured = simulator !== undefined;
    workbench = await openWorkbench({ bootstrap: simulator, otherExtensions: [probe], env: { [SUITE_ENVIRONMENT.exportsReport]: reportFile } });
    report = await reportWhenWritten(reportFile);
  });

  suiteTeardown(async () => {
    await workbench?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('the probe found our extension and activated it', () => {
    assert.strictEqual(report.probeError, undefined, `the probe failed: ${report.probeError}`);
    assert.ok(report.extensionFound, 'the probe did not find veeam-restore-sessions.veeam-restore-sessions');
    assert.strictEqual(report.activationError, undefined);
    assert.ok(report.activated, 'our extension did not activate for the probe');
  });

  test('our exports lead to no function and no object: nothing through which a password or token can be had', () => {
    const functions = report.functions ?? [];
    assert.deepStrictEqual(
      { exportsType: report.exportsType, functions: functions.length, objects: report.objects ?? [] },
      { exportsType: 'undefined', functions: 0, objects: [] },
      `another extension reaches ${functions.length} functions through our exports, e.g. ${functions.filter((f) => /password|secret|token|client/i.test(f)).slice(0, 5).join(', ') || functions.slice(0, 5).join(', ')}`,
    );
  });

  test('the known attack, exports.registry.storedPassword(id), yields no password', function () {
    if (!serversConfigured) {
      console.log(`    (skipped: no simulator in ${SUITE_ENVIRONMENT.simulator}, so no stored password to try)`);
      this.skip();
    }
    assert.strictEqual(report.passwordsObtained, 0, `another extension read ${report.passwordsObtained} stored passwords`);
  });
});
