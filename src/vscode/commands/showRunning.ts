import * as vscode from 'vscode';
import { sessionDescription } from '../presentation/sessionPresentation';
import type { CommandContext } from './commandContext';

/** Status bar click: pick one of the running sessions and open it. */
export function registerShowRunning(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.showRunning', async () => {
    const running = ctx.monitor.running();
    if (running.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No restore session is running.'));
      return;
    }
    const now = Date.now();
    const picked = await vscode.window.showQuickPick(
      running.map(({ serverId, session }) => ({
        label: `$(sync~spin) ${session.name}`,
        description: sessionDescription(session, now, vscode.l10n.t),
        detail: ctx.registry.get(serverId)?.name,
        ref: { serverId, sessionId: session.id },
      })),
      { placeHolder: vscode.l10n.t('Running restore sessions'), matchOnDescription: true, matchOnDetail: true },
    );
    if (picked) await vscode.commands.executeCommand('veeamRestoreSessions.open', picked.ref);
  });
}
