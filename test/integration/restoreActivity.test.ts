import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TimelineHostMessage } from '../../src/shared/timelineProtocol';
import type { VeeamRestoreSessionsApi } from '../../src/vscode/extensionApi';
import { addSimulatorServer, control, eventually, extensionApi, removeServer, requireSimulator } from './veeamApi';
import type { SimulatorConnection } from '../harness/simulatorConnection';

const POLLING = ['polling.runningIntervalSeconds', 'polling.listIntervalSeconds', 'polling.unfocusedIntervalSeconds'];

/**
 * Restore Activity opened after a restore started: the picture shows it at once, not after the monitor's next
 * idle refresh (30–60 s with nothing running; here an hour, so only the panel's own refresh can bring it).
 */
suite('Restore Activity: opening it shows what the server has now', () => {
  let api: VeeamRestoreSessionsApi;
  let simulator: SimulatorConnection;
  let serverId: string | undefined;

  suiteSetup(async function () {
    this.timeout(120_000);
    simulator = requireSimulator(this);
    api = await extensionApi();
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    for (const key of POLLING) await config.update(key, key === 'polling.runningIntervalSeconds' ? 300 : 3600, vscode.ConfigurationTarget.Global);
    serverId = await addSimulatorServer(simulator, 'em', 'Activity EM');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const config = vscode.workspace.getConfiguration('veeamRestoreSessions');
    for (const key of POLLING) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    await removeServer(serverId);
  });

  test('a restore started after the list was loaded is on the first picture the panel gets', async function () {
    this.timeout(90_000);
    const id = serverId as string;
    await api.store.ensureLoaded(id);
    await eventually('the first page', () => api.store.sessions(id));

    const created = (await control(simulator, 'POST', `/sessions?api=em&name=${encodeURIComponent('Activity fresh')}`)) as { id: string };
    const sessionId = created.id.toLowerCase().replace(/^.*:/, '');
    assert.strictEqual(api.store.find(id, sessionId), undefined, 'the loaded list already had the new session: the test proves nothing');

    const posted: TimelineHostMessage[] = [];
    const subscription = api.activity.onDidPost((m) => posted.push(m));
    try {
      await vscode.commands.executeCommand('veeamRestoreSessions.showActivity', { serverId: id });
      await eventually('a picture with the new restore', () =>
        posted.some((m) => m.type === 'data' && m.data.entries.some((e) => e.serverId === id && e.sessionId === sessionId)) ? true : undefined,
      );
    } finally {
      subscription.dispose();
    }
  });
});
