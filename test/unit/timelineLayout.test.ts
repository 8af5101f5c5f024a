import * as assert from 'assert';
import fc from 'fast-check';
import { axisTicks } from '../../src/core/timeline/axisTicks';
import { barEnd, placeBar } from '../../src/core/timeline/barPlacement';
import type { TimelineEntry } from '../../src/core/timeline/timelineEntry';
import { layoutTimeline, prepareTimeline, type TimelineRow } from '../../src/core/timeline/timelineLayout';
import { toIso } from '../../src/core/model/veeamTimestamp';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);

/** A finished, successful session from `startMin` to `endMin` minutes after T0; overrides state the rest. */
function entry(id: string, startMin: number | undefined, endMin: number | undefined, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    serverId: 's1',
    sessionId: id,
    name: `session ${id}`,
    typeLabel: 'VM restore',
    state: 'finished',
    result: 'success',
    creationTime: startMin === undefined ? undefined : toIso(T0 + startMin * 60_000),
    endTime: endMin === undefined ? undefined : toIso(T0 + endMin * 60_000),
    ...over,
  };
}

const servers = [
  { id: 's1', name: 'First' },
  { id: 's2', name: 'Second' },
];

function sessionIds(rows: TimelineRow[]): string[] {
  return rows.flatMap((r) => (r.kind === 'session' ? [r.entry.sessionId] : []));
}

function rowLabels(rows: TimelineRow[]): string[] {
  return rows.map((r) => (r.kind === 'session' ? r.entry.sessionId : `${r.kind}:${r.label ?? '-'}`));
}

