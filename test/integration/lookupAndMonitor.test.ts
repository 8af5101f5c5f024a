import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { addSimulatorServer, control, eventually, extensionApi, removeServer, requireSimulator } from './veeamApi';

suite('lookup by ID and live monitoring', () => {
  let emId: string | undefined;
  let api: VeeamRestoreSessionsApi;

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    api = await extensionApi();
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('polling.runningIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    emId = await addSimulatorServer(simulator, 'em', 'Monitor EM');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('polling.runningIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await removeServer(emId);
  });

  test('Open Restore Session finds a session by ID, UID and URL and opens its panel', async function () {
    const simulator = requireSimulator(this);
    const id = emId as string;
    const client = await api.registry.getClient(id);
    const [session] = (await client.listSessions({ page: 1, pageSize: 1 })).sessions;
    assert.ok(session, 'the simulator listed no sessions');

    const byId = await vscode.commands.executeCommand<{ serverId: string; sessionId: string }>('veeamRestoreSessions.openSession', { reference: session.id, serverId: id });
    assert.deepStrictEqual(byId, { serverId: id, sessionId: session.id });
    assert.ok(api.panels.get(byId), 'no panel opened for the session');

    const byUid = await vscode.commands.executeCommand('veeamRestoreSessions.openSession', { reference: `urn:veeam:RestoreSession:${session.id.toUpperCase()}`, serverId: id });
    assert.deepStrictEqual(byUid, byId);

    // A pasted URL picks the server by origin; several configured servers may share it (bootstrap), any is right.
    const byUrl = await vscode.commands.executeCommand<{ serverId: string; sessionId: string } | undefined>('veeamRestoreSessions.openSession', {
      reference: `${simulator.emUrl}/api/restoreSessions/${session.id}?format=Entity`,
    });
    assert.strictEqual(byUrl?.sessionId, session.id);
    assert.strictEqual(api.registry.get(byUrl.serverId)?.kind, 'em');

    await assert.rejects(async () => vscode.commands.executeCommand('veeamRestoreSessions.openSession', { reference: 'not-an-id', serverId: id }), /not a restore session ID/);
    await assert.rejects(
      async () => vscode.commands.executeCommand('veeamRestoreSessions.openSession', { reference: '00000000-0000-4000-8000-000000000000', serverId: id }),
      /not found/i,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Open Restore Session names what a pasted URL of a job or a backup server points at', async function () {
    const simulator = requireSimulator(this);
    for (const resource of ['jobs', 'backupServers']) {
      await assert.rejects(
        async () => vscode.commands.executeCommand('veeamRestoreSessions.openSession', { reference: `${simulator.emUrl}/api/${resource}/4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11` }),
        (e: unknown) => e instanceof Error && e.message.includes(`points at Enterprise Manager "${resource}", not at a restore session.`),
      );
    }
  });

  test('a watched running session gets progress updates and counts as running', async function () {
    this.timeout(90_000);
    const simulator = requireSimulator(this);
    const id = emId as string;
    const created = (await control(simulator, 'POST', '/sessions?api=em&name=Integration%20watch')) as { id: string };
    const ref = { serverId: id, sessionId: created.id.toLowerCase().replace(/^.*:/, '') };
    const updates: RestoreSessionSummary[] = [];
    const subscription = api.monitor.onDidUpdateSession((u) => {
      if (u.serverId === ref.serverId && u.session.id === ref.sessionId) updates.push(u.session);
    });
    const watch = api.monitor.watch(ref);
    try {
      const firstProgress = await eventually('a first update of the watched session', () => updates.find((s) => s.progress !== undefined)?.progress);
      await eventually('progress to advance', () => (updates.some((s) => (s.progress ?? -1) > firstProgress || s.state === 'finished') ? true : undefined));
      const latest = updates[updates.length - 1];
      if (latest.state === 'running') {
        assert.ok(api.monitor.running().some((r) => r.session.id === ref.sessionId), 'a running watched session is not counted as running');
      }
    } finally {
      watch.dispose();
      subscription.dispose();
    }
  });

  test('a server that goes down only changes its node state, then recovers by itself', async function () {
    this.timeout(90_000);
    const simulator = requireSimulator(this);
    const id = emId as string;
    const created = (await control(simulator, 'POST', '/sessions?api=em&name=Integration%20outage')) as { id: string };
    const ref = { serverId: id, sessionId: created.id.toLowerCase().replace(/^.*:/, '') };
    let seen = 0;
    const subscription = api.monitor.onDidUpdateSession((u) => {
      if (u.session.id === ref.sessionId) seen += 1;
    });
    const watch = api.monitor.watch(ref);
    try {
      await eventually('the watched session to be polled', () => (seen > 0 ? true : undefined));
      await control(simulator, 'POST', '/down?ms=4000');
      const failure = await eventually('the server to show an error state', () => {
        const status = api.store.status(id);
        return status.kind === 'error' ? status : undefined;
      });
      assert.ok(failure.message.length > 0, 'the error state has no reason for the tooltip');
      const seenBeforeRecovery = seen;
      await eventually('the server to recover without any user action', () => (api.store.status(id).kind !== 'error' ? true : undefined));
      await eventually('updates to resume', () => (seen > seenBeforeRecovery ? true : undefined));
    } finally {
      watch.dispose();
      subscription.dispose();
    }
  });
});
