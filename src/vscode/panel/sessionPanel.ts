import * as vscode from 'vscode';
import type { BodyFormat, Platform, RawBody, RestoreSession, RestoreSessionEvent, RestoreSessionSummary, TaskSession } from '../../core/model/restoreSession';
import { VeeamError } from '../../core/errors';
import { isFullSession, isRunning, withListRow } from '../../core/model/restoreSession';
import { stripBidiControls } from '../../core/text/bidiControls';
import {
  isPageMessage,
  type HostMessage,
  type PageRequest,
  type PanelContext,
  type PanelError,
  type PanelSession,
} from '../../shared/sessionPanelProtocol';
import { Disposable, toDisposable } from '../lifecycle';
import type { SessionRef } from '../sessionRef';
import { createCspNonce } from './cspNonce';
import type { PanelDependencies } from './panelDependencies';
import { errorLogText, toPanelError } from './panelError';
import { isHrefOfServer } from './relatedHref';
import { buildSessionPanelHtml } from './sessionPanelHtml';
import { kindDescriptor, servesSeveralFormats } from '../../core/kinds/serverKinds';

/** VB365 events are re-read on monitor updates at most this often (they are a second request per poll). */
const EVENTS_REFRESH_MS = 10_000;

export function sessionPanelKey(ref: SessionRef): string {
  return `${ref.serverId}/${ref.sessionId}`;
}

/** Webview options of the session page: scripts on, command URIs off, local files only from dist/webview and media. */
export function sessionPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One restore session in a webview panel. The host owns the data (session, raw body, events, error) and sends
 * all of it whenever the page says `ready` (first load, re-show after hide, reload), then only changes.
 */
export class SessionPanel extends Disposable {
  private readonly disposeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly updateEmitter = this._register(new vscode.EventEmitter<PanelSession>());
  /** Fires after a monitor update (or the platform read from the restore point) was applied and sent to the page. */
  readonly onDidApplyUpdate = this.updateEmitter.event;

