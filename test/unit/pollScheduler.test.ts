import * as assert from 'assert';
import { PollScheduler, type PollIntervals, type ServerDemand } from '../../src/vscode/monitor/pollScheduler';

const INTERVALS: PollIntervals = { runningMs: 5_000, listMs: 30_000, unfocusedMs: 60_000, maxBackoffMs: 300_000 };

function demand(overrides: Partial<ServerDemand> = {}): ServerDemand {
  return { serverId: 's1', listRunning: false, listVisible: false, watchedPending: 0, ...overrides };
}

describe('poll scheduler', () => {
  let now: number;
  let scheduler: PollScheduler;
  beforeEach(() => {
    now = 1_000_000;
    scheduler = new PollScheduler(INTERVALS, () => now);
  });

  it('does not poll at all when nothing runs and nothing is visible', () => {
    assert.strictEqual(scheduler.nextDelay([demand(), demand({ serverId: 's2' })], true), undefined);
    assert.deepStrictEqual(scheduler.duePlans([demand()], true), []);
  });

  it('polls a running list at the running interval, a visible idle list at the list interval', () => {
    const running = demand({ listRunning: true, listVisible: true });
    const idle = demand({ serverId: 's2', listVisible: true });
    scheduler.succeeded('s1');
    scheduler.succeeded('s2');
    assert.strictEqual(scheduler.nextDelay([running, idle], true), 5_000);
    now += 5_000;
    assert.deepStrictEqual(scheduler.duePlans([running, idle], true), [{ serverId: 's1', list: true }]);
    scheduler.succeeded('s1');
    now += 25_000;
    assert.deepStrictEqual(scheduler.duePlans([running, idle], true).map((p) => p.serverId).sort(), ['s1', 's2']);
  });

  it('asks only for single sessions when just a watched session runs', () => {
    assert.deepStrictEqual(scheduler.duePlans([demand({ watchedPending: 1 })], true), [{ serverId: 's1', list: false }]);
  });

  it('slows down while the window is unfocused and catches up on focus', () => {
    const running = demand({ listRunning: true });
    scheduler.succeeded('s1');
    now += 10_000;
    assert.deepStrictEqual(scheduler.duePlans([running], false), []);
    assert.strictEqual(scheduler.nextDelay([running], false), 50_000);
    // Focus returns: overdue by the running interval, so it is due at once.
    assert.strictEqual(scheduler.nextDelay([running], true), 0);
    assert.strictEqual(scheduler.duePlans([running], true).length, 1);
  });

  it('never overlaps two polls of one server', () => {
    const running = demand({ listRunning: true });
    scheduler.started('s1');
    now += 60_000;
    assert.deepStrictEqual(scheduler.duePlans([running], true), []);
    assert.strictEqual(scheduler.nextDelay([running], true), undefined);
  });

  it('backs off exponentially on failures up to the ceiling and resets on success', () => {
    const running = demand({ listRunning: true });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      scheduler.started('s1');
      scheduler.failed('s1');
      delays.push(scheduler.nextDelay([running], true) ?? -1);
    }
    assert.deepStrictEqual(delays, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    assert.strictEqual(scheduler.failureCount('s1'), 8);
    scheduler.succeeded('s1');
    assert.strictEqual(scheduler.nextDelay([running], true), 5_000);
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    scheduler.failed('s1', 120);
    assert.strictEqual(scheduler.nextDelay([demand({ listRunning: true })], true), 120_000);
    scheduler.reset('s1');
    assert.strictEqual(scheduler.nextDelay([demand({ listRunning: true })], true), 0);
  });

  it('keeps polling sessions in an unknown state, each interval twice the last up to a ceiling, until none is left', () => {
    const poll = (d: ServerDemand): number => {
      const delay = scheduler.nextDelay([d], true);
      assert.notStrictEqual(delay, undefined, 'an unknown state must stay polled');
      now += delay ?? 0;
      const plans = scheduler.duePlans([d], true);
      assert.strictEqual(plans.length, 1);
      scheduler.started('s1');
      scheduler.succeeded('s1');
      return delay ?? -1;
    };
    const watched = demand({ watchedUnknown: 1 });
    scheduler.succeeded('s1');
    const delays = Array.from({ length: 8 }, () => poll(watched));
    assert.deepStrictEqual(delays, [5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000, 60_000]);
    // Once a known running state shows up the running interval applies again, and the backoff starts over.
    assert.strictEqual(poll(demand({ watchedPending: 1, watchedUnknown: 1 })), 5_000);
    assert.strictEqual(poll(watched), 5_000);
    // Unknown gone (a known final state arrived): nothing left to poll.
    assert.strictEqual(scheduler.nextDelay([demand()], true), undefined);
  });

  it('asks for the list when the unknown state is on the loaded first page, and never polls slower than a visible list', () => {
    const onList = demand({ unknownOnList: true });
    assert.deepStrictEqual(scheduler.duePlans([onList], true), [{ serverId: 's1', list: true }]);
    assert.deepStrictEqual(scheduler.duePlans([demand({ watchedUnknown: 2 })], true), [{ serverId: 's1', list: false }]);
    for (let i = 0; i < 6; i++) {
      scheduler.started('s1');
      scheduler.succeeded('s1');
      now += 120_000;
      scheduler.duePlans([onList], true);
    }
    scheduler.succeeded('s1');
    assert.strictEqual(scheduler.nextDelay([onList], true), 60_000);
    assert.strictEqual(scheduler.nextDelay([demand({ unknownOnList: true, listVisible: true })], true), 30_000);
  });
});
