import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { control, eventually, extensionApi, requireSimulator } from './veeamApi';

/** Requests for a session's Microsoft 365 events the simulator received so far (any page). */
async function eventRequests(simulator: Parameters<typeof control>[0], sessionId: string): Promise<number> {
  const counts = (await control(simulator, 'GET', '/requests')) as { byRoute: Record<string, number> };
  const needle = `/restoresessions/${sessionId}/events`;
  return Object.entries(counts.byRoute)
    .filter(([route]) => route.toLowerCase().includes(needle))
    .reduce((sum, [, n]) => sum + n, 0);
}

suite('live log: a running session with its panel and its log document open', () => {
  let api: VeeamRestoreSessionsApi;
  let serverId: string | undefined;

  suiteSetup(async function () {
    const simulator = requireSimulator(this);
    api = await extensionApi();
    serverId = api.registry.list().find((s) => s.kind === 'vb365' && s.url === simulator.vb365Url)?.id;
    if (!serverId) {
      console.log('    (skipped: the simulator servers were not imported from the bootstrap file)');
      this.skip();
    }
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('polling.runningIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('polling.runningIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  test('costs at most one log read per monitor update (plus the first), not one per reader', async function () {
    this.timeout(90_000);
    const simulator = requireSimulator(this);
    const { id } = (await control(simulator, 'POST', '/sessions?api=vb365&name=Integration%20live%20log&durationSeconds=600')) as { id: string };
    const ref = { serverId: serverId as string, sessionId: id.toLowerCase() };
    let updates = 0;
    const subscription = api.monitor.onDidUpdateSession((u) => {
      if (u.serverId === ref.serverId && u.session.id === ref.sessionId) updates++;
    });
    try {
      await vscode.commands.executeCommand('veeamRestoreSessions.openSession', { reference: ref.sessionId, serverId: ref.serverId });
      await vscode.commands.executeCommand('veeamRestoreSessions.openLogAsText', ref);
      await eventually('the log document', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'veeam-log' ? true : undefined));
      // More updates than the panel's own re-read interval spans (10 s at one update a second): the panel reads the log
      // again on one of them, and must share that read with the log document's.
      await eventually('thirteen monitor updates of the session', () => (updates >= 13 ? true : undefined));
      // Requests first, then updates: every read counted was caused by an update counted (or is the first read).
      const requests = await eventRequests(simulator, ref.sessionId);
      const seen = updates;
      console.log(`    (${requests} events requests for ${seen} monitor updates)`);
      assert.ok(requests >= 1, 'the log was read');
      assert.ok(requests <= seen + 1, `${requests} event requests for ${seen} monitor updates, with a panel and a log document open`);
    } finally {
      subscription.dispose();
      for (const panel of api.panels.openPanels) panel.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
