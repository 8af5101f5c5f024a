import { appendItemEvent, eventsOf, settleEvent, type M365EventStatus, type M365RestoreSession } from './microsoft365Data';
import type { SeededRandom } from './seededRandom';

/** A Microsoft 365 session's event log changed by a test the way a server may change it, between two reads. */
export interface SimulatedEventLog {
  /** Records now. */
  readonly count: number;
  /** Appends item events (a running session's log grows). */
  append(count: number, status: M365EventStatus): void;
  /** A record that ran ends with `status`, in place (same id and order). */
  settle(order: number, status: Exclude<M365EventStatus, 'Running'>): void;
  /** The record of that order gets a new id: the server rewrote its log (what a client must not merge into an old read). */
  reissue(order: number): void;
  /** Keeps the first `count` records (the log shrank). */
  truncate(count: number): void;
}

export function simulatedEventLog(session: M365RestoreSession, random: SeededRandom, now: () => number): SimulatedEventLog {
  const recordOf = (order: number) => {
    const event = eventsOf(session).find((e) => e.order === order);
    if (!event) throw new Error(`session ${session.id} has no event of order ${order}`);
    return event;
  };
  return {
    get count() {
      return eventsOf(session).length;
    },
    append(count, status) {
      for (let i = 0; i < count; i++) appendItemEvent(session, random, now(), status);
    },
    settle(order, status) {
      settleEvent(recordOf(order), status, now());
      session.eTag++;
    },
    reissue(order) {
      recordOf(order).id = random.guid();
      session.eTag++;
    },
    truncate(count) {
      eventsOf(session).splice(count);
      session.eTag++;
    },
  };
}
