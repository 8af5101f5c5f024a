import * as vscode from 'vscode';
import { LOG_COLUMNS, logRow, logText } from '../../core/export/logRows';
import { isVeeamError } from '../../core/errors';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { RestoreSessionEvent } from '../../core/model/restoreSession';
import { isPlainArgument, sessionRefOf } from '../commands/commandArguments';
import type { CommandContext } from '../commands/commandContext';
import type { SessionRef } from '../sessionRef';
import { loadProtocol } from '../protocolLoader';
import { exportTarget, writeExport } from './exportTarget';

export type LogExportFormat = 'csv' | 'text';

export interface LogExportResult {
  uri: string;
  count: number;
}

/**
 * Export Log…: a session's log (the kind's `log` capability) to CSV or text, for a session row, the active session
 * panel, or `{ serverId, sessionId, format, uri }` without dialogs.
 */
export function registerExportLog(ctx: CommandContext, activePanelSession: () => SessionRef | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.exportLog', (arg?: unknown) => exportLog(ctx, arg, activePanelSession));
}

async function exportLog(ctx: CommandContext, arg: unknown, activePanelSession: () => SessionRef | undefined): Promise<LogExportResult | undefined> {
  const options = isPlainArgument(arg) ? arg : {};
  const ref = sessionRefOf(arg) ?? activePanelSession();
  if (!ref) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a restore session (or right-click one in the tree) to export its log.'));
    return undefined;
  }
  const server = ctx.registry.get(ref.serverId);
  if (!server) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The server of this restore session is no longer configured.'));
    return undefined;
  }
  const kind = kindDescriptor(server.kind);
  // The menus hide the command for these; a script or keybinding may still call it.
  if (!kind.capabilities.log) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} publishes no log for restore sessions: the Raw tab shows everything the server says about one.', kind.productName));
    return undefined;
  }
  const format = options.format === 'csv' || options.format === 'text' ? options.format : await pickFormat();
  if (!format) return undefined;

  const events = await readLog(ctx, ref, server.name);
  if (!events) return undefined;
  const uri = await exportTarget(options.uri, `restore-session-${ref.sessionId.slice(0, 8)}-log.${format === 'csv' ? 'csv' : 'log'}`, format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('Text')]: ['log', 'txt'] });
  if (!uri) return undefined;
  const text = format === 'csv' ? (await loadProtocol()).csvText(LOG_COLUMNS, events.map(logRow)) : logText(events);
  await writeExport(uri, text, vscode.l10n.t('Exported {0} log records to {1}.', events.length, uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  return { uri: uri.toString(), count: events.length };
}

async function readLog(ctx: CommandContext, ref: SessionRef, serverName: string): Promise<readonly RestoreSessionEvent[] | undefined> {
  const controller = new AbortController();
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the session log from {0}', serverName), cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        // Fresh, but from what an open panel or log document read already (where the API can re-read only the tail).
        return ctx.logs.read(ref, { fresh: true, signal: controller.signal });
      },
    );
  } catch (e) {
    if (controller.signal.aborted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled: nothing was written.'));
      return undefined;
    }
    const reason = isVeeamError(e) || e instanceof Error ? e.message : String(e);
    ctx.log.warn(`Export Log: reading the log of ${ref.sessionId} failed: ${reason}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the session log: {0}', reason));
    return undefined;
  }
}

async function pickFormat(): Promise<LogExportFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: LogExportFormat }> = [
    { label: 'CSV', description: vscode.l10n.t('one row per log record'), format: 'csv' },
    { label: vscode.l10n.t('Text'), description: vscode.l10n.t('one line per record, its message indented under it'), format: 'text' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Session Log'), placeHolder: vscode.l10n.t('File format') });
  return picked?.format;
}
