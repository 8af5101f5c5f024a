import * as vscode from 'vscode';
import type { RestoreSession, RestoreSessionSummary } from '../../core/model/restoreSession';
import { isPanelPersistedState, SESSION_PANEL_VIEW_TYPE } from '../../shared/sessionPanelProtocol';
import { Disposable } from '../lifecycle';
import type { SessionRef } from '../sessionRef';
import { trackActivePanel } from './activePanelContext';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { PanelDependencies } from './panelDependencies';
import { SessionPanel, sessionPanelKey, sessionPanelOptions } from './sessionPanel';

export type { PanelDependencies } from './panelDependencies';

/** One webview panel per restore session (key: serverId/sessionId); opening an open session reveals its panel. */
export class SessionPanelManager extends Disposable {
  private readonly panels = new Map<string, SessionPanel>();
  private readonly updateEmitter = this._register(new vscode.EventEmitter<{ ref: SessionRef; session: RestoreSession }>());
  /** Fires when an open panel applied a monitor update (tests and status use it; the page got it as a message). */
  readonly onDidUpdatePanel = this.updateEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: PanelDependencies,
  ) {
    super();
  }

  /** Creates the manager and registers the serializer that brings panels back after a window reload. */
  static register(extensionUri: vscode.Uri, deps: PanelDependencies): SessionPanelManager {
    const manager = new SessionPanelManager(extensionUri, deps);
    manager._register(
      vscode.window.registerWebviewPanelSerializer(SESSION_PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => manager.restore(panel, state),
      }),
    );
    return manager;
  }

  async open(ref: SessionRef, initial?: RestoreSessionSummary): Promise<void> {
    const existing = this.panels.get(sessionPanelKey(ref));
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SESSION_PANEL_VIEW_TYPE,
      vscode.l10n.t('Restore session'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      sessionPanelOptions(this.extensionUri),
    );
    this.adopt(new SessionPanel(panel, { serverId: ref.serverId, sessionId: ref.sessionId }, this.extensionUri, this.deps, initial));
  }

  /** The open panel of a session, if any. */
  get(ref: SessionRef): SessionPanel | undefined {
    return this.panels.get(sessionPanelKey(ref));
  }

  get openPanels(): readonly SessionPanel[] {
    return [...this.panels.values()];
  }

  override dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
    super.dispose();
  }

  /** After a reload VS Code hands back the panel with the page's last state: ids and UI choices, never data. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPanelPersistedState(state) || this.panels.has(sessionPanelKey(state))) {
      panel.dispose();
      return;
    }
    const ref = { serverId: state.serverId, sessionId: state.sessionId };
    this.adopt(new SessionPanel(panel, ref, this.extensionUri, this.deps, undefined, state.ui.rawFormat));
  }

  private adopt(sessionPanel: SessionPanel): void {
    const key = sessionPanelKey(sessionPanel.ref);
    this.panels.set(key, sessionPanel);
    sessionPanel.onDidApplyUpdate((session) => this.updateEmitter.fire({ ref: sessionPanel.ref, session: { ...session } }));
    const tracking = trackActivePanel(sessionPanel, () => {
      const config = this.deps.registry.get(sessionPanel.ref.serverId);
      return config !== undefined && kindDescriptor(config.kind).capabilities.log;
    });
    sessionPanel.onDidDispose(() => {
      tracking.dispose();
      if (this.panels.get(key) === sessionPanel) this.panels.delete(key);
    });
  }
}