  private pageReady = false;
  private session: PanelSession | undefined;
  private raw: RawBody | undefined;
  private rawFormat: BodyFormat = 'xml';
  private events: readonly RestoreSessionEvent[] | undefined;
  private eventsError: PanelError | undefined;
  private eventsFetchedAt = 0;
  private taskSessions: TaskSession[] | undefined;
  private error: PanelError | undefined;
  private loading: AbortController | undefined;
  /** EM: the platform read from the session's VM restore point (asked once per panel; the client caches per point). */
  private platform: Platform | undefined;
  private platformAsked = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: SessionRef,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: PanelDependencies,
    /** What is known already: a list row gives the title, a fetched session the whole page until the fetch returns. */
    initial?: RestoreSessionSummary,
    /** EM representation to fetch first (restored from the page's state after a reload). */
    rawFormat?: BodyFormat,
  ) {
    super();
    if (rawFormat) this.rawFormat = rawFormat;
    if (initial && isFullSession(initial)) this.session = withoutRaw(initial);
    this.panel.title = initial ? stripBidiControls(initial.name) || ref.sessionId : vscode.l10n.t('Restore session');
    this.panel.webview.options = sessionPanelOptions(extensionUri);
    this._register(this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this._register(
      this.panel.onDidChangeViewState(() => {
        // A hidden webview drops its page; it says `ready` again when shown.
        if (!this.panel.visible) this.pageReady = false;
      }),
    );
    this._register(this.panel.onDidDispose(() => this.dispose()));
    this._register(deps.monitor.watch(ref));
    // The log read here is shared with an open log document of the same session (one request per monitor update).
    this._register(deps.logs.hold(ref));
    this._register(deps.monitor.onDidUpdateSession((u) => this.onMonitorUpdate(u.serverId, u.session)));
    this._register(toDisposable(() => this.loading?.abort()));
    this.panel.webview.html = this.renderShell();
    void this.load();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The session as last received (for tests and commands). */
  get currentSession(): PanelSession | undefined {
    return this.session;
  }

  /** Fetches session (in the chosen format), then events for Microsoft 365. Errors become the panel's error state. */
  async load(): Promise<void> {
    this.loading?.abort();
    const abort = new AbortController();
    this.loading = abort;
    this.error = undefined;
    this.post({ type: 'loading' });
    try {
      const server = this.deps.registry.get(this.ref.serverId);
      if (!server) {
        throw new VeeamError('notFound', 'The server of this restore session is no longer configured.');
      }
      const client = await this.deps.registry.getClient(this.ref.serverId);
      const format = servesSeveralFormats(server.kind) ? this.rawFormat : undefined;
      const session = await client.getSession(this.ref.sessionId, { format, signal: abort.signal });
      if (abort.signal.aborted || this.isDisposed) return;
      this.applySession(session);
      const capabilities = kindDescriptor(session.kind).capabilities;
      if (capabilities.log) await this.loadEvents(abort.signal);
      if (capabilities.taskSessions) await this.loadTaskSessions(abort.signal);
    } catch (error) {
      if (abort.signal.aborted || this.isDisposed) return;
      this.deps.log.warn(`Session panel ${sessionPanelKey(this.ref)}: ${errorLogText(error)}`);
      this.error = toPanelError(error);
      this.post({ type: 'error', error: this.error });
    } finally {
      if (this.loading === abort) this.loading = undefined;
    }
  }

  /** `fresh`: the user asked; otherwise the log as of the monitor's last update, read at most once for all readers. */
  private async loadEvents(signal?: AbortSignal, fresh = false): Promise<void> {
    this.eventsFetchedAt = Date.now();
    try {
      const events = await this.deps.logs.read(this.ref, { signal, fresh });
      if (this.isDisposed || signal?.aborted) return;
      this.events = events;
      this.eventsError = undefined;
      this.post({ type: 'events', events });
    } catch (error) {
      if (this.isDisposed || signal?.aborted) return;
      this.deps.log.warn(`Session events ${sessionPanelKey(this.ref)}: ${errorLogText(error)}`);
      this.eventsError = toPanelError(error);
      this.post({ type: 'eventsError', error: this.eventsError });
    }
  }

  private async refetchFinished(): Promise<void> {
    try {
      const server = this.deps.registry.get(this.ref.serverId);
      if (!server) return;
      const client = await this.deps.registry.getClient(this.ref.serverId);
      const session = await client.getSession(this.ref.sessionId, { format: servesSeveralFormats(server.kind) ? this.rawFormat : undefined });
      if (!this.isDisposed) this.applySession(session);
    } catch (error) {
      this.deps.log.debug(`Session panel ${sessionPanelKey(this.ref)}: final read failed: ${errorLogText(error)}`);
    }
  }

  /** Task sessions fail quietly (logged): the session itself is what the panel is about. */
  private async loadTaskSessions(signal?: AbortSignal): Promise<void> {
    try {
      const client = await this.deps.registry.getClient(this.ref.serverId);
      const tasks = (await client.getTaskSessions?.(this.ref.sessionId, signal)) ?? [];
      if (this.isDisposed || signal?.aborted) return;
      this.taskSessions = tasks;
      this.post({ type: 'taskSessions', tasks });
    } catch (error) {
      if (this.isDisposed || signal?.aborted) return;
      this.deps.log.warn(`Task sessions ${sessionPanelKey(this.ref)}: ${errorLogText(error)}`);
    }
  }

  private applySession(fetched: RestoreSession): void {
    // List rows and fetches say "unknown" for EM sessions without RestoredObjRef; what the restore point said stays.
    const session = this.platform && fetched.platform === 'unknown' ? { ...fetched, platform: this.platform } : fetched;
    this.session = withoutRaw(session);
    if (session.raw && (!servesSeveralFormats(session.kind) || session.raw.format === this.rawFormat)) this.raw = session.raw;
    this.panel.title = stripBidiControls(session.name) || this.ref.sessionId;
    this.post({ type: 'session', session: this.session });
    if (this.raw) this.post({ type: 'raw', raw: this.raw });
    if (session.platform === 'unknown' && !this.platformAsked) void this.resolvePlatform(session);
  }

  /** Only for the session on screen: one small request (per restore point and server), never for list rows. */
  private async resolvePlatform(session: RestoreSession): Promise<void> {
    this.platformAsked = true;
    try {
      const client = await this.deps.registry.getClient(this.ref.serverId);
      const platform = await client.platformOf(session);
      if (this.isDisposed || platform === 'unknown') return;
      this.platform = platform;
      if (this.session?.platform !== 'unknown') return;
      this.session = { ...this.session, platform };
      this.post({ type: 'session', session: this.session });
      this.updateEmitter.fire(this.session);
    } catch (error) {
      // Unknown stays unknown: the page shows no platform rather than a guess; the log has why.
      this.deps.log.debug(`Session panel ${sessionPanelKey(this.ref)}: platform not read: ${errorLogText(error)}`);
    }
  }

  private onMonitorUpdate(serverId: string, update: RestoreSessionSummary): void {
    if (this.isDisposed || serverId !== this.ref.serverId || update.id !== this.ref.sessionId) return;
    // A list row lacks links and unknown fields: it updates the session fetched before; without one, load() brings it.
    const session = isFullSession(update) ? update : this.session ? withListRow(this.session, update) : undefined;
    if (!session) return;
    const stateChanged = this.session?.state !== session.state;
    this.error = undefined;
    this.applySession(session);
    const eventsDue = Date.now() - this.eventsFetchedAt >= EVENTS_REFRESH_MS;
    // The list row that ends a session lacks what only the session itself carries (result message, stopped by a
    // user…): read it once more, quietly.
    if (stateChanged && session.state === 'finished') void this.refetchFinished();
    const capabilities = kindDescriptor(session.kind).capabilities;
    const refreshDue = stateChanged || (isRunning(session) && eventsDue);
    if (capabilities.log && refreshDue) void this.loadEvents();
    if (capabilities.taskSessions && refreshDue) void this.loadTaskSessions();
    this.updateEmitter.fire(this.session ?? withoutRaw(session));
  }

  private onMessage(message: unknown): void {
    if (this.isDisposed) return;
    if (!isPageMessage(message)) {
      this.deps.log.warn(`Session panel ${sessionPanelKey(this.ref)}: ignored an invalid message from the page.`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.onReady();
        return;
      case 'retry':
        void this.load();
        return;
      default:
        void this.answer(message);
    }
  }

  private onReady(): void {
    this.pageReady = true;
    const server = this.deps.registry.get(this.ref.serverId);
    const kind = server?.kind ?? this.session?.kind;
    const context: PanelContext = {
      serverId: this.ref.serverId,
      sessionId: this.ref.sessionId,
      serverName: server?.name ?? this.ref.serverId,
      hasLog: kind !== undefined && kindDescriptor(kind).capabilities.log,
      canStop: kind !== undefined && kindDescriptor(kind).capabilities.stop,
      logExplanation: kind !== undefined ? kindDescriptor(kind).noLogExplanation : undefined,
      canSwitchFormat: kind !== undefined && servesSeveralFormats(kind),
    };
    this.post({ type: 'context', context });
    if (this.session) this.post({ type: 'session', session: this.session });
    if (this.raw) this.post({ type: 'raw', raw: this.raw });
    if (this.events) this.post({ type: 'events', events: this.events });
    if (this.taskSessions) this.post({ type: 'taskSessions', tasks: this.taskSessions });
    if (this.eventsError) this.post({ type: 'eventsError', error: this.eventsError });
    if (this.error) this.post({ type: 'error', error: this.error });
    else if (this.loading) this.post({ type: 'loading' });
  }

  private async answer(request: PageRequest): Promise<void> {
    try {
      await this.perform(request);
      this.post({ type: 'reply', requestId: request.requestId, ok: true });
    } catch (error) {
      this.deps.log.warn(`Session panel ${sessionPanelKey(this.ref)} ${request.type}: ${errorLogText(error)}`);
      this.post({ type: 'reply', requestId: request.requestId, ok: false, error: toPanelError(error) });
    }
  }

  private async perform(request: PageRequest): Promise<void> {
    switch (request.type) {
      case 'setRawFormat':
        return this.switchFormat(request.format);
      case 'openRaw':
        return this.deps.openRaw(this.ref, this.raw?.format ?? this.rawFormat);
      case 'openLink':
        return this.openLink(request.href);
      case 'copyRaw':
        if (!this.raw) throw new Error('No response body to copy yet.');
        // The exact text as received, not the indented view.
        return vscode.env.clipboard.writeText(this.raw.text);
      case 'refreshEvents':
        return this.loadEvents(undefined, true);
      case 'openLogAsText':
        await vscode.commands.executeCommand('veeamRestoreSessions.openLogAsText', { ...this.ref });
        return;
      case 'stop':
        // The command confirms (modal) and guards against a second stop of the same session.
        await vscode.commands.executeCommand('veeamRestoreSessions.stopSession', { ...this.ref });
        return;
    }
  }

  private async switchFormat(format: BodyFormat): Promise<void> {
    const kind = this.deps.registry.get(this.ref.serverId)?.kind;
    if (!kind || !servesSeveralFormats(kind)) throw new Error('This server serves its documents in one format only.');
    const client = await this.deps.registry.getClient(this.ref.serverId);
    const session = await client.getSession(this.ref.sessionId, { format });
    if (this.isDisposed) return;
    this.rawFormat = format;
    this.applySession(session);
  }

  /** Only hrefs the session itself carries, and only on the configured server's origin. */
  private async openLink(href: string): Promise<void> {
    const server = this.deps.registry.get(this.ref.serverId);
    const known = this.session?.links.some((l) => l.href === href) ?? false;
    const advertised = server && known ? (await this.deps.registry.getClient(this.ref.serverId)).advertisedOrigins() : [];
    if (!server || !known || !isHrefOfServer(server.url, href, advertised)) {
      throw new Error('Only links of this session to the configured server can be opened.');
    }
    await this.deps.openRawHref(this.ref.serverId, href, this.rawFormat);
  }

  private post(message: HostMessage): void {
    // Posting to a disposed panel throws; to a page that has not said `ready` is lost (it gets a full snapshot on ready).
    if (this.isDisposed || !this.pageReady) return;
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private renderShell(): string {
    const webview = this.panel.webview;
    return buildSessionPanelHtml({
      cspSource: webview.cspSource,
      nonce: createCspNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'webview.css')).toString(),
    });
  }
}

function withoutRaw(session: RestoreSession): PanelSession {
  const { raw: _raw, ...rest } = session;
  return rest;
}