describe('timeline layout', () => {
  describe('placeBar', () => {
    it('places a finished session from its start to its end', () => {
      const bar = placeBar(entry('a', 0, 30), 0)!;
      assert.deepStrictEqual([bar.start, bar.fixedEnd, bar.tone, bar.skewed, bar.zoneless, bar.endUnknown], [T0, T0 + 30 * 60_000, 'success', false, false, false]);
    });

    it('leaves the end of a running session open: it is drawn to now, and grows with now', () => {
      const bar = placeBar(entry('r', 0, undefined, { state: 'running', result: 'pending' }), 0)!;
      assert.strictEqual(bar.fixedEnd, undefined);
      assert.strictEqual(bar.tone, 'running');
      assert.strictEqual(barEnd(bar, T0 + HOUR).end, T0 + HOUR);
      assert.strictEqual(barEnd(bar, T0 + 2 * HOUR).end, T0 + 2 * HOUR);
    });

    it('treats an unknown state without an end as possibly running (open end), with its own tone', () => {
      const bar = placeBar(entry('u', 0, undefined, { state: 'unknown', result: 'unknown' }), 0)!;
      assert.strictEqual(bar.fixedEnd, undefined);
      assert.strictEqual(bar.tone, 'unknown');
    });

    it('clamps an end before the start (clock skew) to the start and flags it', () => {
      const bar = placeBar(entry('k', 30, 10), 0)!;
      assert.strictEqual(bar.fixedEnd, bar.start);
      assert.strictEqual(bar.skewed, true);
    });

    it('flags a running session whose start lies after now (server clock ahead) and draws it as a point', () => {
      const bar = placeBar(entry('f', 60, undefined, { state: 'running', result: 'pending' }), 0)!;
      assert.deepStrictEqual(barEnd(bar, T0), { end: T0 + HOUR, skewed: true });
    });

    it('places zone-less server times in the viewer zone and flags them as approximate', () => {
      const offset = 2 * HOUR; // viewer at UTC+2: 12:00 on the wall is 10:00 UTC
      const bar = placeBar(entry('z', undefined, undefined, { creationTimeLocal: '2026-12-02T12:00:00', endTimeLocal: '2026-12-02T12:30:00' }), offset)!;
      assert.deepStrictEqual([bar.start, bar.fixedEnd, bar.zoneless], [T0, T0 + 30 * 60_000, true]);
    });

    it('flags a bar with one zoned and one zone-less time as approximate too', () => {
      const bar = placeBar(entry('m', 0, undefined, { endTimeLocal: '2026-12-02T10:30:00' }), 0)!;
      assert.strictEqual(bar.zoneless, true);
      assert.strictEqual(bar.fixedEnd, T0 + 30 * 60_000);
    });

    it('ends a finished session without an end time at start + duration, or at its start (flagged) without one', () => {
      assert.strictEqual(placeBar(entry('d', 0, undefined, { durationMs: 5 * 60_000 }), 0)!.fixedEnd, T0 + 5 * 60_000);
      const point = placeBar(entry('p', 0, undefined), 0)!;
      assert.deepStrictEqual([point.fixedEnd, point.endUnknown], [T0, true]);
    });

    it('cannot place a session without any usable start', () => {
      assert.strictEqual(placeBar(entry('n', undefined, 10), 0), undefined);
      assert.strictEqual(placeBar(entry('g', undefined, undefined, { creationTimeLocal: 'not a time' }), 0), undefined);
    });

    it('gives each outcome its own tone', () => {
      const tones = (['success', 'warning', 'failed', 'unknown'] as const).map((result) => placeBar(entry(result, 0, 1, { result }), 0)!.tone);
      assert.deepStrictEqual(tones, ['success', 'warning', 'failed', 'stopped']);
      assert.strictEqual(placeBar(entry('s', 0, undefined, { state: 'stopping', result: 'pending' }), 0)!.tone, 'running');
    });
  });

  describe('prepareTimeline and layoutTimeline', () => {
    const window = { start: T0, end: T0 + HOUR };

    it('groups by server (in the given order), then by restored object (named ones first), sessions by start', () => {
      const prepared = prepareTimeline(
        servers,
        [
          entry('b2', 20, 25, { object: 'vm-b' }),
          entry('x', 5, 6, { serverId: 's2' }),
          entry('none', 1, 2),
          entry('a1', 10, 12, { object: 'vm-a' }),
          entry('b1', 15, 40, { object: 'vm-b' }),
        ],
        0,
      );
      const layout = layoutTimeline(prepared, window, T0 + HOUR);
      assert.deepStrictEqual(rowLabels(layout.rows), ['server:First', 'group:vm-a', 'a1', 'group:vm-b', 'b1', 'b2', 'group:-', 'none', 'server:Second', 'group:-', 'x']);
      assert.deepStrictEqual(
        layout.sessionRows.map((i) => (layout.rows[i] as { entry: TimelineEntry }).entry.sessionId),
        ['a1', 'b1', 'b2', 'none', 'x'],
      );
      const first = layout.rows[0];
      assert.ok(first.kind === 'server' && first.count === 4);
    });

    it('keeps overlapping sessions on their own rows, each bar its own span', () => {
      const prepared = prepareTimeline(servers, [entry('a', 0, 40), entry('b', 10, 30), entry('c', 10, 50)], 0);
      const bars = layoutTimeline(prepared, window, T0 + HOUR).rows.flatMap((r) => (r.kind === 'session' ? [[r.entry.sessionId, (r.bar.start - T0) / 60_000, (r.bar.end - T0) / 60_000]] : []));
      assert.deepStrictEqual(bars, [
        ['a', 0, 40],
        ['b', 10, 30],
        ['c', 10, 50],
      ]);
    });

    it('shows only sessions that meet the window, flags bars cut by its edges, and drops empty headings', () => {
      const prepared = prepareTimeline(
        servers,
        [entry('before', -120, -61), entry('across-start', -30, 10), entry('inside', 20, 30), entry('across-end', 50, 90), entry('after', 70, 80), entry('other', -200, -100, { serverId: 's2' })],
        0,
      );
      const layout = layoutTimeline(prepared, window, T0 + 2 * HOUR);
      assert.deepStrictEqual(rowLabels(layout.rows), ['server:First', 'group:-', 'across-start', 'inside', 'across-end']);
      const clip = layout.rows.flatMap((r) => (r.kind === 'session' ? [[r.bar.clippedStart, r.bar.clippedEnd]] : []));
      assert.deepStrictEqual(clip, [
        [true, false],
        [false, false],
        [false, true],
      ]);
    });

    it('draws a running session to now, so a later layout has a longer bar', () => {
      const prepared = prepareTimeline(servers, [entry('r', 10, undefined, { state: 'running', result: 'pending' })], 0);
      const bar = (now: number) => {
        const row = layoutTimeline(prepared, window, now).rows.find((r) => r.kind === 'session');
        return row?.kind === 'session' ? row.bar : undefined;
      };
      assert.strictEqual(bar(T0 + 20 * 60_000)!.end, T0 + 20 * 60_000);
      assert.strictEqual(bar(T0 + 30 * 60_000)!.end, T0 + 30 * 60_000);
      assert.strictEqual(bar(T0 + 30 * 60_000)!.live, true);
      // A running session that started before the window still shows while it runs into it.
      const long = prepareTimeline(servers, [entry('old', -600, undefined, { state: 'running', result: 'pending' })], 0);
      assert.deepStrictEqual(sessionIds(layoutTimeline(long, window, T0 + 30 * 60_000).rows), ['old']);
    });

    it('shows a skewed session as a point at its start, flagged', () => {
      const prepared = prepareTimeline(servers, [entry('k', 30, 5)], 0);
      const row = layoutTimeline(prepared, window, T0 + HOUR).rows.find((r) => r.kind === 'session');
      assert.ok(row?.kind === 'session');
      assert.deepStrictEqual([row.bar.start, row.bar.end, row.bar.skewed], [T0 + 30 * 60_000, T0 + 30 * 60_000, true]);
    });

    it('counts sessions without a start instead of drawing them, and shows a session listed twice once', () => {
      const prepared = prepareTimeline(servers, [entry('a', 0, 1), entry('a', 0, 1), entry('nostart', undefined, 5)], 0);
      assert.strictEqual(prepared.unplaced, 1);
      assert.deepStrictEqual(sessionIds(layoutTimeline(prepared, window, T0).rows), ['a']);
    });

    it('shows sessions of a server missing from the server list under its id', () => {
      const prepared = prepareTimeline(servers, [entry('gone', 0, 1, { serverId: 'removed' })], 0);
      assert.deepStrictEqual(rowLabels(layoutTimeline(prepared, window, T0).rows), ['server:removed', 'group:-', 'gone']);
    });

    it('for any sessions, shows exactly those whose bar meets the window, each once, starts ascending per group', () => {
      const minute = fc.integer({ min: -180, max: 240 });
      const arbitraryEntry = fc.record({ start: minute, length: fc.integer({ min: -30, max: 200 }), running: fc.boolean(), server: fc.constantFrom('s1', 's2') });
      fc.assert(
        fc.property(fc.array(arbitraryEntry, { maxLength: 60 }), fc.integer({ min: 0, max: 120 }), (specs, nowMin) => {
          const entries = specs.map((s, i) =>
            entry(`e${i}`, s.start, s.running ? undefined : s.start + s.length, s.running ? { state: 'running', result: 'pending', serverId: s.server } : { serverId: s.server }),
          );
          const now = T0 + nowMin * 60_000;
          const layout = layoutTimeline(prepareTimeline(servers, entries, 0), window, now);
          const expected = entries
            .filter((e) => {
              const bar = placeBar(e, 0)!;
              const end = barEnd(bar, now).end;
              return bar.start <= window.end && end >= window.start;
            })
            .map((e) => e.sessionId)
            .sort();
          assert.deepStrictEqual([...sessionIds(layout.rows)].sort(), expected);
          let previousStart = -Infinity;
          for (const row of layout.rows) {
            if (row.kind !== 'session') {
              previousStart = -Infinity;
              continue;
            }
            assert.ok(row.bar.end >= row.bar.start);
            assert.ok(row.bar.start >= previousStart, 'starts not ascending within a group');
            previousStart = row.bar.start;
          }
        }),
      );
    });
  });

  describe('axisTicks', () => {
    it('picks a round step that keeps the ticks under the limit, aligned to the hour', () => {
      const axis = axisTicks({ start: T0 + 7 * 60_000, end: T0 + 67 * 60_000 }, 8, 0);
      assert.strictEqual(axis.step, 10 * 60_000);
      assert.deepStrictEqual(
        axis.ticks.map((t) => (t.at - T0) / 60_000),
        [10, 20, 30, 40, 50, 60],
      );
    });

    it('marks local midnights as day ticks, in the viewer zone', () => {
      const offset = 2 * HOUR;
      const start = Date.UTC(2026, 11, 1, 12);
      const axis = axisTicks({ start, end: start + 24 * HOUR }, 4, offset);
      assert.strictEqual(axis.step, 6 * HOUR);
      const days = axis.ticks.filter((t) => t.day).map((t) => new Date(t.at).toISOString());
      assert.deepStrictEqual(days, ['2026-12-01T22:00:00.000Z']);
    });

    it('covers seven days with day steps', () => {
      const axis = axisTicks({ start: T0 - 7 * 24 * HOUR, end: T0 }, 10, 0);
      assert.strictEqual(axis.step, 24 * HOUR);
      assert.ok(axis.ticks.every((t) => t.day));
      assert.strictEqual(axis.ticks.length, 7);
    });
  });
});
