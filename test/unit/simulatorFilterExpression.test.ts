import * as assert from 'assert';
import { FilterSyntaxError, parseFilter } from '../simulator/filterExpression';

describe('simulator: EM filter expression grammar', () => {
  it('binds ; (AND) tighter than , (OR) and honours parentheses', () => {
    assert.deepStrictEqual(parseFilter('State==Working,State==Starting;Result!=Failed'), {
      kind: 'or',
      items: [
        { kind: 'comparison', field: 'State', operator: '==', value: 'Working' },
        {
          kind: 'and',
          items: [
            { kind: 'comparison', field: 'State', operator: '==', value: 'Starting' },
            { kind: 'comparison', field: 'Result', operator: '!=', value: 'Failed' },
          ],
        },
      ],
    });
    const grouped = parseFilter('(State==Working,State==Starting);Result!=Failed');
    assert.strictEqual(grouped.kind, 'and');
  });

  it('reads quoted values with "" as a literal quote and drops spaces from unquoted values', () => {
    assert.deepStrictEqual(parseFilter('Name=="say ""hi"", ok; (really)"'), { kind: 'comparison', field: 'Name', operator: '==', value: 'say "hi", ok; (really)' });
    assert.deepStrictEqual(parseFilter('VmDisplayName == web 01'), { kind: 'comparison', field: 'VmDisplayName', operator: '==', value: 'web01' });
  });

  it('reads every operator, the two-character ones before their one-character prefixes', () => {
    for (const op of ['==', '!=', '>=', '<=', '>', '<'] as const) {
      const node = parseFilter(`CreationTime${op}"2026-01-01T00:00:00Z"`);
      assert.ok(node.kind === 'comparison' && node.operator === op && node.value === '2026-01-01T00:00:00Z', op);
    }
  });

  it('rejects broken expressions', () => {
    for (const bad of ['', 'State', 'State==', '(State==Working', 'State==Working)', 'Name=="open', '==x', 'State=Working']) {
      assert.throws(() => parseFilter(bad), FilterSyntaxError, bad);
    }
  });
});
