import * as vscode from 'vscode';
import type { RestoreSessionClient, SessionFilter } from '../../core/clients/restoreSessionClient';
import { isVeeamError, VeeamError } from '../../core/errors';
import type { RestoreSessionSummary, SessionPage } from '../../core/model/restoreSession';
import { isRunning, summaryOf } from '../../core/model/restoreSession';
import { sortNewestFirst } from '../../core/model/sessionOrder';
import { Disposable } from '../lifecycle';
import type { ServerRegistry } from '../serverRegistry';
import { ListReadProgress } from './listReadProgress';
import type { ServerStatus } from './serverStatus';
import type { SessionScope } from '../../core/clients/restoreSessionClient';

interface ServerEntry {
  status: ServerStatus;
  /** Short server description from connect() (version). */
  version?: string;
  /** undefined until the first page arrived. */
  sessions?: RestoreSessionSummary[];
  hasMore: boolean;
  pagesLoaded: number;
  loading?: Promise<SessionPage | undefined>;
}

export interface ListFailedEvent {
  serverId: string;
  error: unknown;
}

export interface ListLoadedEvent {
  serverId: string;
  sessions: readonly RestoreSessionSummary[];
}

/**
 * The restore sessions loaded per server (first page, plus pages the user asked for), their server's status, and
 * the active filter. The tree renders it; the monitor refreshes it. Never loads more than the pages asked for.
 */
