import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { REPO_ROOT, TEST_RESULTS_DIR } from '../harness/harnessPaths';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { isIssuedSecrets, type IssuedSecrets } from '../simulator/issuedSecrets';
import { issuedSecretsSeen, secretValues } from './issuedSecretsSeen';
import { filesUnder, searchFiles, searchText, userDataDirsUnder, type SecretHit } from './secretFileSearch';
import { addSimulatorServer, control, eventually, extensionApi, requireSimulator } from './veeamApi';

/**
 * Part 4 of the hardening issue. Named zz- so mocha runs it after every other extension-host test: then it searches
 * everything the suite left behind for every password and token the simulators ever issued.
 */

/** A password nobody else uses, given to a sign-in that fails: it must not show up anywhere either. */
const CANARY_PASSWORD = `canary-${randomBytes(12).toString('hex')}`;

/** code-server's record of the last workbench URL query (see the file search below). */
const HARNESS_URL_MEMORY = 'coder.json';

type RouteCounts = Record<string, number>;

async function requestsByRoute(simulator: SimulatorConnection): Promise<RouteCounts> {
  const body = (await control(simulator, 'GET', '/requests')) as { byRoute?: RouteCounts };
  return body.byRoute ?? {};
}

/** Requests whose "api METHOD path" key matches, summed. */
function countMatching(routes: RouteCounts, pattern: RegExp): number {
  return Object.entries(routes).reduce((n, [key, count]) => (pattern.test(key) ? n + count : n), 0);
}

function describeHits(hits: readonly SecretHit[]): string {
  return hits.map((h) => `${h.label} in ${h.where}`).join('\n      ');
}

