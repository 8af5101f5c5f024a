import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { isRunning } from '../../src/core/model/restoreSession';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { control, extensionApi, removeServer, requireSimulator } from './veeamApi';

type Node = Awaited<ReturnType<VeeamRestoreSessionsApi['tree']['getChildren']>>[number];

async function sessionIdsInTree(api: VeeamRestoreSessionsApi, serverId: string): Promise<string[]> {
  const serverNode = (await api.tree.getChildren()).find((n) => n.id === `server/${serverId}`);
  assert.ok(serverNode, 'the server has no tree node');
  const children: Node[] = await api.tree.getChildren(serverNode);
  return children.filter((n) => n.contextValue?.startsWith('session ')).map((n) => String(n.id).split('/')[1]);
}

async function addMicrosoft365(simulator: SimulatorConnection, name: string, apiVersion: string): Promise<string> {
  const id = await vscode.commands.executeCommand<string>('veeamRestoreSessions.addServer', {
    kind: 'vb365',
    url: simulator.vb365Url,
    name,
    apiVersion,
    username: simulator.credentials.vb365.username,
    password: simulator.credentials.vb365.password,
    trustFingerprint: simulator.fingerprint256,
  });
  assert.strictEqual(typeof id, 'string');
  return id;
}

suite('tree: Microsoft 365 before v8 (no promised order) still lists the newest and running sessions first', () => {
  const added: string[] = [];
  let api: VeeamRestoreSessionsApi;
  let simulator: SimulatorConnection;

  suiteSetup(async function () {
    simulator = requireSimulator(this);
    api = await extensionApi();
  });

  suiteTeardown(async () => {
    for (const id of added) await removeServer(id);
  });

  test('a v6 server shows the same first page as v8 (which sorts on the server), the newest running session on top', async () => {
    const newest = (await control(simulator, 'POST', '/sessions?api=vb365&name=Tree%20order%20probe&durationSeconds=600')) as { id: string };
    added.push(await addMicrosoft365(simulator, 'Order v8', 'v8'));
    added.push(await addMicrosoft365(simulator, 'Order v6', 'v6'));
    const [v8, v6] = added;
    const reference = await sessionIdsInTree(api, v8);
    const shown = await sessionIdsInTree(api, v6);
    assert.ok(shown.length > 5, `got ${shown.length} sessions`);
    assert.strictEqual(shown[0], newest.id, 'the newest (running) session is not on top');
    assert.deepStrictEqual(shown, reference);
    const running = (api.store.sessions(v6) ?? []).filter(isRunning).map((s) => s.id);
    assert.ok(running.includes(newest.id), 'the probe session is running and listed');
  });
});
