/**
 * Decides when each server is polled and what a poll asks for. VS Code-free and clock-injected, so the
 * timing rules are unit-tested without timers. The SessionMonitor owns one timer and asks this class
 * "how long until the next server is due" and "which servers are due now".
 */

export interface PollIntervals {
  /** While something on the server runs. */
  runningMs: number;
  /** Refresh of a visible list with nothing running. */
  listMs: number;
  /** Floor for every interval while the VS Code window is not focused. */
  unfocusedMs: number;
  /** Ceiling of the failure backoff. */
  maxBackoffMs: number;
}

/** What needs a server's data right now. */
export interface ServerDemand {
  serverId: string;
  /** The loaded list shows at least one running session: the first page answers for all of them. */
  listRunning: boolean;
  /** The sessions view is on screen: keep the server's first page fresh now and then (collapsed or not). */
  listVisible: boolean;
  /** Sessions watched (panels) that are running or not yet seen, and not on the list's first page. */
  watchedPending: number;
  /*
   * Sessions in a state this version does not know (a newer server's word) may still run: they stay polled, with an
   * interval that doubles while nothing known runs, until a known state arrives. Optional: absent means none.
   */
  /** The loaded first page shows a session in an unknown state (the list request answers for it). */
  unknownOnList?: boolean;
  /** Watched sessions in an unknown state, not on the list's first page. */
  watchedUnknown?: number;
}

/** What one tick asks a due server for. */
export interface PollPlan {
  serverId: string;
  /** One list request (first page, current page size and filter). */
  list: boolean;
}

interface ServerTiming {
  lastPolledAt?: number;
  failures: number;
  notBefore?: number;
  inFlight: boolean;
  /** Polls in a row made only for sessions in an unknown state: each one doubles the next interval. */
  unknownPolls: number;
}

/** Ceiling of the interval for sessions in an unknown state (never below the running interval). */
const UNKNOWN_STATE_MAX_MS = 60_000;

export class PollScheduler {
  private readonly timings = new Map<string, ServerTiming>();

  constructor(
    private intervals: PollIntervals,
    private readonly now: () => number,
  ) {}

  setIntervals(intervals: PollIntervals): void {
    this.intervals = intervals;
  }

  /** Polling interval a server needs; undefined when nothing needs it (then it is not polled at all). */
  intervalFor(demand: ServerDemand, focused: boolean): number | undefined {
    let interval: number | undefined;
    if (demand.listRunning || demand.watchedPending > 0) interval = this.intervals.runningMs;
    else {
      if (demand.listVisible) interval = this.intervals.listMs;
      if (isUnknownOnly(demand)) interval = Math.min(interval ?? Infinity, this.unknownInterval(demand.serverId));
    }
    if (interval === undefined) return undefined;
    return focused ? interval : Math.max(interval, this.intervals.unfocusedMs);
  }

  /** Epoch ms at which the server is due; undefined when it needs no polling or a poll is under way. */
  dueAt(demand: ServerDemand, focused: boolean): number | undefined {
    const interval = this.intervalFor(demand, focused);
    if (interval === undefined) return undefined;
    const timing = this.timings.get(demand.serverId);
    if (timing?.inFlight) return undefined;
    const byInterval = timing?.lastPolledAt === undefined ? this.now() : timing.lastPolledAt + interval;
    return Math.max(byInterval, timing?.notBefore ?? 0);
  }

  /** Milliseconds until the next poll of any server (0 = now); undefined = nothing to poll, stop the timer. */
  nextDelay(demands: readonly ServerDemand[], focused: boolean): number | undefined {
    let earliest: number | undefined;
    for (const d of demands) {
      const due = this.dueAt(d, focused);
      if (due !== undefined && (earliest === undefined || due < earliest)) earliest = due;
    }
    return earliest === undefined ? undefined : Math.max(0, earliest - this.now());
  }

  /** The servers due now and what to ask each of them. */
  duePlans(demands: readonly ServerDemand[], focused: boolean): PollPlan[] {
    const now = this.now();
    return demands
      .filter((d) => {
        const due = this.dueAt(d, focused);
        if (due === undefined || due > now) return false;
        // Counted when the poll is decided: the next unknown-only poll waits twice as long, up to the ceiling.
        const timing = this.timing(d.serverId);
        timing.unknownPolls = isUnknownOnly(d) ? timing.unknownPolls + 1 : 0;
        return true;
      })
      .map((d) => ({ serverId: d.serverId, list: d.listRunning || d.listVisible || (d.unknownOnList ?? false) }));
  }

  /** Running interval, doubled for every unknown-only poll in a row, up to UNKNOWN_STATE_MAX_MS. */
  private unknownInterval(serverId: string): number {
    const polls = this.timings.get(serverId)?.unknownPolls ?? 0;
    const ceiling = Math.max(this.intervals.runningMs, UNKNOWN_STATE_MAX_MS);
    return Math.min(ceiling, this.intervals.runningMs * 2 ** Math.min(polls, 20));
  }

  started(serverId: string): void {
    this.timing(serverId).inFlight = true;
  }

  /** A successful poll (or a list load done elsewhere, e.g. the tree expanding a server). */
  succeeded(serverId: string): void {
    const timing = this.timing(serverId);
    timing.inFlight = false;
    timing.lastPolledAt = this.now();
    timing.failures = 0;
    timing.notBefore = undefined;
  }

  /** A failed poll: exponential backoff from the running interval, never shorter than the server's Retry-After. */
  failed(serverId: string, retryAfterSeconds?: number): void {
    const timing = this.timing(serverId);
    timing.inFlight = false;
    timing.lastPolledAt = this.now();
    timing.failures += 1;
    const exponential = Math.min(this.intervals.maxBackoffMs, this.intervals.runningMs * 2 ** timing.failures);
    const retryAfter = retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
    timing.notBefore = this.now() + Math.max(exponential, retryAfter);
  }

  /** Epoch ms before which a failed server is not asked again; undefined when it is not backing off. */
  retryAt(serverId: string): number | undefined {
    return this.timings.get(serverId)?.notBefore;
  }

  failureCount(serverId: string): number {
    return this.timings.get(serverId)?.failures ?? 0;
  }

  /** Forgets a server's backoff (user pressed Retry, server edited or removed). */
  reset(serverId: string): void {
    this.timings.delete(serverId);
  }

  private timing(serverId: string): ServerTiming {
    let timing = this.timings.get(serverId);
    if (!timing) {
      timing = { failures: 0, inFlight: false, unknownPolls: 0 };
      this.timings.set(serverId, timing);
    }
    return timing;
  }
}

/** Only sessions in an unknown state need the server (nothing known runs on it). */
function isUnknownOnly(demand: ServerDemand): boolean {
  return (demand.unknownOnList === true || (demand.watchedUnknown ?? 0) > 0) && !demand.listRunning && demand.watchedPending === 0;
}
