import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { SessionMonitor } from './sessionMonitor';

/** "$(sync~spin) 2 running" while sessions run; hidden otherwise. Click → pick one and open it. */
export class RunningStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('veeamRestoreSessions.running', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly monitor: Pick<SessionMonitor, 'running' | 'onDidChangeRunning'>,
    private readonly onCount: (count: number) => void,
  ) {
    super();
    this.item.name = vscode.l10n.t('Veeam Restore Sessions');
    this.item.command = 'veeamRestoreSessions.showRunning';
    this._register(monitor.onDidChangeRunning(() => this.update()));
    this.update();
  }

  update(): void {
    const count = this.monitor.running().length;
    this.onCount(count);
    if (count === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${vscode.l10n.t('{0} running', count)}`;
    this.item.tooltip = vscode.l10n.t('{0} Veeam restore sessions running. Click to open one.', count);
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0} Veeam restore sessions running', count) };
    this.item.show();
  }
}
