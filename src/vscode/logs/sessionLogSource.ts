import type * as vscode from 'vscode';
import { VeeamError } from '../../core/errors';
import type { RestoreSessionEvent, RestoreSessionSummary } from '../../core/model/restoreSession';
import { Disposable, toDisposable } from '../lifecycle';
import type { ServerAccess } from '../panel/panelDependencies';
import type { SessionRef } from '../sessionRef';

/** The monitor's updates: each one makes the log read for a session before it old. */
export interface SessionUpdateEvents {
  onDidUpdateSession: vscode.Event<{ serverId: string; session: RestoreSessionSummary }>;
}

export interface LogReadOptions {
  /** Newer than anything read or being read (a user's Refresh, an export): never an answer from before this call. */
  fresh?: boolean;
  /** Stops this reader's wait; a shared request goes on for the others. */
  signal?: AbortSignal;
}

/** What the panel, the log documents and Export Log use (structurally `Pick<SessionLogSource, 'hold' | 'read'>`). */
export interface SessionLogs {
  hold(ref: SessionRef): vscode.Disposable;
  read(ref: SessionRef, options?: LogReadOptions): Promise<readonly RestoreSessionEvent[]>;
}

interface Flight {
  generation: number;
  promise: Promise<readonly RestoreSessionEvent[]>;
}

interface Entry {
  ref: SessionRef;
  /** Readers that keep the entry (an open panel, an open log document). */
  holders: number;
  /** Reads under way. */
  reading: number;
  /** Moves on with every monitor update of the session, and with a fresh read. */
  generation: number;
  events?: readonly RestoreSessionEvent[];
  eventsGeneration: number;
  flight?: Flight;
  abort: AbortController;
}

/**
 * One log per followed session, shared by its readers: the last events read, handed to the client so that it re-reads
 * only what may have changed (where the API allows it), and answered from that cache to every reader asking for the
 * same monitor update; concurrent reads share one request. So a session whose panel and log document are both open
 * costs at most one log read per monitor update. An entry lives while a reader holds it or reads.
 *
 * Construct it before the readers subscribe to the monitor: its listener must move the generation on first.
 */
export class SessionLogSource extends Disposable implements SessionLogs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly registry: Pick<ServerAccess, 'getClient'>,
    monitor: SessionUpdateEvents,
  ) {
    super();
    this._register(
      monitor.onDidUpdateSession(({ serverId, session }) => {
        const entry = this.entries.get(keyOf({ serverId, sessionId: session.id }));
        if (entry) entry.generation++;
      }),
    );
    this._register(
      toDisposable(() => {
        for (const entry of this.entries.values()) entry.abort.abort();
        this.entries.clear();
      }),
    );
  }

  /** Keeps the session's log (and what was read of it) until the returned disposable is disposed. */
  hold(ref: SessionRef): vscode.Disposable {
    const entry = this.entryOf(ref);
    entry.holders++;
    return toDisposable(() => {
      entry.holders--;
      this.release(entry);
    });
  }

  /** The session's whole log as of the monitor's last update of it (or newer): cached, joined, or read now. */
  async read(ref: SessionRef, options: LogReadOptions = {}): Promise<readonly RestoreSessionEvent[]> {
    if (this.isDisposed) throw new VeeamError('cancelled', 'The session log source was disposed.');
    const entry = this.entryOf(ref);
    entry.reading++;
    try {
      if (options.fresh) entry.generation++;
      const wanted = entry.generation;
      for (;;) {
        if (entry.events && entry.eventsGeneration >= wanted) return entry.events;
        const flight = entry.flight ?? this.start(entry);
        if (flight.generation >= wanted) return await untilAborted(flight.promise, options.signal);
        // A read for an older update is under way: one request at a time; the next one starts from its answer.
        await untilAborted(
          flight.promise.then(
            () => undefined,
            () => undefined,
          ),
          options.signal,
        );
      }
    } finally {
      entry.reading--;
      this.release(entry);
    }
  }

  private start(entry: Entry): Flight {
    const flight = { generation: entry.generation } as Flight;
    flight.promise = (async () => {
      try {
        const client = await this.registry.getClient(entry.ref.serverId);
        const events = await client.getEvents(entry.ref.sessionId, entry.abort.signal, entry.events);
        if (flight.generation >= entry.eventsGeneration) {
          entry.events = events;
          entry.eventsGeneration = flight.generation;
        }
        return events;
      } finally {
        // Before the readers resume: a reader that waited for this flight must see it gone.
        if (entry.flight === flight) entry.flight = undefined;
      }
    })();
    // Readers that stopped waiting leave the rejection unobserved; it reached everyone still waiting.
    flight.promise.catch(() => undefined);
    entry.flight = flight;
    return flight;
  }

  private entryOf(ref: SessionRef): Entry {
    const key = keyOf(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { ref: { serverId: ref.serverId, sessionId: ref.sessionId }, holders: 0, reading: 0, generation: 0, eventsGeneration: -1, abort: new AbortController() };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Forgets an entry nobody holds or reads (its request, if any, is abandoned). */
  private release(entry: Entry): void {
    if (entry.holders > 0 || entry.reading > 0) return;
    const key = keyOf(entry.ref);
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    entry.abort.abort();
  }
}

function keyOf(ref: SessionRef): string {
  return `${ref.serverId}/${ref.sessionId}`;
}

/** `promise`, or a `cancelled` error as soon as `signal` aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new VeeamError('cancelled', 'The log read was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new VeeamError('cancelled', 'The log read was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
