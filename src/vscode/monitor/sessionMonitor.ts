import * as vscode from 'vscode';
import { isVeeamError } from '../../core/errors';
import type { RestoreSessionSummary } from '../../core/model/restoreSession';
import { isPossiblyRunning, isRunning } from '../../core/model/restoreSession';
import { Disposable, toDisposable } from '../lifecycle';
import type { ServerRegistry } from '../serverRegistry';
import type { SessionListStore } from '../sessions/sessionListStore';
import type { SessionRef } from '../sessionRef';
import { PollScheduler, type PollIntervals, type PollPlan, type ServerDemand } from './pollScheduler';

export interface SessionUpdate {
  serverId: string;
  session: RestoreSessionSummary;
}

export interface SessionMonitorOptions {
  registry: Pick<ServerRegistry, 'list' | 'get' | 'getClient' | 'isSignedOut' | 'hasStoredPassword' | 'onDidChangeServers' | 'onDidChangeSignIn'>;
  store: SessionListStore;
  log: vscode.LogOutputChannel;
  intervals: () => PollIntervals;
  /** Whether the sessions view is on screen (visible lists refresh slowly even with nothing running). */
  isTreeVisible: () => boolean;
  /** Every session observation (for completion notifications). */
  onObserved: (update: SessionUpdate) => void;
  /** A session got watched (a panel shows it, restored panels included): the user opened it. */
  onWatched?: (ref: SessionRef) => void;
}

interface Watched {
  ref: SessionRef;
  count: number;
  last?: RestoreSessionSummary;
}

/**
 * One poller for tree, panels and status bar. Per due server and tick: one list request (the first page answers for
 * every running session on it) and one getSession per watched session not on that page. Nothing runs and nothing
 * visible → no timer at all. Failures back off (Retry-After honoured) and only change the server's status.
 */
export class SessionMonitor extends Disposable {
  private readonly _onDidUpdateSession = this._register(new vscode.EventEmitter<SessionUpdate>());
  readonly onDidUpdateSession: vscode.Event<SessionUpdate> = this._onDidUpdateSession.event;
  private readonly _onDidChangeRunning = this._register(new vscode.EventEmitter<void>());
  /** The set of running sessions may have changed (status bar, badge). */
  readonly onDidChangeRunning: vscode.Event<void> = this._onDidChangeRunning.event;

  private readonly scheduler: PollScheduler;
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private focused = vscode.window.state.focused;