export class SessionListStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<string | undefined>());
  /** A server's entry changed (its id), or everything did (undefined). */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidLoadList = this._register(new vscode.EventEmitter<ListLoadedEvent>());
  /** A list page arrived, whoever asked for it. */
  readonly onDidLoadList = this._onDidLoadList.event;
  private readonly _onDidFailList = this._register(new vscode.EventEmitter<ListFailedEvent>());
  /** A list request failed, whoever asked for it (the monitor backs off and retries by itself). */
  readonly onDidFailList = this._onDidFailList.event;

  private readonly entries = new Map<string, ServerEntry>();
  private readonly connectedVersions = new WeakMap<RestoreSessionClient, string>();
  private _filter: SessionFilter | undefined;

  constructor(
    private readonly registry: Pick<ServerRegistry, 'get' | 'getClient' | 'isSignedOut' | 'onDidChangeServers' | 'onDidChangeSignIn'>,
    private readonly log: vscode.LogOutputChannel,
    private readonly pageSize: () => number,
    /** Which sessions of servers that list every kind of session to show (setting `sessionScope`). */
    private readonly scope: () => SessionScope = () => 'restores',
  ) {
    super();
    this._register(
      registry.onDidChangeServers(() => {
        for (const id of [...this.entries.keys()]) if (!registry.get(id)) this.entries.delete(id);
        this._onDidChange.fire(undefined);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // A new page size applies at once: the tree reloads each server's first page with it.
        if (e.affectsConfiguration('veeamRestoreSessions.pageSize') || e.affectsConfiguration('veeamRestoreSessions.sessionScope')) this.reset();
      }),
    );
    this._register(
      registry.onDidChangeSignIn((id) => {
        // Signed in again (or out): start over for that server.
        this.entries.delete(id);
        this._onDidChange.fire(id);
      }),
    );
  }

  get filter(): SessionFilter | undefined {
    return this._filter;
  }

  setFilter(filter: SessionFilter | undefined): void {
    this._filter = filter;
    this.entries.clear();
    this._onDidChange.fire(undefined);
  }

  status(serverId: string): ServerStatus {
    if (this.registry.isSignedOut(serverId)) return { kind: 'signedOut' };
    return this.entries.get(serverId)?.status ?? { kind: 'idle' };
  }

  version(serverId: string): string | undefined {
    return this.entries.get(serverId)?.version;
  }

  /** undefined until loaded. */
  sessions(serverId: string): readonly RestoreSessionSummary[] | undefined {
    return this.entries.get(serverId)?.sessions;
  }

  hasMore(serverId: string): boolean {
    return this.entries.get(serverId)?.hasMore ?? false;
  }

  isLoaded(serverId: string): boolean {
    return this.entries.get(serverId)?.sessions !== undefined;
  }

  /** The sessions the first page of a refresh answers for (the first `pageSize` entries). */
  firstPage(serverId: string): readonly RestoreSessionSummary[] {
    return (this.sessions(serverId) ?? []).slice(0, this.pageSize());
  }

  find(serverId: string, sessionId: string): RestoreSessionSummary | undefined {
    return this.sessions(serverId)?.find((s) => s.id === sessionId);
  }

  running(): Array<{ serverId: string; session: RestoreSessionSummary }> {
    const out: Array<{ serverId: string; session: RestoreSessionSummary }> = [];
    for (const [serverId, entry] of this.entries) {
      for (const session of entry.sessions ?? []) if (isRunning(session)) out.push({ serverId, session });
    }
    return out;
  }

  /** Loads the first page unless loaded (or loading); never throws (failures become the server status). */
  async ensureLoaded(serverId: string): Promise<void> {
    const entry = this.entries.get(serverId);
    if (entry?.sessions !== undefined) return;
    if (entry?.loading) {
      await entry.loading.catch(() => undefined);
      return;
    }
    if (entry?.status.kind === 'error') return;
    await this.refresh(serverId).catch(() => undefined);
  }

  /** Forgets what is loaded (Refresh, Retry): the tree reloads the first page. */
  reset(serverId?: string): void {
    if (serverId) this.entries.delete(serverId);
    else this.entries.clear();
    this._onDidChange.fire(serverId);
  }

  /**
   * Fetches the first page again and merges it in front of the later pages already loaded. Concurrent callers
   * share one request. Throws the failure after recording it in the server status.
   */
  refresh(serverId: string): Promise<SessionPage | undefined> {
    const entry = this.entry(serverId);
    if (entry.loading) return entry.loading;
    const loading = this.fetchFirstPage(serverId, entry).finally(() => {
      if (entry.loading === loading) entry.loading = undefined;
    });
    entry.loading = loading;
    return loading;
  }

  async loadMore(serverId: string): Promise<void> {
    const entry = this.entry(serverId);
    if (!entry.sessions || !entry.hasMore) return;
    try {
      const client = await this.registry.getClient(serverId);
      const page = await client.listSessions({ page: entry.pagesLoaded + 1, pageSize: this.pageSize(), filter: this._filter, scope: this.scope() });
      const known = new Set(entry.sessions.map((s) => s.id));
      entry.sessions = [...entry.sessions, ...page.sessions.filter((s) => !known.has(s.id))];
      entry.pagesLoaded += 1;
      entry.hasMore = page.hasMore;
      entry.status = { kind: 'ready' };
      this._onDidLoadList.fire({ serverId, sessions: page.sessions });
    } catch (e) {
      this.recordFailure(serverId, entry, e);
      this._onDidFailList.fire({ serverId, error: e });
    }
    this._onDidChange.fire(serverId);
  }

  /** A session fetched on its own (watched by a panel): updates the list entry in place when it is there. */
  applySession(serverId: string, session: RestoreSessionSummary): void {
    const sessions = this.entries.get(serverId)?.sessions;
    const index = sessions?.findIndex((s) => s.id === session.id) ?? -1;
    if (!sessions || index < 0) return;
    // The list keeps the row only: links, unknown fields and the body stay with whoever fetched the session.
    sessions[index] = summaryOf(session);
    this._onDidChange.fire(serverId);
  }

  /** A background poll failed: only the server status changes, the sessions stay. */
  recordBackgroundFailure(serverId: string, error: unknown): void {
    this.recordFailure(serverId, this.entry(serverId), error);
    this._onDidChange.fire(serverId);
  }

  /** The monitor plans its next attempt for a server in the error state: the node says when. */
  setRetryAt(serverId: string, retryAt: number): void {
    const entry = this.entries.get(serverId);
    if (entry?.status.kind !== 'error' || entry.status.retryAt === retryAt) return;
    entry.status = { ...entry.status, retryAt };
    this._onDidChange.fire(serverId);
  }

  /** A background request succeeded again: clear an error status (the sessions themselves are fresh enough). */
  markReachable(serverId: string): void {
    const entry = this.entries.get(serverId);
    if (entry?.status.kind !== 'error') return;
    entry.status = entry.sessions ? { kind: 'ready' } : { kind: 'idle' };
    this._onDidChange.fire(serverId);
  }

  private async fetchFirstPage(serverId: string, entry: ServerEntry): Promise<SessionPage | undefined> {
    if (this.registry.isSignedOut(serverId)) return undefined;
    if (!entry.sessions) {
      entry.status = { kind: 'loading' };
      this._onDidChange.fire(serverId);
    }
    try {
      const client = await this.registry.getClient(serverId);
      if (entry.version === undefined) {
        // connect() (entry point read, sign-in check) once per client: Refresh, Retry and filter changes reuse
        // its answer; a changed server gets a new client from the registry and so connects again.
        entry.version = this.connectedVersions.get(client) ?? (await client.connect());
        this.connectedVersions.set(client, entry.version);
      }
      const page = await this.readFirstPage(serverId, entry, client);
      const fresh = new Set(page.sessions.map((s) => s.id));
      const later = (entry.sessions ?? []).slice(this.pageSize()).filter((s) => !fresh.has(s.id));
      entry.sessions = sortNewestFirst([...page.sessions, ...later]);
      entry.pagesLoaded = Math.max(1, entry.pagesLoaded);
      if (entry.pagesLoaded === 1) entry.hasMore = page.hasMore;
      entry.status = { kind: 'ready' };
      this._onDidLoadList.fire({ serverId, sessions: page.sessions });
      this._onDidChange.fire(serverId);
      return page;
    } catch (e) {
      this.recordFailure(serverId, entry, e);
      // The user cancelled: no automatic retry (that would start the read again), Refresh does it.
      if (!(isVeeamError(e) && e.code === 'cancelled')) this._onDidFailList.fire({ serverId, error: e });
      this._onDidChange.fire(serverId);
      throw e;
    }
  }

  /**
   * Page 1 of the list. A server that must be read in full first (Microsoft 365 before v8) shows how far it got on
   * the server node, and a cancellable notification while the user waits for a list not shown yet.
   */
  private async readFirstPage(serverId: string, entry: ServerEntry, client: RestoreSessionClient): Promise<SessionPage> {
    if (entry.sessions) return client.listSessions({ page: 1, pageSize: this.pageSize(), filter: this._filter, scope: this.scope() });
    const progress = new ListReadProgress(this.registry.get(serverId)?.name ?? serverId);
    try {
      return await client.listSessions({
        page: 1,
        pageSize: this.pageSize(),
        filter: this._filter, scope: this.scope(),
        signal: progress.signal,
        onProgress: (p) => {
          progress.update(p);
          if (!p.more) return;
          entry.status = { kind: 'loading', sessionsRead: p.sessionsRead, totalCount: p.totalCount };
          this._onDidChange.fire(serverId);
        },
      });
    } catch (e) {
      if (progress.signal.aborted) throw new VeeamError('cancelled', vscode.l10n.t('Reading the restore sessions was cancelled. Refresh reads them again.'));
      throw e;
    } finally {
      progress.dispose();
    }
  }

  private recordFailure(serverId: string, entry: ServerEntry, e: unknown): void {
    if (this.registry.isSignedOut(serverId)) {
      entry.status = { kind: 'signedOut' };
      return;
    }
    entry.status = isVeeamError(e)
      ? { kind: 'error', code: e.code, message: e.message }
      : { kind: 'error', code: 'unexpected', message: e instanceof Error ? e.message : String(e) };
    this.log.warn(`${this.registry.get(serverId)?.name ?? serverId}: ${isVeeamError(e) ? e.toLogString() : entry.status.message}`);
  }

  private entry(serverId: string): ServerEntry {
    let entry = this.entries.get(serverId);
    if (!entry) {
      entry = { status: { kind: 'idle' }, hasMore: false, pagesLoaded: 0 };
      this.entries.set(serverId, entry);
    }
    return entry;
  }
}
