import * as vscode from 'vscode';
import { resultText } from '../../shared/sessionLabels';
import type { SessionRef } from '../sessionRef';
import { CompletionTracker, type CompletionNotificationSetting } from './completionTracker';
import type { SessionUpdate } from './sessionMonitor';

/** Shows ONE notification when a session finishes (setting veeamRestoreSessions.notifications.onCompletion). */
export class CompletionNotifier implements vscode.Disposable {
  private readonly tracker = new CompletionTracker();
  private readonly notifyEmitter = new vscode.EventEmitter<SessionUpdate>();
  /** Fires once per notification shown (tests count them: no duplicates, none missing). */
  readonly onDidNotify: vscode.Event<SessionUpdate> = this.notifyEmitter.event;

  constructor(
    private readonly setting: () => CompletionNotificationSetting,
    private readonly serverName: (serverId: string) => string | undefined,
  ) {}

  markOpened(ref: SessionRef): void {
    this.tracker.markOpened(`${ref.serverId}/${ref.sessionId}`);
  }

  observe({ serverId, session }: SessionUpdate): void {
    if (!this.tracker.observe(`${serverId}/${session.id}`, session, this.setting)) return;
    const result = resultText(session, vscode.l10n.t);
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
    this.notifyEmitter.fire({ serverId, session });
  }

  dispose(): void {
    this.notifyEmitter.dispose();
  }
}
