import * as assert from 'assert';
import { isPossiblyRunning, isRunning } from '../../src/core/model/restoreSession';
import { normaliseResult, normaliseState } from '../../src/core/model/sessionVocabulary';

describe('session vocabulary', () => {
  it('maps a state word it does not know, or none, to unknown, and unknown counts as possibly running', () => {
    for (const raw of ['Postprocessing', 'Pausing', '', undefined]) {
      const state = normaliseState(raw);
      assert.strictEqual(state, 'unknown', String(raw));
      assert.strictEqual(isRunning({ state }), false);
      assert.strictEqual(isPossiblyRunning({ state }), true, 'a newer server state may still be running');
    }
    assert.strictEqual(isPossiblyRunning({ state: 'finished' }), false);
    assert.strictEqual(isPossiblyRunning({ state: normaliseState('Working') }), true);
  });

  it('never reads an outcome (or "pending") into the result of a session whose state is unknown', () => {
    for (const raw of ['None', '', undefined, 'Success', 'Failed', 'Partial']) {
      assert.strictEqual(normaliseResult(raw, 'unknown'), 'unknown', String(raw));
    }
  });

  it('keeps the known results: pending while running, the outcome once finished, unknown for none at the end', () => {
    assert.strictEqual(normaliseResult('None', 'running'), 'pending');
    assert.strictEqual(normaliseResult('Success', 'stopping'), 'pending');
    assert.strictEqual(normaliseResult('warning', 'finished'), 'warning');
    assert.strictEqual(normaliseResult('None', 'finished'), 'unknown');
    assert.strictEqual(normaliseResult('Partial', 'finished'), 'unknown');
  });
});
