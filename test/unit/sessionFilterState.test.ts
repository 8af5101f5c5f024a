import * as assert from 'assert';
import { describeFilter, toSessionFilter } from '../../src/vscode/tree/sessionFilterState';
import { untranslated as t } from '../../src/shared/translate';

describe('session filter', () => {
  it('is undefined when nothing is chosen', () => {
    assert.strictEqual(toSessionFilter({}), undefined);
    assert.strictEqual(toSessionFilter({ states: [], results: [], types: ['  '], text: '   ' }), undefined);
  });

  it('keeps known values once, trims text and types', () => {
    assert.deepStrictEqual(
      toSessionFilter({ states: ['running', 'running', 'bogus'], results: ['failed', 'nope'], types: [' RestoreVm ', 'RestoreVm'], text: ' sql ' }),
      { states: ['running'], results: ['failed'], types: ['RestoreVm'], text: 'sql' },
    );
  });

  it('describes the active filter in one line', () => {
    assert.strictEqual(describeFilter(undefined, t), undefined);
    assert.strictEqual(
      describeFilter({ states: ['running'], results: ['failed', 'warning'], types: ['Vex'], text: 'sql' }, t),
      'Filter: Running, Failed, Warning, Vex, “sql”',
    );
  });
});
