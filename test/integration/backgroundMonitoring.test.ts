import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { addSimulatorServer, control, eventually, extensionApi, removeServer, requireSimulator } from './veeamApi';

const VIEW_ID = 'veeamRestoreSessions.sessions';

/** The simulator answers `urn:veeam:RestoreSession:<GUID>` or a bare GUID; the extension keys sessions by the GUID. */
function sessionIdOf(created: unknown): string {
  const id = (created as { id?: unknown } | undefined)?.id;
  assert.strictEqual(typeof id, 'string', 'the control endpoint returned no session id');
  return (id as string).toLowerCase().replace(/^.*:/, '');
}

/**
 * A server whose node is collapsed and was never expanded: its list is not loaded by the tree, so only the
 * monitor's own list polling can see what runs there.
 */
async function collapsedAndForgotten(api: VeeamRestoreSessionsApi, serverId: string): Promise<void> {
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  await eventually('the sessions view to be visible', () => (api.treeView.visible ? true : undefined));
  await vscode.commands.executeCommand(`workbench.actions.treeView.${VIEW_ID}.collapseAll`);
  api.store.reset(serverId);
  assert.strictEqual(api.store.isLoaded(serverId), false);
}

suite('background monitoring of every server', () => {
  let api: VeeamRestoreSessionsApi;
  let serverId: string | undefined;
  const polling = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('veeamRestoreSessions.polling');

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    api = await extensionApi();
    await polling().update('runningIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await polling().update('listIntervalSeconds', 5, vscode.ConfigurationTarget.Global);
    serverId = await addSimulatorServer(simulator, 'em', 'Background EM');
  });

  suiteTeardown(async () => {
    await polling().update('runningIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await polling().update('listIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await removeServer(serverId);
  });

  test('a running session on a collapsed server counts in the status bar and badge, then finishes', async function () {
    this.timeout(90_000);
    const simulator = requireSimulator(this);
    const id = serverId as string;
    await collapsedAndForgotten(api, id);
    const sessionId = sessionIdOf(await control(simulator, 'POST', '/sessions?api=em&name=Background%20count&finalResult=Warning&durationSeconds=6'));

    const running = await eventually('the session on the collapsed server to count as running', () =>
      api.monitor.running().find((r) => r.serverId === id && r.session.id === sessionId),
    );
    assert.strictEqual(running.session.state, 'running');
    const badge = api.treeView.badge?.value ?? 0;
    assert.ok(badge >= 1, `the view badge shows ${badge} running sessions`);
    // First in the description, where a narrow side bar still shows it.
    await eventually('the collapsed server node to say that a session runs', () => (/^\d+ running · /.test(api.tree.serverNode(id)?.description?.toString() ?? '') ? true : undefined));

    const finished = await eventually('the session to finish', () => {
      const session = api.store.find(id, sessionId);
      return session?.state === 'finished' ? session : undefined;
    });
    assert.strictEqual(finished.result, 'warning');
    // This server only: another configured server on the same simulator lists the session too and may not have
    // polled since it finished.
    assert.ok(!api.monitor.running().some((r) => r.serverId === id && r.session.id === sessionId), 'a finished session still counts as running');
  });

  test('a server whose first load failed recovers by itself and says when it retries', async function () {
    this.timeout(90_000);
    const simulator = requireSimulator(this);
    const id = serverId as string;
    // Down first: a poll racing the reset then fails too, rather than loading the list before the test does.
    await control(simulator, 'POST', '/down?ms=4000');
    await collapsedAndForgotten(api, id);
    await api.store.ensureLoaded(id);
    const failed = api.store.status(id);
    assert.strictEqual(failed.kind, 'error', `the first load did not fail (status ${failed.kind})`);
    assert.ok(failed.kind === 'error' && failed.retryAt !== undefined, 'no automatic retry is planned');
    await eventually('the server node to say it retries', () => (api.tree.serverNode(id)?.description?.toString().includes('retrying') ? true : undefined));

    await eventually('the server to load its list without any user action', () => (api.store.isLoaded(id) && api.store.status(id).kind === 'ready' ? true : undefined));
    await eventually('the node to stop saying it retries', () => (api.tree.serverNode(id)?.description?.toString().includes('retrying') ? undefined : true));
  });
});
