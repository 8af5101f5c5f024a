import * as vscode from 'vscode';
import type { SessionPanel } from './sessionPanel';

/** Context key for the session panel's title menu: whether the active panel's kind has a log (Export Log…). */
export const ACTIVE_PANEL_HAS_LOG = 'veeamRestoreSessions.activePanelHasLog';

/** Keeps the key in step with the panel while it is the active one; `hasLog` asks the kind's capability. */
export function trackActivePanel(sessionPanel: SessionPanel, hasLog: () => boolean): vscode.Disposable {
  const update = (): void => {
    if (sessionPanel.panel.active) void vscode.commands.executeCommand('setContext', ACTIVE_PANEL_HAS_LOG, hasLog());
  };
  update();
  return sessionPanel.panel.onDidChangeViewState(update);
}
