import * as vscode from 'vscode';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import { isPossiblyRunning } from '../../core/model/restoreSession';
import { Disposable } from '../lifecycle';
import type { SessionMonitor } from '../monitor/sessionMonitor';
import type { ServerAccess } from '../panel/panelDependencies';
import { errorLogText } from '../panel/panelError';
import type { SessionLogs } from '../logs/sessionLogSource';
import type { SessionRef } from '../sessionRef';
import { logText } from '../../core/text/sessionLogText';

/** URI scheme of session logs opened as text: `veeam-log:/<server>/<session>.veeam-log?server=<id>&session=<id>`. */
export const LOG_SCHEME = 'veeam-log';

/**
 * Session logs as read-only text documents (language `veeam-log`, coloured by its grammar) that a user can search, copy
 * and diff. An open log keeps its session watched, and refreshes on each of the monitor's updates while it runs: no
 * timer of its own.
 */
export class LogDocumentProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;
  /** Open log documents by URI, with the watch that keeps their session polled and the hold on its shared log. */
  private readonly open = new Map<string, { ref: SessionRef; watch: vscode.Disposable; hold: vscode.Disposable; lastState?: string }>();

  constructor(
    private readonly registry: ServerAccess,
    private readonly monitor: SessionMonitor,
    /** Shared with the session panels: an open panel and document of one session cost one read per monitor update. */
    private readonly logs: SessionLogs,
    private readonly log: vscode.LogOutputChannel,
    private readonly sessionName: (ref: SessionRef) => string | undefined,
  ) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)));
    this._register(
      monitor.onDidUpdateSession(({ serverId, session }) => {
        for (const [uri, entry] of this.open) {
          if (entry.ref.serverId !== serverId || entry.ref.sessionId !== session.id) continue;
          // A finished log does not change: only a running session, or the update that ends it, re-reads it.
          const changed = entry.lastState !== session.state;
          entry.lastState = session.state;
          if (changed || isPossiblyRunning(session)) this.changeEmitter.fire(vscode.Uri.parse(uri));
        }
      }),
    );
    this._register({
      dispose: () =>
        this.open.forEach((e) => {
          e.watch.dispose();
          e.hold.dispose();
        }),
    });
  }

  async show(ref: SessionRef): Promise<void> {
    const server = this.registry.get(ref.serverId);
    if (!server) throw new Error(vscode.l10n.t('The server of this session is no longer configured.'));
    const kind = kindDescriptor(server.kind);
    if (!kind.capabilities.log) throw new Error(kind.noLogExplanation ?? vscode.l10n.t('This server publishes no session log.'));
    const name = (this.sessionName(ref) ?? ref.sessionId).replace(/[\\/?#%]/g, '_');
    const uri = vscode.Uri.from({
      scheme: LOG_SCHEME,
      path: `/${server.name.replace(/[\\/?#%]/g, '_')}/${name} (${ref.sessionId.slice(0, 8)}).veeam-log`,
      query: new URLSearchParams({ server: ref.serverId, session: ref.sessionId }).toString(),
    });
    if (!this.open.has(uri.toString())) this.open.set(uri.toString(), { ref, watch: this.monitor.watch(ref), hold: this.logs.hold(ref) });
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = document.languageId === LOG_SCHEME ? document : await vscode.languages.setTextDocumentLanguage(document, LOG_SCHEME);
    await vscode.window.showTextDocument(shown, { preview: false });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const ref = { serverId: params.get('server') ?? '', sessionId: params.get('session') ?? '' };
    const server = this.registry.get(ref.serverId);
    if (!server) return vscode.l10n.t('The server of this log is no longer configured.');
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const events = await this.logs.read(ref, { signal: abort.signal });
      const last = this.monitor.lastKnown(ref);
      const state = last ? `${last.rawState || 'Unknown'}${isPossiblyRunning(last) ? ' — refreshes while it runs' : ''}` : '';
      const header = `# ${this.sessionName(ref) ?? ref.sessionId} · ${server.name} · ${events.length} records${state ? ` · ${state}` : ''}`;
      return logText(header, events);
    } catch (error) {
      this.log.warn(`Log document ${ref.sessionId}: ${errorLogText(error)}`);
      return `${vscode.l10n.t('The log could not be read: {0}', error instanceof Error ? error.message : String(error))}\n`;
    } finally {
      subscription.dispose();
    }
  }

  private closed(uri: vscode.Uri): void {
    if (uri.scheme !== LOG_SCHEME) return;
    const entry = this.open.get(uri.toString());
    entry?.watch.dispose();
    entry?.hold.dispose();
    this.open.delete(uri.toString());
  }
}