suite('secrets: nothing leaks (runs last)', () => {
  let api: VeeamRestoreSessionsApi;
  let simulator: SimulatorConnection;

  suiteSetup(async function () {
    simulator = requireSimulator(this);
    api = await extensionApi();
  });

  test('removing a server deletes its password and logs off on the server (EM logonSessions DELETE, VB365 token/logout)', async () => {
    const em = await addSimulatorServer(simulator, 'em', 'Secrets EM');
    const vb = await addSimulatorServer(simulator, 'vb365', 'Secrets M365');
    for (const id of [em, vb]) {
      // A live server-side session to end: the client signs in and lists.
      await (await api.registry.getClient(id)).listSessions({ page: 1, pageSize: 1 });
      assert.strictEqual(await api.registry.hasStoredPassword(id), true);
    }
    const before = await requestsByRoute(simulator);
    await vscode.commands.executeCommand('veeamRestoreSessions.removeServer', { serverId: em, confirm: false });
    await vscode.commands.executeCommand('veeamRestoreSessions.removeServer', { serverId: vb, confirm: false });
    const after = await requestsByRoute(simulator);

    const logoffs = (pattern: RegExp): number => countMatching(after, pattern) - countMatching(before, pattern);
    assert.strictEqual(logoffs(/^em DELETE \/api\/logonSessions\//i), 1, 'EM: no DELETE /api/logonSessions/{id} on removal');
    assert.strictEqual(logoffs(/^vb365 POST \/v\d+\/token\/logout$/i), 1, 'VB365: no POST token/logout on removal');
    for (const id of [em, vb]) {
      assert.strictEqual(api.registry.get(id), undefined, 'the server is still configured');
      assert.strictEqual(await api.registry.hasStoredPassword(id), false, 'the password is still in SecretStorage');
    }
  });

  test('a refused password appears neither in the error message nor anywhere else', async () => {
    const before = api.registry.list().length;
    let message = '';
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('veeamRestoreSessions.addServer', {
          kind: 'vb365',
          url: simulator.vb365Url,
          username: simulator.credentials.vb365.username,
          password: CANARY_PASSWORD,
          trustFingerprint: simulator.fingerprint256,
        }),
      (e: unknown) => {
        message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
        return true;
      },
    );
    assert.ok(message.length > 0);
    assert.ok(!message.includes(CANARY_PASSWORD), 'the refused password is in the error message');
    assert.ok(!message.includes(simulator.credentials.vb365.password), 'a password is in the error message');
    assert.strictEqual(api.registry.list().length, before);
  });

  test('no password or token in settings, extension state, log files, webview HTML or any file the run wrote', async function () {
    this.timeout(120_000);
    const fromHarness: unknown = await control(simulator, 'GET', '/issued-secrets');
    assert.ok(isIssuedSecrets(fromHarness), 'the simulator has no /issued-secrets endpoint');
    const all: IssuedSecrets[] = [fromHarness, ...issuedSecretsSeen()];
    const secrets = [...secretValues(all), { label: 'the refused (canary) password', value: CANARY_PASSWORD }];
    const tokens = secrets.filter((s) => /token/i.test(s.label)).length;
    // The suite signed in many times: a search for nothing would prove nothing.
    assert.ok(tokens >= 4, `only ${tokens} tokens were issued during the suite`);

    const hits: SecretHit[] = [];
    // A panel with server data in it, so the webview check has something to look at.
    const emServer = api.registry.list().find((s) => s.kind === 'em');
    if (emServer) {
      const [session] = (await (await api.registry.getClient(emServer.id)).listSessions({ page: 1, pageSize: 1 })).sessions;
      await vscode.commands.executeCommand('veeamRestoreSessions.open', { serverId: emServer.id, sessionId: session.id });
      await eventually('the panel to show the session', () => api.panels.get({ serverId: emServer.id, sessionId: session.id })?.currentSession);
    }
    assert.ok(api.panels.openPanels.length > 0, 'no panel to check');
    for (const panel of api.panels.openPanels) hits.push(...searchText(`webview HTML of ${panel.ref.sessionId}`, panel.panel.webview.html, secrets));

    // Settings: every value VS Code resolves for our section, and the settings files themselves (below).
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    hits.push(...searchText('veeamRestoreSessions settings', JSON.stringify(config), secrets));
    for (const [name, memento] of [['globalState', api.storage.globalState], ['workspaceState', api.storage.workspaceState]] as const) {
      const dump = JSON.stringify(Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)])));
      hits.push(...searchText(name, dump, secrets));
    }

    // Files: the VS Code user-data folder of this run (settings.json, state databases, the log channel's file),
    // its sibling folders (extensions, XDG data), the workspace settings and test-results/.
    const runDir = process.env[SUITE_ENVIRONMENT.runDir];
    let fileCount = 0;
    if (runDir) {
      assert.ok(userDataDirsUnder(runDir).length > 0, `no VS Code user-data folder under ${runDir}`);
      // coder.json is code-server's memory of the workbench URL, whose payload is the harness's own
      // extensionEnvironment (the simulator's demo credentials travel in it): test plumbing, not the extension.
      const files = [...filesUnder(runDir), ...filesUnder(TEST_RESULTS_DIR)].filter((f) => path.basename(f) !== HARNESS_URL_MEMORY);
      const workspaceSettings = path.join(REPO_ROOT, '.vscode', 'settings.json');
      if (fs.existsSync(workspaceSettings)) files.push(workspaceSettings);
      const logFiles = files.filter((f) => /Veeam Restore Sessions\.log$/.test(f));
      assert.ok(logFiles.length > 0, `the log channel's file is not under ${runDir}`);
      assert.ok(files.some((f) => f.endsWith(path.join('User', 'settings.json'))), 'the user settings.json is not under the run folder');
      hits.push(...searchFiles(files, secrets));
      fileCount = files.length;
    } else {
      console.log(`    (file search skipped: the harness gave no ${SUITE_ENVIRONMENT.runDir})`);
    }
    console.log(`    searched ${secrets.length} secrets (${tokens} tokens) in ${fileCount} files, ${api.panels.openPanels.length} webviews, settings and state`);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepStrictEqual(hits, [], `secrets found:\n      ${describeHits(hits)}`);
  });
});
