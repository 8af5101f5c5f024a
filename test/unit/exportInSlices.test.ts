import * as assert from 'assert';
import { csvText, csvTextInSlices } from '../../src/core/export/csvText';
import { SESSION_COLUMNS, sessionRow, sessionsJson, sessionsJsonInSlices, type ExportedSession } from '../../src/core/export/sessionRows';
import { SLICE_ROWS, textInSlices } from '../../src/core/export/textInSlices';
import { SERVER_KINDS } from '../../src/core/kinds/serverKinds';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';

function sessions(count: number): ExportedSession[] {
  return Array.from({ length: count }, (_, i) => {
    const session: RestoreSessionSummary = {
      kind: SERVER_KINDS[i % SERVER_KINDS.length].id,
      id: `0f7b6c1e-2a44-4b5e-9c1d-${String(i).padStart(12, '0')}`,
      // Server text with what CSV and JSON must escape: quotes, commas, line breaks, a formula, non-ASCII.
      name: i % 7 === 0 ? `=HYPERLINK("x"),\r\n"web${i}" – ü` : `Restore web${i}`,
      type: 'RestoreVm',
      typeLabel: 'VM restore',
      platform: 'vSphere',
      state: i % 3 === 0 ? 'running' : 'finished',
      rawState: i % 3 === 0 ? 'Working' : 'Stopped',
      result: 'success',
      rawResult: 'Success',
      progress: i % 101,
      creationTime: '2026-03-01T10:00:00.000Z',
      endTime: i % 3 === 0 ? undefined : '2026-03-01T10:03:12.500Z',
      durationMs: i % 5 === 0 ? undefined : i * 1000,
    };
    return { serverName: `server ${i % 4}`, session };
  });
}

describe('exports built in slices', () => {
  for (const count of [0, 1, SLICE_ROWS, SLICE_ROWS * 2 + 17]) {
    it(`${count} sessions: the CSV slices joined are exactly the CSV built in one go (header once)`, async () => {
      const all = sessions(count);
      assert.strictEqual((await csvTextInSlices(SESSION_COLUMNS, all, sessionRow)).join(''), csvText(SESSION_COLUMNS, all.map(sessionRow)));
    });

    it(`${count} sessions: the JSON slices joined are exactly the JSON built in one go`, async () => {
      const all = sessions(count);
      assert.strictEqual((await sessionsJsonInSlices(all)).join(''), sessionsJson(all));
    });
  }

  it('gives the event loop a turn between slices (what was scheduled meanwhile runs before the next slice)', async () => {
    let turns = 0;
    const seen: number[] = [];
    const tick = (): void => {
      turns++;
      if (turns < 10) setImmediate(tick);
    };
    setImmediate(tick);
    await textInSlices([1, 2, 3, 4, 5, 6], (slice) => {
      seen.push(turns);
      return slice.join(',');
    }, 2);
    assert.deepStrictEqual(seen, [0, 1, 2], 'one turn of the event loop before each slice after the first');
  });
});
