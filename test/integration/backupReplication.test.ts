import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { addSimulatorServer, control, eventually, extensionApi, removeServer, requireSimulator } from './veeamApi';

type Node = Awaited<ReturnType<VeeamRestoreSessionsApi['tree']['getChildren']>>[number];

suite('Backup & Replication server: added, listed, opened, followed to completion', () => {
  let vbrId: string | undefined;
  let api: VeeamRestoreSessionsApi;

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    api = await extensionApi();
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    await config.update('polling.runningIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await config.update('notifications.onCompletion', 'all', vscode.ConfigurationTarget.Global);
    vbrId = await addSimulatorServer(simulator, 'vbr', 'Integration VBR');
  });

  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    await config.update('polling.runningIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config.update('notifications.onCompletion', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeServer(vbrId);
  });

  async function serverNode(): Promise<Node> {
    const node = (await api.tree.getChildren()).find((n) => n.id === `server/${vbrId}`);
    assert.ok(node, 'the server has no tree node');
    return node;
  }

  test('the server remembers the revision it accepted and the tree shows it with its restore sessions only', async () => {
    assert.strictEqual(api.registry.get(vbrId as string)?.apiVersion, '1.3-rev2');
    const children = await eventually('the first page', async () => {
      const nodes = await api.tree.getChildren(await serverNode());
      return nodes.some((n) => n.contextValue?.startsWith('session ')) ? nodes : undefined;
    });
    const sessions = children.filter((n) => n.contextValue?.startsWith('session '));
    assert.ok(sessions.length > 10);
    const types = new Set((api.store.sessions(vbrId as string) ?? []).map((s) => s.type));
    assert.ok(!types.has('BackupJob') && !types.has('ReplicaJob'), `job sessions are not listed: ${[...types].join(', ')}`);
    assert.match(String((await serverNode()).description), /1\.3-rev2/);
  });

  test('a running restore opened by its URL shows in a panel and ends with one completion notification', async function () {
    this.timeout(120_000);
    const simulator = requireSimulator(this);
    const { id } = (await control(simulator, 'POST', '/sessions?api=vbr&name=Integration%20VBR%20restore&durationSeconds=30&finalResult=Warning')) as { id: string };
    const notified: RestoreSessionSummary[] = [];
    const subscription = api.notifier.onDidNotify(({ serverId, session }) => {
      if (serverId === vbrId && session.id === id) notified.push(session);
    });
    try {
      const opened = await vscode.commands.executeCommand<{ serverId: string; sessionId: string }>('veeamRestoreSessions.openSession', {
        reference: `${simulator.vbrUrl}/api/v1/sessions/${id}`,
      });
      assert.strictEqual(opened?.sessionId, id);
      assert.strictEqual(api.registry.get(opened.serverId)?.kind, 'vbr');
      assert.ok(api.panels.get(opened), 'no panel opened');
      // A completion is notified for a session seen running: wait for that first (a loaded host can take seconds).
      await eventually('the session seen running', () => (api.monitor.lastKnown(opened)?.state === 'running' ? true : undefined));
      const final = await eventually('the completion notification', () => notified[0]);
      assert.strictEqual(final.state, 'finished');
      assert.strictEqual(final.result, 'warning');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.strictEqual(notified.length, 1, 'exactly one notification');
    } finally {
      subscription.dispose();
    }
  });

  test('Open Log as Text shows the log in a read-only veeam-log editor', async () => {
    const sessions = api.store.sessions(vbrId as string) ?? [];
    const finished = sessions.find((s) => s.state === 'finished');
    assert.ok(finished, 'a finished restore in the list');
    await vscode.commands.executeCommand('veeamRestoreSessions.openLogAsText', { serverId: vbrId, sessionId: finished.id });
    const editor = await eventually('the log editor', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'veeam-log' ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.languageId, 'veeam-log');
    const text = editor.document.getText();
    assert.match(text, /^# .* · Integration VBR · \d+ records/);
    assert.match(text, /\n\S.* {2}\[(Succeeded|Warning|Failed|None)\s*\] {2}/, 'one line per record with its status');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
