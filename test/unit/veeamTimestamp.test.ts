import * as assert from 'assert';
import { parseVeeamTimestamp, toIso } from '../../src/core/model/veeamTimestamp';

describe('Veeam timestamps', () => {
  it('formats epoch milliseconds exactly as Date#toISOString, across the whole range and its edges', () => {
    const edges = [-62_167_219_200_000, -1, 0, 1, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999 /* 2100-02-28T23:59:59.999 */, 253_402_300_799_999];
    // A fixed pseudo-random walk over the four-digit-year range (no Math.random: the same inputs every run).
    let x = 12345;
    const walk = Array.from({ length: 5000 }, () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((x / 2_147_483_648) * 315_569_519_999_999) - 62_167_219_200_000;
    });
    for (const ms of [...edges, ...walk]) assert.strictEqual(toIso(ms), new Date(ms).toISOString(), String(ms));
    assert.strictEqual(toIso(undefined), undefined);
    // Outside four-digit years Date#toISOString writes ±YYYYYY; that path is Date's own.
    assert.strictEqual(toIso(253_402_300_800_000), '+010000-01-01T00:00:00.000Z');
  });

  it('reads 0–7 fractional digits as milliseconds and honours zone offsets', () => {
    const cases: Array<[string, string]> = [
      ['2026-11-25T11:05:33Z', '2026-11-25T11:05:33.000Z'],
      ['2026-11-25T11:05:33.2Z', '2026-11-25T11:05:33.200Z'],
      ['2026-11-25T11:05:33.25Z', '2026-11-25T11:05:33.250Z'],
      ['2026-11-25T11:05:33.3843234Z', '2026-11-25T11:05:33.384Z'],
      ['2026-11-25T11:05:33.1+01:00', '2026-11-25T10:05:33.100Z'],
      ['2026-11-25T11:05:33-07:30', '2026-11-25T18:35:33.000Z'],
      ['2026-11-25T11:05:33.5z', '2026-11-25T11:05:33.500Z'],
      ['2026-11-25T11:05:33', '2026-11-25T11:05:33.000Z'],
    ];
    // Offsets beyond ±14:00 or with more than 59 minutes are garbage, not times.
    for (const text of ['2026-11-25T11:05:33+15:00', '2026-11-25T11:05:33-01:60']) assert.strictEqual(parseVeeamTimestamp(text), undefined, text);
    for (const [text, iso] of cases) assert.strictEqual(toIso(parseVeeamTimestamp(text)), iso, text);
  });
});
