import * as vscode from 'vscode';
import { isTimelinePageMessage, TIMELINE_VIEW_TYPE, type TimelineHostMessage, type TimelinePageMessage } from '../../shared/timelineProtocol';
import { Disposable, toDisposable } from '../lifecycle';
import { createCspNonce } from '../panel/cspNonce';
import { sessionTooltipRows } from '../presentation/sessionPresentation';
import type { ServerRegistry } from '../serverRegistry';
import type { SessionListStore } from '../sessions/sessionListStore';
import { stripBidiControls } from '../../core/text/bidiControls';
import { timelineData } from './timelineData';
import { saveTimelinePicture } from './timelineExport';
import { buildTimelineHtml } from './timelineHtml';

/** Store changes arrive in bursts (one per server per poll): the page gets one update per burst. */
const UPDATE_DELAY_MS = 250;

export interface RestoreActivityDependencies {
  registry: Pick<ServerRegistry, 'list' | 'get' | 'isSignedOut' | 'hasStoredPassword' | 'onDidChangeServers'>;
  store: SessionListStore;
  log: vscode.LogOutputChannel;
}

let timeFormat: Intl.DateTimeFormat | undefined;

function formatTime(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return timeFormat.format(new Date(iso));
}

/**
 * The Restore Activity panel: one webview showing the loaded sessions on a timeline. It asks for nothing by itself
 * beyond first pages the tree would load too: running bars move because the monitor refreshes the store (which
 * it does while sessions run, and while this panel is on screen, like the tree), and the page draws them to "now".
 */
export class RestoreActivity extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private scope: string | undefined;
  private pageReady = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly _onDidChangeVisibility = this._register(new vscode.EventEmitter<void>());
  /** The panel appeared, hid or closed (the monitor keeps visible lists fresh). */
  readonly onDidChangeVisibility = this._onDidChangeVisibility.event;
  private readonly _onDidPost = this._register(new vscode.EventEmitter<TimelineHostMessage>());
  /** Every message sent to the page (tests). */
  readonly onDidPost = this._onDidPost.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: RestoreActivityDependencies,
  ) {
    super();
    this._register(deps.store.onDidChange(() => this.scheduleUpdate()));
    this._register(deps.registry.onDidChangeServers(() => this.scheduleUpdate()));
    this._register(toDisposable(() => clearTimeout(this.timer)));
    this._register(toDisposable(() => this.closePanel()));
    this._register(
      vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
        // After a reload: all servers again (the scope is a choice of the moment, not a setting).
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => this.adopt(panel, undefined),
      }),
    );
  }

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  /** Opens (or reveals) the panel for one server, or for all when `serverId` is undefined. */
  show(serverId?: string): void {
    if (this.panel) {
      this.scope = serverId;
      this.panel.reveal();
      this.update();
      this.loadFresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, vscode.l10n.t('Restore Activity'), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, this.options());
    this.adopt(panel, serverId);
  }

  private adopt(panel: vscode.WebviewPanel, serverId: string | undefined): void {
    this.closePanel();
    this.panel = panel;
    this.scope = serverId;
    this.pageReady = false;
    panel.title = vscode.l10n.t('Restore Activity');
    panel.webview.options = this.options();
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isTimelinePageMessage(m)) void this.onMessage(m);
      }),
      panel.onDidChangeViewState(() => {
        // A hidden webview drops its page; it says `ready` again when shown.
        if (!panel.visible) this.pageReady = false;
        this._onDidChangeVisibility.fire();
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.disposePanelListeners();
        this._onDidChangeVisibility.fire();
      }),
    ];
    panel.webview.html = this.renderShell(panel.webview);
    this._onDidChangeVisibility.fire();
    this.loadFresh();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  /**
   * Opening (or revealing) the panel asks each server in scope for its first page now: with nothing running, the
   * monitor refreshes a visible list only every 30–60 s, and a restore started a moment ago belongs on the picture
   * the user just asked for. One list request per server (shared with any under way); a server the tree has not
   * opened is loaded only when a password is stored (never a prompt unasked); a failure shows as the server's status.
   */
  private loadFresh(): void {
    const { registry, store } = this.deps;
    for (const server of registry.list()) {
      if ((this.scope !== undefined && server.id !== this.scope) || registry.isSignedOut(server.id)) continue;
      if (store.isLoaded(server.id)) {
        void store.refresh(server.id).catch(() => undefined);
        continue;
      }
      void Promise.resolve(registry.hasStoredPassword(server.id)).then((stored) => {
        if (stored) void store.ensureLoaded(server.id);
      });
    }
  }

  private scheduleUpdate(): void {
    if (!this.panel || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DELAY_MS);
  }

  private update(): void {
    if (!this.pageReady) return;
    this.post({ type: 'data', data: timelineData(this.deps.registry, this.deps.store, this.scope, vscode.l10n.t) });
  }

  private post(message: TimelineHostMessage): void {
    if (!this.panel || !this.pageReady) return;
    void this.panel.webview.postMessage(message);
    this._onDidPost.fire(message);
  }

  private async onMessage(message: TimelinePageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        this.update();
        return;
      case 'open':
        await vscode.commands.executeCommand('veeamRestoreSessions.open', { serverId: message.serverId, sessionId: message.sessionId });
        return;
      case 'tooltip': {
        const session = this.deps.store.find(message.serverId, message.sessionId);
        if (!session) return;
        this.post({
          type: 'tooltip',
          requestId: message.requestId,
          title: stripBidiControls(session.name),
          lines: sessionTooltipRows(session, Date.now(), vscode.l10n.t, formatTime),
        });
        return;
      }
      case 'export':
        try {
          const saved = await saveTimelinePicture(message.format, message.data);
          this.post({ type: 'reply', requestId: message.requestId, ok: saved });
        } catch (e) {
          const text = e instanceof Error ? e.message : String(e);
          this.deps.log.warn(`Restore Activity export: ${text}`);
          void vscode.window.showErrorMessage(text);
          this.post({ type: 'reply', requestId: message.requestId, ok: false, message: text });
        }
        return;
      case 'filter':
        await vscode.commands.executeCommand('veeamRestoreSessions.filter');
        return;
      case 'clearFilter':
        await vscode.commands.executeCommand('veeamRestoreSessions.clearFilter');
        return;
    }
  }

  private renderShell(webview: vscode.Webview): string {
    return buildTimelineHtml({
      cspSource: webview.cspSource,
      nonce: createCspNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline.css')).toString(),
    });
  }

  private closePanel(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.disposePanelListeners();
    panel?.dispose();
  }

  private disposePanelListeners(): void {
    for (const d of this.panelDisposables.splice(0)) d.dispose();
  }
}
