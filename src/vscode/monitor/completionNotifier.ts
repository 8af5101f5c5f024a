import * as vscode from 'vscode';
import { resultLabel } from '../presentation/sessionPresentation';
import type { SessionRef } from '../sessionRef';
import { CompletionTracker, type CompletionNotificationSetting } from './completionTracker';
import type { SessionUpdate } from './sessionMonitor';

/** Shows ONE notification when a session finishes (setting veeamRestoreSessions.notifications.onCompletion). */
export class CompletionNotifier {
  private readonly tracker = new CompletionTracker();

  constructor(
    private readonly setting: () => CompletionNotificationSetting,
    private readonly serverName: (serverId: string) => string | undefined,
  ) {}

  markOpened(ref: SessionRef): void {
    this.tracker.markOpened(`${ref.serverId}/${ref.sessionId}`);
  }

  observe({ serverId, session }: SessionUpdate): void {
    if (!this.tracker.observe(`${serverId}/${session.id}`, session, this.setting())) return;
    const result = resultLabel(session, vscode.l10n.t);
    const message = vscode.l10n.t('Restore session "{0}" on {1} finished: {2}.', session.name, this.serverName(serverId) ?? serverId, result);
    const open = vscode.l10n.t('Open');
    const show =
      session.result === 'failed'
        ? vscode.window.showErrorMessage
        : session.result === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    void show(message, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('veeamRestoreSessions.open', { serverId, sessionId: session.id });
    });
  }
}
