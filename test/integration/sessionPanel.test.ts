import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSession } from '../../src/core/model/restoreSession';
import { SESSION_PANEL_VIEW_TYPE } from '../../src/shared/sessionPanelProtocol';
import type { VeeamRestoreSessionsApi } from '../../src/vscode/extensionApi';
import type { SessionRef } from '../../src/vscode/sessionRef';
import { simulatorFromEnvironment, type SimulatorConnection } from '../harness/simulatorConnection';
import { activatedExtension } from './extensionUnderTest';
import { requireSimulator } from './veeamApi';

/** Asks the simulator's control endpoint for a new running restore session; resolves with its id. */
async function startRunningSession(simulator: SimulatorConnection, api: 'em' | 'vb365', name: string): Promise<string> {
  const url = new URL('/sessions', simulator.controlUrl);
  url.searchParams.set('api', api);
  url.searchParams.set('name', name);
  const response = await fetch(url, { method: 'POST' });
  assert.strictEqual(response.status, 201, `simulator control POST /sessions answered ${response.status}`);
  const body = (await response.json()) as { id?: unknown };
  assert.strictEqual(typeof body.id, 'string');
  return body.id as string;
}

/** Editor tabs showing session panels with this title (webview tabs report the viewType with a prefix). */
function sessionPanelTabs(title: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(SESSION_PANEL_VIEW_TYPE) && t.label === title);
}

/** Resolves once exactly `count` session tabs carry `title`: the tab model follows panel changes asynchronously. */
function sessionTabsSettled(title: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      if (sessionPanelTabs(title).length !== count) return false;
      subscription?.dispose();
      resolve();
      return true;
    };
    let subscription: vscode.Disposable | undefined;
    if (!check()) subscription = vscode.window.tabGroups.onDidChangeTabs(() => void check());
  });
}

/** Resolves once the panel's `active` flag equals `active` (VS Code reports view-state changes asynchronously). */
function panelActivity(panel: vscode.WebviewPanel, active: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (panel.active === active) return resolve();
    const subscription = panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active !== active) return;
      subscription.dispose();
      resolve();
    });
  });
}

function openSession(reference: string, serverId: string): Thenable<SessionRef | undefined> {
  return vscode.commands.executeCommand<SessionRef | undefined>('veeamRestoreSessions.openSession', { reference, serverId });
}

