import * as assert from 'assert';
import { percentile } from '../../src/core/timeline/percentile';
import type { TimelineEntry } from '../../src/core/timeline/timelineEntry';
import { prepareTimeline } from '../../src/core/timeline/timelineLayout';
import { summarizeTimeline } from '../../src/core/timeline/timelineStats';
import { toIso } from '../../src/core/model/veeamTimestamp';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);

function entry(id: string, startMin: number, endMin: number | undefined, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    serverId: 's1',
    sessionId: id,
    name: id,
    typeLabel: 'VM restore',
    state: endMin === undefined ? 'running' : 'finished',
    result: endMin === undefined ? 'pending' : 'success',
    creationTime: toIso(T0 + startMin * MINUTE),
    endTime: endMin === undefined ? undefined : toIso(T0 + endMin * MINUTE),
    ...over,
  };
}

const servers = [{ id: 's1', name: 'First' }];

describe('timeline summary', () => {
  describe('percentile', () => {
    it('interpolates between ranks (the 50th is the median of an even count)', () => {
      assert.strictEqual(percentile([1, 2, 3, 4], 50), 2.5);
      assert.strictEqual(percentile([10], 95), 10);
      assert.strictEqual(percentile([], 50), undefined);
      assert.strictEqual(percentile([0, 100], 95), 95);
      const hundred = Array.from({ length: 101 }, (_, i) => i);
      assert.strictEqual(percentile(hundred, 95), 95);
    });
  });

  it('counts running, finished and failed sessions of the window', () => {
    const prepared = prepareTimeline(
      servers,
      [
        entry('run', 10, undefined),
        entry('ok', 0, 20),
        entry('bad', 5, 30, { result: 'failed' }),
        entry('bad-before', -120, -90, { result: 'failed' }),
        entry('ends-later', 50, 90),
      ],
      0,
    );
    const summary = summarizeTimeline(prepared, { start: T0, end: T0 + HOUR }, T0 + 40 * MINUTE, HOUR);
    assert.deepStrictEqual([summary.runningNow, summary.finished, summary.failed], [1, 2, 1]);
  });

  it('gives median and 95th percentile per restore type, most frequent type first, leaving out invented ends', () => {
    const prepared = prepareTimeline(
      servers,
      [
        entry('v1', 0, 10),
        entry('v2', 0, 20),
        entry('v3', 0, 30),
        entry('v4', 0, 40),
        entry('f1', 0, 5, { typeLabel: 'File restore' }),
        entry('skewed', 30, 10, { typeLabel: 'File restore' }),
        entry('no-end', 30, undefined, { typeLabel: 'File restore', state: 'finished', result: 'success' }),
        entry('running', 0, undefined),
      ],
      0,
    );
    const summary = summarizeTimeline(prepared, { start: T0, end: T0 + HOUR }, T0 + 50 * MINUTE, HOUR);
    assert.deepStrictEqual(summary.durations, [
      { typeLabel: 'VM restore', count: 4, medianMs: 25 * MINUTE, p95Ms: 38.5 * MINUTE },
      { typeLabel: 'File restore', count: 1, medianMs: 5 * MINUTE, p95Ms: 5 * MINUTE },
    ]);
  });

  it('buckets starts per hour from the window start, ignoring starts before it', () => {
    const prepared = prepareTimeline(servers, [entry('a', -30, 10), entry('b', 5, 6), entry('c', 59, 61), entry('d', 60, 70), entry('e', 179, 180)], 0);
    const summary = summarizeTimeline(prepared, { start: T0, end: T0 + 3 * HOUR }, T0 + 4 * HOUR, HOUR);
    assert.deepStrictEqual(summary.starts, [2, 1, 1]);
    assert.strictEqual(summary.bucketMs, HOUR);
  });

  it('finds the most sessions running at one moment, counting touching and point-like bars', () => {
    const prepared = prepareTimeline(servers, [entry('a', 0, 30), entry('b', 10, 20), entry('c', 15, 40), entry('d', 40, 50), entry('p', 45, 45)], 0);
    const summary = summarizeTimeline(prepared, { start: T0, end: T0 + HOUR }, T0 + HOUR, HOUR);
    assert.strictEqual(summary.peakConcurrent, 3);
    const alone = summarizeTimeline(prepareTimeline(servers, [entry('p', 45, 45)], 0), { start: T0, end: T0 + HOUR }, T0 + HOUR, HOUR);
    assert.strictEqual(alone.peakConcurrent, 1);
  });
});
