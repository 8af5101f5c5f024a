import * as assert from 'assert';
import * as vscode from 'vscode';
import { addSimulatorServer, extensionApi, removeServer, requireSimulator } from './veeamApi';

const ALLOWED_SERVER_KEYS = ['apiVersion', 'id', 'kind', 'name', 'trust', 'url', 'username'];

/** The user settings.json as VS Code has it on disk (opened through the real command). */
async function userSettingsText(): Promise<string> {
  await vscode.commands.executeCommand('workbench.action.openSettingsJson');
  const text = vscode.window.activeTextEditor?.document.getText() ?? '';
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return text;
}

suite('servers: add, secrets, sign out, remove', () => {
  let serverId: string | undefined;

  teardown(async () => {
    await removeServer(serverId);
    serverId = undefined;
  });

  test('Add Server connects, saves the definition in settings and the password only in SecretStorage', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    serverId = await addSimulatorServer(simulator, 'em', 'Integration EM');

    const saved = api.registry.get(serverId);
    assert.ok(saved, 'the server is not in the registry');
    assert.deepStrictEqual(saved.trust, { mode: 'fingerprint', sha256: simulator.fingerprint256 });
    assert.strictEqual(await api.registry.hasStoredPassword(serverId), true, 'the password was not stored in SecretStorage');

    const inSettings = vscode.workspace.getConfiguration('veeamRestoreSessions').get<Array<Record<string, unknown>>>('servers', []);
    const entry = inSettings.find((s) => s.id === serverId);
    assert.ok(entry, 'the server is not in the servers setting');
    assert.deepStrictEqual(Object.keys(entry).filter((k) => !ALLOWED_SERVER_KEYS.includes(k)), [], 'unexpected keys in the setting');

    // The client really connected and holds a session: listing works without asking for anything.
    const client = await api.registry.getClient(serverId);
    const page = await client.listSessions({ page: 1, pageSize: 3 });
    assert.ok(page.sessions.length > 0, 'the simulator listed no sessions');

    const settingsFile = await userSettingsText();
    assert.ok(settingsFile.includes(serverId), 'settings.json does not hold the new server');
    for (const { password } of [simulator.credentials.em, simulator.credentials.vb365]) {
      assert.ok(!settingsFile.includes(password), 'a password leaked into settings.json');
    }
    assert.ok(!/token|X-RestSvcSessionId|Bearer/i.test(settingsFile), 'something token-like leaked into settings.json');
  });

  test('bad credentials are refused before anything is saved', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    const before = api.registry.list().length;
    await assert.rejects(
      async () => vscode.commands.executeCommand('veeamRestoreSessions.addServer', {
        kind: 'em',
        url: simulator.emUrl,
        username: simulator.credentials.em.username,
        password: `${simulator.credentials.em.password}-wrong`,
        trustFingerprint: simulator.fingerprint256,
      }),
      (e: unknown) => e instanceof Error && /password|credential|sign|auth|401/i.test(e.message),
    );
    assert.strictEqual(api.registry.list().length, before, 'a server was saved despite bad credentials');
  });

  test('an untrusted self-signed certificate is refused unless its fingerprint is pinned', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    const before = api.registry.list().length;
    await assert.rejects(
      async () => vscode.commands.executeCommand('veeamRestoreSessions.addServer', {
        kind: 'vb365',
        url: simulator.vb365Url,
        username: simulator.credentials.vb365.username,
        password: simulator.credentials.vb365.password,
      }),
      (e: unknown) => e instanceof Error && /certificate|trust/i.test(e.message),
    );
    assert.strictEqual(api.registry.list().length, before);
  });

  test('Sign Out deletes the password and shows the server signed out; Sign In brings it back', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    serverId = await addSimulatorServer(simulator, 'vb365', 'Integration M365');
    const id = serverId;

    await vscode.commands.executeCommand('veeamRestoreSessions.signOut', { serverId: id });
    assert.strictEqual(await api.registry.hasStoredPassword(id), false, 'the password survived Sign Out');
    assert.strictEqual(api.registry.isSignedOut(id), true);
    const serverNode = (await api.tree.getChildren()).find((n) => n.id === `server/${id}`);
    assert.ok(serverNode, 'no tree node for the server');
    const children = await api.tree.getChildren(serverNode);
    assert.strictEqual(children.length, 1);
    assert.strictEqual(children[0].contextValue, 'signedOut', 'a signed-out server shows a Sign In node');
    assert.ok(String(serverNode.description).includes('Signed out'), `description: ${String(serverNode.description)}`);

    const signedIn = await vscode.commands.executeCommand<boolean>('veeamRestoreSessions.signIn', { serverId: id, password: simulator.credentials.vb365.password });
    assert.strictEqual(signedIn, true);
    assert.strictEqual(await api.registry.hasStoredPassword(id), true);
    const after = await api.tree.getChildren((await api.tree.getChildren()).find((n) => n.id === `server/${id}`));
    assert.ok(after.some((n) => n.contextValue?.startsWith('session ')), 'no sessions after signing in again');
  });

  test('Rename keeps the connection and shows the new name in the tree', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    serverId = await addSimulatorServer(simulator, 'em', 'Before rename');
    const id = serverId;
    const clientBefore = await api.registry.getClient(id);
    await vscode.commands.executeCommand('veeamRestoreSessions.renameServer', { serverId: id, name: 'After rename' });
    assert.strictEqual(api.registry.get(id)?.name, 'After rename');
    assert.strictEqual(await api.registry.getClient(id), clientBefore, 'a rename replaced the client');
    const node = (await api.tree.getChildren()).find((n) => n.id === `server/${id}`);
    assert.strictEqual(node?.label, 'After rename');
  });

  test('Remove Server deletes its secrets and its definition', async function () {
    const simulator = requireSimulator(this);
    const api = await extensionApi();
    const id = await addSimulatorServer(simulator, 'em', 'Integration EM (to remove)');
    await removeServer(id);
    assert.strictEqual(api.registry.get(id), undefined);
    assert.strictEqual(await api.registry.hasStoredPassword(id), false, 'the password survived Remove');
    const inSettings = vscode.workspace.getConfiguration('veeamRestoreSessions').get<Array<{ id?: string }>>('servers', []);
    assert.ok(!inSettings.some((s) => s.id === id), 'the definition survived Remove');
  });
});
