import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { addSimulatorServer, extensionApi, removeServer, requireSimulator } from './veeamApi';

type Node = Awaited<ReturnType<VeeamRestoreSessionsApi['tree']['getChildren']>>[number];

async function serverChildren(api: VeeamRestoreSessionsApi, serverId: string): Promise<Node[]> {
  const serverNode = (await api.tree.getChildren()).find((n) => n.id === `server/${serverId}`);
  assert.ok(serverNode, 'the server has no tree node');
  return api.tree.getChildren(serverNode);
}

const sessionsOf = (nodes: Node[]): Node[] => nodes.filter((n) => n.contextValue?.startsWith('session '));

suite('tree: servers, sessions, paging, filter', () => {
  let emId: string | undefined;
  let api: VeeamRestoreSessionsApi;

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    api = await extensionApi();
    emId = await addSimulatorServer(simulator, 'em', 'Tree EM');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('veeamRestoreSessions.clearFilter');
    await removeServer(emId);
  });

  test('lists the first page of sessions newest first, each with a stable id, a state description and a parent', async () => {
    const id = emId as string;
    const nodes = await serverChildren(api, id);
    const sessions = sessionsOf(nodes);
    assert.ok(sessions.length > 0 && sessions.length <= 100, `got ${sessions.length} sessions`);
    const store = api.store.sessions(id) ?? [];
    const times = store.map((s) => (s.creationTime ? Date.parse(s.creationTime) : 0));
    assert.deepStrictEqual(times, [...times].sort((a, b) => b - a), 'not newest first');
    for (const node of sessions) {
      assert.match(String(node.id), new RegExp(`^${id}/[0-9a-f-]{36}$`));
      assert.match(String(node.description), /^(\S.*) · (\d+%|\d+[smhd].*)$|^\S+$/);
      assert.strictEqual(api.tree.getParent(node)?.id, `server/${id}`);
      assert.ok(node.accessibilityInformation?.label.includes(String(node.label)));
    }
    // A refresh yields the same ids (reveal and selection survive).
    await vscode.commands.executeCommand('veeamRestoreSessions.refresh', { serverId: id });
    const again = sessionsOf(await serverChildren(api, id)).map((n) => n.id);
    const common = again.filter((x) => sessions.some((n) => n.id === x));
    assert.ok(common.length >= sessions.length - 5, 'ids changed across a refresh');
  });

  test('pages with "Load more…" instead of loading everything', async () => {
    const id = emId as string;
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('pageSize', 7, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('veeamRestoreSessions.refresh', { serverId: id });
    const first = await serverChildren(api, id);
    assert.strictEqual(sessionsOf(first).length, 7);
    assert.strictEqual(first[first.length - 1].contextValue, 'loadMore');
    await vscode.commands.executeCommand('veeamRestoreSessions.loadMore', { serverId: id });
    const second = await serverChildren(api, id);
    assert.strictEqual(sessionsOf(second).length, 14);
    assert.strictEqual(new Set(second.map((n) => n.id)).size, second.length, 'duplicate node ids');
  });

  test('a new page size applies at once, without a Refresh', async () => {
    const id = emId as string;
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('pageSize', 5, vscode.ConfigurationTarget.Global);
    let count = -1;
    for (let i = 0; i < 50 && count !== 5; i++) {
      count = sessionsOf(await serverChildren(api, id)).length;
      if (count !== 5) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.strictEqual(count, 5, 'the tree still shows the old page size');
  });

  test('Filter narrows the list and shows itself in the view description; Clear Filter restores it', async () => {
    const id = emId as string;
    await vscode.commands.executeCommand('veeamRestoreSessions.filter', { results: ['failed'] });
    assert.match(String(api.treeView.description), /Failed/);
    const filtered = sessionsOf(await serverChildren(api, id));
    for (const node of filtered) assert.match(String(node.description), /^Failed/);
    for (const s of api.store.sessions(id) ?? []) assert.strictEqual(s.result, 'failed');
    await vscode.commands.executeCommand('veeamRestoreSessions.clearFilter');
    assert.strictEqual(api.treeView.description, undefined);
    const all = api.store.sessions(id);
    assert.strictEqual(all, undefined, 'clearing the filter drops the filtered list');
    const unfiltered = sessionsOf(await serverChildren(api, id));
    assert.ok(unfiltered.some((n) => !String(n.description).startsWith('Failed')), 'the unfiltered list holds only failures');
  });

  test('Filter… from the view title with a tree item focused opens the picker and keeps the filter (VS Code passes the focused node)', async () => {
    const id = emId as string;
    await vscode.commands.executeCommand('veeamRestoreSessions.filter', { results: ['failed'] });
    const serverNode = api.tree.serverNode(id);
    assert.ok(serverNode, 'no server node');
    // What the title button sends when a row has the focus: (focused node, selected nodes).
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand('veeamRestoreSessions.filter', serverNode, [serverNode])).finally(() => {
      settled = true;
    });
    // The picker opens and waits for the user: the command must still be waiting (a command that returned at once
    // asked nothing). Then dismiss it, as Escape would, until the command returns (bounded).
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(settled, false, 'the command returned without opening the picker');
    for (let i = 0; i < 50 && !settled; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    await pending;
    assert.deepStrictEqual(api.store.filter, { results: ['failed'] }, 'the focused node was read as a filter');
    await vscode.commands.executeCommand('veeamRestoreSessions.clearFilter');
  });

  test('Copy as curl / PowerShell use a token placeholder, never a secret', async function () {
    const simulator = requireSimulator(this);
    const id = emId as string;
    const node = sessionsOf(await serverChildren(api, id))[0];
    const ref = { serverId: id, sessionId: String(node.id).split('/')[1] };
    const curl = await vscode.commands.executeCommand<string>('veeamRestoreSessions.copyAsCurl', ref);
    const powerShell = await vscode.commands.executeCommand<string>('veeamRestoreSessions.copyAsPowerShell', ref);
    assert.ok(curl.includes('$VEEAM_TOKEN') && curl.includes(ref.sessionId), curl);
    assert.ok(powerShell.includes('$env:VEEAM_TOKEN'), powerShell);
    assert.strictEqual(await vscode.env.clipboard.readText(), powerShell);
    for (const text of [curl, powerShell]) assert.ok(!text.includes(simulator.credentials.em.password));
    assert.strictEqual(await vscode.commands.executeCommand<string>('veeamRestoreSessions.copyId', ref), ref.sessionId);
  });
});
