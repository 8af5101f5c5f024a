import * as vscode from 'vscode';
import { registerAddServer } from './vscode/commands/addServer';
import type { CommandContext } from './vscode/commands/commandContext';
import { registerCopySessionDetails } from './vscode/commands/copySessionDetails';
import { registerEditServer } from './vscode/commands/editServer';
import { registerExportLog } from './vscode/export/exportLog';
import { registerExportSessions } from './vscode/export/exportSessions';
import { registerFilter } from './vscode/commands/filter';
import { registerOpenSessionById } from './vscode/commands/openSessionById';
import { registerOpenSessionNode } from './vscode/commands/openSessionNode';
import { registerStopSession } from './vscode/commands/stopSession';
import { registerOpenLogAsText } from './vscode/commands/openLogAsText';
import { LogDocumentProvider } from './vscode/logDocuments/logDocumentProvider';
import { SessionLogSource } from './vscode/logs/sessionLogSource';
import { registerRefresh } from './vscode/commands/refresh';
import { registerRemoveServer } from './vscode/commands/removeServer';
import { registerRenameServer } from './vscode/commands/renameServer';
import { registerShowLog } from './vscode/commands/showLog';
import { registerShowRunning } from './vscode/commands/showRunning';
import { registerSignInOut } from './vscode/commands/signInOut';
import type { VeeamRestoreSessionsApi } from './vscode/extensionApi';
import { RecentServersMemento } from './vscode/lookup/recentServersMemento';
import { CompletionNotifier } from './vscode/monitor/completionNotifier';
import { RunningStatusBar } from './vscode/monitor/runningStatusBar';
import { SessionMonitor } from './vscode/monitor/sessionMonitor';
import { SessionPanelManager } from './vscode/panel/sessionPanelManager';
import { RawDocumentProvider } from './vscode/rawDocuments/rawDocumentProvider';
import { ServerRegistry } from './vscode/serverRegistry';
import { importBootstrapServers } from './vscode/servers/bootstrapImport';
import { SessionListStore } from './vscode/sessions/sessionListStore';
import { completionNotificationSetting, pageSize, pollIntervals, sessionScope } from './vscode/settings';
import { RestoreSessionTreeProvider } from './vscode/tree/restoreSessionTreeProvider';
import { RestoreActivity } from './vscode/timeline/restoreActivity';
import { registerShowActivity } from './vscode/timeline/showActivity';

export type { VeeamRestoreSessionsApi } from './vscode/extensionApi';

/** esbuild's `define`: true in the development bundle, false in the production bundle (the .vsix); absent under tsc. */
declare const VEEAM_TEST_BUILD: boolean | undefined;

/**
 * Wires the parts together; the parts own their behaviour. Everything is disposed through context.subscriptions.
 * Exports nothing to other extensions: the live parts reach the stored passwords (see extensionApi.ts).
 */
export async function activate(context: vscode.ExtensionContext): Promise<VeeamRestoreSessionsApi | undefined> {
  const own = <T extends vscode.Disposable>(value: T): T => {
    context.subscriptions.push(value);
    return value;
  };
  const log = own(vscode.window.createOutputChannel('Veeam Restore Sessions', { log: true }));

  const registry = own(
    new ServerRegistry(context.secrets, log, (server) =>
      vscode.window.showInputBox({
        title: vscode.l10n.t('Sign In to {0}', server.name),
        prompt: vscode.l10n.t('Password of {0} on {1}', server.username, server.url),
        password: true,
        ignoreFocusOut: true,
      }),
    ),
  );
  const updateHasServers = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', 'veeamRestoreSessions.hasServers', registry.list().length > 0);
  own(registry.onDidChangeServers(() => void updateHasServers()));
  await importBootstrapServers(registry, log);
  await updateHasServers();

  const store = own(new SessionListStore(registry, log, pageSize, sessionScope));
  const tree = own(new RestoreSessionTreeProvider(registry, store));
  const treeView = own(vscode.window.createTreeView('veeamRestoreSessions.sessions', { treeDataProvider: tree, showCollapseAll: true }));
  const activity = own(new RestoreActivity(context.extensionUri, { registry, store, log }));
  const notifier = own(new CompletionNotifier(completionNotificationSetting, (id) => registry.get(id)?.name));
  const monitor = own(
    new SessionMonitor({
      registry,
      store,
      log,
      intervals: pollIntervals,
      // Restore Activity shows the same lists: on screen, they stay as fresh as the tree's.
      isTreeVisible: () => treeView.visible || activity.visible,
      onObserved: (update) => notifier.observe(update),
      onWatched: (ref) => notifier.markOpened(ref),
    }),
  );
  own(treeView.onDidChangeVisibility(() => monitor.reschedule()));
  own(activity.onDidChangeVisibility(() => monitor.reschedule()));
  own(
    new RunningStatusBar(monitor, (count) => {
      treeView.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} restore sessions running', count) } : undefined;
    }),
  );

  const raw = own(new RawDocumentProvider(registry, log, (ref) => monitor.lastKnown(ref)?.name));
  // Before the panels and log documents subscribe to the monitor (its listener starts a new generation of a log first).
  const sessionLogs = own(new SessionLogSource(registry, monitor));
  const logs = own(new LogDocumentProvider(registry, monitor, sessionLogs, log, (ref) => monitor.lastKnown(ref)?.name));
  const panels = own(
    SessionPanelManager.register(context.extensionUri, {
      registry,
      monitor,
      logs: sessionLogs,
      log,
      openRaw: (ref, format) => raw.open(ref, format),
      openRawHref: (serverId, href, format) => raw.openHref(serverId, href, format),
    }),
  );

  const commands: CommandContext = {
    registry,
    store,
    tree,
    treeView,
    monitor,
    notifier,
    recent: new RecentServersMemento(context.globalState),
    log,
    logs: sessionLogs,
    openPanel: (ref, initial) => panels.open(ref, initial),
    openRaw: (ref, format) => raw.open(ref, format),
    openLog: (ref) => logs.show(ref),
  };
  for (const d of [
    registerAddServer(commands),
    registerEditServer(commands),
    registerRenameServer(commands),
    registerRemoveServer(commands),
    ...registerSignInOut(commands),
    ...registerRefresh(commands),
    ...registerFilter(commands),
    registerOpenSessionById(commands),
    ...registerOpenSessionNode(commands),
    ...registerStopSession(commands),
    ...registerOpenLogAsText(commands),
    ...registerCopySessionDetails(commands),
    registerShowRunning(commands),
    registerShowLog(commands),
    ...registerExportSessions(commands),
    registerExportLog(commands, () => panels.openPanels.find((p) => p.panel.active)?.ref),
    ...registerShowActivity(activity),
  ]) {
    own(d);
  }

  // Both locks: the production bundle drops this branch entirely, and only a test runner starts us in Test mode.
  if (typeof VEEAM_TEST_BUILD !== 'undefined' && VEEAM_TEST_BUILD && context.extensionMode === vscode.ExtensionMode.Test) {
    return { registry, store, tree, treeView, monitor, notifier, panels, activity, storage: { globalState: context.globalState, workspaceState: context.workspaceState } };
  }
  return undefined;
}

export function deactivate(): void {}
