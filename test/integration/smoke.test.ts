import * as assert from 'assert';
import * as vscode from 'vscode';
import { simulatorFromEnvironment } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { activatedExtension, bundleMentions } from './extensionUnderTest';

interface ContributedCommand {
  command: string;
}

interface ServerSetting {
  kind?: unknown;
  url?: unknown;
  username?: unknown;
}

suite('smoke: the extension in a real VS Code', () => {
  test('is present, activates and runs from this repository', async () => {
    const extension = await activatedExtension();
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual(extension.packageJSON.name, 'veeam-restore-sessions');
  });

  test('registers every command its package.json contributes', async () => {
    const extension = await activatedExtension();
    const contributed = (extension.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('its Restore Sessions view opens', async () => {
    await activatedExtension();
    // VS Code generates `<view id>.focus` for every contributed view; it fails for a view that does not exist.
    await vscode.commands.executeCommand('veeamRestoreSessions.sessions.focus');
  });

  test('bootstrap import adds the simulator servers to settings, never their passwords', async function () {
    const extension = await activatedExtension();
    const simulator = simulatorFromEnvironment();
    if (!simulator || !process.env[SUITE_ENVIRONMENT.bootstrap]) this.skip();
    if (!bundleMentions(extension, SUITE_ENVIRONMENT.bootstrap)) {
      console.log(`    (skipped: the extension does not read ${SUITE_ENVIRONMENT.bootstrap} yet)`);
      this.skip();
    }
    const servers = vscode.workspace.getConfiguration('veeamRestoreSessions').get<ServerSetting[]>('servers', []);
    const imported = [
      { kind: 'em', url: simulator.emUrl, username: simulator.credentials.em.username },
      { kind: 'vb365', url: simulator.vb365Url, username: simulator.credentials.vb365.username },
    ];
    for (const expected of imported) {
      const found = servers.filter((s) => s.kind === expected.kind && s.url === expected.url && s.username === expected.username);
      assert.strictEqual(found.length, 1, `expected exactly one ${expected.kind} server for ${expected.url} in settings`);
    }
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('veeamRestoreSessions').inspect('servers'));
    for (const password of [simulator.credentials.em.password, simulator.credentials.vb365.password]) {
      assert.ok(!settingsText.includes(password), 'a password was written into settings');
    }
  });
});
