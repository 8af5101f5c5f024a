import * as assert from 'assert';
import fc from 'fast-check';
import { sortNewestFirst } from '../../src/core/model/sessionOrder';
import { toIso } from '../../src/core/model/veeamTimestamp';

interface Row {
  name: string;
  creationTime: string | undefined;
}

const row = (name: string, ms: number | undefined): Row => ({ name, creationTime: toIso(ms) });

describe('sortNewestFirst: string order of creation times as time order', () => {
  it('sorts newest first, equal times and missing times in server order, missing times last', () => {
    const rows = [row('a', 1_000), row('none-1', undefined), row('b', 5_000), row('c', 1_000), row('none-2', undefined), row('d', 253_402_300_799_999)];
    assert.deepStrictEqual(
      sortNewestFirst(rows).map((r) => r.name),
      ['d', 'b', 'a', 'c', 'none-1', 'none-2'],
    );
  });

  it('returns the same array when the server sorted it already', () => {
    const rows = [row('new', 9_000), row('old', 1_000), row('none', undefined)];
    assert.strictEqual(sortNewestFirst(rows), rows);
  });

  it('agrees with sorting by Date.parse for any times the parsers can produce (years 1754–9999)', () => {
    const ms = fc.integer({ min: Date.UTC(1754, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    fc.assert(
      fc.property(fc.array(fc.option(ms, { nil: undefined }), { maxLength: 40 }), (times) => {
        const rows = times.map((t, i) => row(String(i), t));
        const byParse = rows
          .map((r, i) => ({ r, i, t: r.creationTime ? Date.parse(r.creationTime) : Number.NEGATIVE_INFINITY }))
          .sort((a, b) => b.t - a.t || a.i - b.i)
          .map((k) => k.r.name);
        assert.deepStrictEqual(sortNewestFirst(rows).map((r) => r.name), byParse);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