  constructor(private readonly options: SessionMonitorOptions) {
    super();
    this.scheduler = new PollScheduler(options.intervals(), () => Date.now());
    this._register(toDisposable(() => clearTimeout(this.timer)));
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        this.focused = state.focused;
        this.reschedule();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('veeamRestoreSessions.polling')) {
          this.scheduler.setIntervals(options.intervals());
          this.reschedule();
        }
      }),
    );
    this._register(
      options.store.onDidLoadList(({ serverId, sessions }) => {
        // A list loaded by the tree counts as a poll: no second request right after it.
        this.scheduler.succeeded(serverId);
        for (const session of sessions) this.observe(serverId, session);
        this._onDidChangeRunning.fire();
        this.reschedule();
      }),
    );
    this._register(
      options.store.onDidFailList(({ serverId, error }) => {
        // Any failed list load (a poll, the tree expanding, Load more) backs off; the monitor retries by itself.
        this.scheduler.failed(serverId, isVeeamError(error) ? error.retryAfterSeconds : undefined);
        const retryAt = this.scheduler.retryAt(serverId);
        if (retryAt !== undefined) options.store.setRetryAt(serverId, retryAt);
        options.log.debug(`list of ${options.registry.get(serverId)?.name ?? serverId} failed; retrying by itself (failure ${this.scheduler.failureCount(serverId)})`);
        this.reschedule();
      }),
    );
    this._register(
      options.store.onDidChange(() => {
        // Filters, resets and removed servers change what is known to run.
        this._onDidChangeRunning.fire();
        this.reschedule();
      }),
    );
    this._register(options.registry.onDidChangeServers(() => this.reschedule()));
    this._register(
      options.registry.onDidChangeSignIn((id) => {
        this.scheduler.reset(id);
        this.reschedule();
      }),
    );
  }

  /** Keeps that session polled (while it runs, or its state is unknown) as long as the disposable lives. */
  watch(ref: SessionRef): vscode.Disposable {
    const key = keyOf(ref);
    const entry = this.watched.get(key) ?? { ref: { serverId: ref.serverId, sessionId: ref.sessionId }, count: 0 };
    entry.count += 1;
    this.watched.set(key, entry);
    this.options.onWatched?.(entry.ref);
    this.reschedule();
    return toDisposable(() => {
      entry.count -= 1;
      if (entry.count <= 0) this.watched.delete(key);
      this.reschedule();
    });
  }

  /** What the monitor last saw of a session (list or single fetch). */
  lastKnown(ref: SessionRef): RestoreSessionSummary | undefined {
    return this.watched.get(keyOf(ref))?.last ?? this.options.store.find(ref.serverId, ref.sessionId);
  }

  /** Running sessions across servers: the loaded lists plus watched sessions not on them. */
  running(): Array<SessionUpdate> {
    const out = this.options.store.running();
    const seen = new Set(out.map((u) => keyOf({ serverId: u.serverId, sessionId: u.session.id })));
    for (const [key, w] of this.watched) {
      if (w.last && isRunning(w.last) && !seen.has(key)) out.push({ serverId: w.ref.serverId, session: w.last });
    }
    return out;
  }

  /** Polls a server now (user pressed Refresh or Retry), forgetting its backoff. */
  pollNow(serverId: string): void {
    this.scheduler.reset(serverId);
    this.reschedule();
  }

  /** Recomputes the single timer from the current demands. */
  reschedule(): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const delay = this.scheduler.nextDelay(this.demands(), this.focused);
    if (delay === undefined) return;
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = undefined;
    const plans = this.scheduler.duePlans(this.demands(), this.focused);
    for (const plan of plans) {
      this.scheduler.started(plan.serverId);
      void this.poll(plan).finally(() => this.reschedule());
    }
    this.reschedule();
  }

  private async poll(plan: PollPlan): Promise<void> {
    const { serverId } = plan;
    const { store, registry } = this.options;
    try {
      if (plan.list && !store.isLoaded(serverId) && !this.watchesAny(serverId) && !(await registry.hasStoredPassword(serverId))) {
        // Never ask for a password unprompted: a server nobody opened waits until the user expands it.
        this.scheduler.succeeded(serverId);
        return;
      }
      const seen = new Set<string>();
      if (plan.list) {
        // The store records the list (and fires onDidLoadList, which observes every session on it) or the failure
        // (and fires onDidFailList, which sets the backoff): either way the bookkeeping is done.
        const page = await store.refresh(serverId).catch((): typeof LIST_FAILED => LIST_FAILED);
        if (page === LIST_FAILED) return;
        for (const s of page?.sessions ?? []) seen.add(s.id);
      }
      const single = [...this.watched.values()].filter((w) => w.ref.serverId === serverId && isPending(w) && !seen.has(w.ref.sessionId));
      if (single.length > 0) {
        const client = await registry.getClient(serverId);
        for (const w of single) {
          const session = await client.getSession(w.ref.sessionId);
          store.applySession(serverId, session);
          this.observe(serverId, session);
        }
      }
      this.scheduler.succeeded(serverId);
      store.markReachable(serverId);
      this._onDidChangeRunning.fire();
    } catch (e) {
      const retryAfter = isVeeamError(e) ? e.retryAfterSeconds : undefined;
      this.scheduler.failed(serverId, retryAfter);
      // Background failures never toast: the server node shows the state, the log has the detail.
      store.recordBackgroundFailure(serverId, e);
      const retryAt = this.scheduler.retryAt(serverId);
      if (retryAt !== undefined) store.setRetryAt(serverId, retryAt);
      this.options.log.debug(`poll of ${registry.get(serverId)?.name ?? serverId} failed; next attempt backs off (failure ${this.scheduler.failureCount(serverId)})`);
    }
  }

  private watchesAny(serverId: string): boolean {
    return [...this.watched.values()].some((w) => w.ref.serverId === serverId);
  }

  private observe(serverId: string, session: RestoreSessionSummary): void {
    const watched = this.watched.size > 0 ? this.watched.get(keyOf({ serverId, sessionId: session.id })) : undefined;
    if (watched) {
      watched.last = session;
      this._onDidUpdateSession.fire({ serverId, session });
    }
    this.options.onObserved({ serverId, session });
  }

  private demands(): ServerDemand[] {
    const { registry, store } = this.options;
    const treeVisible = this.options.isTreeVisible();
    return registry
      .list()
      .filter((server) => !registry.isSignedOut(server.id))
      .map((server) => {
        const firstPage = store.firstPage(server.id);
        const listRunning = firstPage.some(isRunning);
        // A state this version does not know may be a newer server's running state: polled too, with a backoff.
        const unknownOnList = firstPage.some((s) => s.state === 'unknown');
        let watchedPending = 0;
        let watchedUnknown = 0;
        let onFirstPage: Set<string> | undefined;
        for (const w of this.watched.values()) {
          if (w.ref.serverId !== server.id || !isPending(w)) continue;
          // A first page polled anyway (running, or showing unknown states) answers for the watched sessions on it.
          if ((listRunning || unknownOnList) && (onFirstPage ??= new Set(firstPage.map((s) => s.id))).has(w.ref.sessionId)) continue;
          if (w.last?.state === 'unknown') watchedUnknown += 1;
          else watchedPending += 1;
        }
        // While the view is on screen every server's first page stays fresh, collapsed or not, loaded or failed:
        // the status bar, the badge and completion notifications then cover every server, and a failed server
        // recovers by itself (the scheduler's backoff spaces the attempts).
        return { serverId: server.id, listRunning, listVisible: treeVisible, watchedPending, unknownOnList, watchedUnknown };
      });
  }
}

/** A list poll whose failure the store already reported (onDidFailList). */
const LIST_FAILED = Symbol('list failed');

function keyOf(ref: SessionRef): string {
  return `${ref.serverId}/${ref.sessionId}`;
}

/** Not seen yet, still running, or in a state we do not know (possibly running). */
function isPending(w: Watched): boolean {
  return !w.last || isPossiblyRunning(w.last);
}