suite('session panel in a real VS Code', () => {
  let api: VeeamRestoreSessionsApi;
  let simulator: SimulatorConnection;
  const serverIds: Partial<Record<'em' | 'vb365', string>> = {};

  suiteSetup(async function () {
    simulator = requireSimulator(this);
    api = (await activatedExtension()).exports as VeeamRestoreSessionsApi;
    assert.ok(api?.panels, 'the extension API exposes the session panels');
    for (const server of api.registry.list()) {
      if (server.kind === 'em' && server.url === simulator.emUrl) serverIds.em = server.id;
      if (server.kind === 'vb365' && server.url === simulator.vb365Url) serverIds.vb365 = server.id;
    }
    if (!serverIds.em || !serverIds.vb365) {
      console.log('    (skipped: the simulator servers were not imported from the bootstrap file)');
      this.skip();
    }
  });

  teardown(async () => {
    for (const panel of api?.panels.openPanels ?? []) panel.dispose();
  });

  test('opening a session by ID shows one panel titled with its name; opening it again reveals that panel', async () => {
    const name = `panel-test-${Date.now()}`;
    const id = await startRunningSession(simulator, 'em', name);
    const ref = await openSession(id, serverIds.em!);
    assert.deepStrictEqual(ref, { serverId: serverIds.em, sessionId: id });

    const panel = api.panels.get(ref!);
    assert.ok(panel, 'a panel is open for the session');
    assert.strictEqual(panel.panel.title, name);
    assert.strictEqual(panel.panel.viewType, SESSION_PANEL_VIEW_TYPE);
    await sessionTabsSettled(name, 1);

    // Move focus elsewhere, then open the same session again.
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await panelActivity(panel.panel, false);
    await openSession(id, serverIds.em!);
    assert.strictEqual(api.panels.get(ref!), panel, 'the same panel object is reused');
    await sessionTabsSettled(name, 1);
    assert.strictEqual(sessionPanelTabs(name).length, 1, 'no second tab for the same session');
    // Resolves only if the existing panel becomes the active editor again (mocha's timeout fails it otherwise).
    await panelActivity(panel.panel, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an EM session without RestoredObjRef shows the platform of its Related VM restore point', async () => {
    const client = await api.registry.getClient(serverIds.em!);
    const rows = (await client.listSessions({ page: 1, pageSize: 100, filter: { states: ['finished'] } })).sessions.filter((s) => s.platform === 'unknown');
    let target: RestoreSession | undefined;
    for (const row of rows) {
      const full = await client.getSession(row.id);
      if (full.links.some((l) => l.rel === 'Related' && /\/vmRestorePoints\//.test(l.href))) {
        target = full;
        break;
      }
    }
    assert.ok(target, `no finished session without RestoredObjRef but with a restore point among ${rows.length}`);
    const ref = { serverId: serverIds.em!, sessionId: target.id };
    const resolved = new Promise<RestoreSession>((resolve) => {
      const subscription = api.panels.onDidUpdatePanel((u) => {
        if (u.ref.sessionId === ref.sessionId && u.session.platform !== 'unknown') {
          subscription.dispose();
          resolve(u.session);
        }
      });
    });
    await openSession(target.id, ref.serverId);
    const session = await resolved;
    assert.ok(['vSphere', 'Hyper-V', 'Cloud Director'].includes(session.platform), session.platform);
    assert.strictEqual(api.panels.get(ref)?.currentSession?.platform, session.platform);
  });

  test('a running session panel receives live updates from the monitor', async () => {
    const name = `panel-live-${Date.now()}`;
    const id = await startRunningSession(simulator, 'em', name);
    const ref = { serverId: serverIds.em!, sessionId: id };
    const updated = new Promise<RestoreSession>((resolve) => {
      const subscription = api.panels.onDidUpdatePanel((u) => {
        if (u.ref.serverId === ref.serverId && u.ref.sessionId === ref.sessionId) {
          subscription.dispose();
          resolve(u.session);
        }
      });
    });
    await openSession(id, ref.serverId);
    const session = await updated;
    assert.strictEqual(session.id, id);
    assert.strictEqual(session.name, name);
    assert.ok(['running', 'stopping', 'finished'].includes(session.state), session.state);
    assert.strictEqual(api.panels.get(ref)?.currentSession?.id, id);
  });

  test('a Microsoft 365 session opens too, and closing a panel forgets it', async () => {
    const name = `panel-m365-${Date.now()}`;
    const id = await startRunningSession(simulator, 'vb365', name);
    const ref = await openSession(id, serverIds.vb365!);
    assert.ok(ref);
    const panel = api.panels.get(ref);
    assert.ok(panel);
    assert.strictEqual(panel.panel.title, name);
    panel.panel.dispose();
    assert.strictEqual(api.panels.get(ref), undefined);
    await sessionTabsSettled(name, 0);
  });
});

suite('raw response documents in a real VS Code', () => {
  let api: VeeamRestoreSessionsApi;
  let emServerId: string;

  suiteSetup(async function () {
    const simulator = simulatorFromEnvironment();
    if (!simulator) this.skip();
    api = (await activatedExtension()).exports as VeeamRestoreSessionsApi;
    const em = api.registry.list().find((s) => s.kind === 'em' && s.url === simulator.emUrl);
    if (!em) this.skip();
    emServerId = em.id;
  });

  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** A finished session: its body no longer changes between two requests. */
  async function finishedSessionId(): Promise<string> {
    const client = await api.registry.getClient(emServerId);
    const page = await client.listSessions({ page: 1, pageSize: 50, filter: { states: ['finished'] } });
    const session = page.sessions[0];
    assert.ok(session, 'the simulator has a finished session');
    return session.id;
  }

  test('"Open Raw Response" shows the body exactly as the server sent it, as XML; the toggle shows JSON', async () => {
    const id = await finishedSessionId();
    await vscode.commands.executeCommand('veeamRestoreSessions.openRawResponse', { serverId: emServerId, sessionId: id }, 'xml');
    const xmlDocument = vscode.window.activeTextEditor?.document;
    assert.ok(xmlDocument);
    assert.strictEqual(xmlDocument.uri.scheme, 'veeam-restore');
    assert.strictEqual(xmlDocument.languageId, 'xml');
    assert.ok(!xmlDocument.uri.toString().includes(api.registry.get(emServerId)!.username), 'no account data in the URI');
    const client = await api.registry.getClient(emServerId);
    const expected = await client.getSession(id, { format: 'xml' });
    assert.strictEqual(xmlDocument.getText(), expected.raw?.text);

    await vscode.commands.executeCommand('veeamRestoreSessions.toggleRawFormat');
    const jsonDocument = vscode.window.activeTextEditor?.document;
    assert.ok(jsonDocument && jsonDocument !== xmlDocument);
    assert.strictEqual(jsonDocument.languageId, 'json');
    const parsed = JSON.parse(jsonDocument.getText()) as Record<string, unknown>;
    const uid = Object.entries(parsed).find(([k]) => k.toLowerCase() === 'uid')?.[1];
    assert.strictEqual(uid, `urn:veeam:RestoreSession:${id}`);
  });

  test('a related href on another port is refused before any request', async () => {
    const server = api.registry.get(emServerId)!;
    const elsewhere = new URL(server.url);
    elsewhere.port = String(Number(elsewhere.port) + 1);
    const uri = vscode.Uri.from({
      scheme: 'veeam-restore',
      path: '/x/resource.xml',
      query: new URLSearchParams({ server: emServerId, format: 'xml', href: `${elsewhere.origin}/api/backupServers` }).toString(),
    });
    await assert.rejects(async () => vscode.workspace.openTextDocument(uri));
  });
});
