import * as assert from 'assert';
import { CompletionTracker } from '../../src/vscode/monitor/completionTracker';

const running = { state: 'running' as const };
const finished = { state: 'finished' as const };
const unknown = { state: 'unknown' as const };

describe('completion tracker', () => {
  it('reports a running → finished transition exactly once', () => {
    const tracker = new CompletionTracker();
    assert.strictEqual(tracker.observe('s/1', running, () => 'all'), false);
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), true);
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), false);
    // Even if a flaky server reports it running again and finished again.
    tracker.observe('s/1', running, () => 'all');
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), false);
  });

  it('does not report sessions first seen finished', () => {
    assert.strictEqual(new CompletionTracker().observe('s/1', finished, () => 'all'), false);
  });

  it('keeps the running memory across an unknown reading', () => {
    const tracker = new CompletionTracker();
    tracker.observe('s/1', running, () => 'all');
    tracker.observe('s/1', unknown, () => 'all');
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), true);
  });

  it('takes a session first seen in a state it does not know for possibly running: its finish is a completion', () => {
    const tracker = new CompletionTracker();
    assert.strictEqual(tracker.observe('s/1', unknown, () => 'all'), false);
    assert.strictEqual(tracker.observe('s/1', unknown, () => 'all'), false);
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), true);
    assert.strictEqual(tracker.observe('s/1', finished, () => 'all'), false);
  });

  it('"opened" reports only sessions the user opened; "off" reports none', () => {
    const tracker = new CompletionTracker();
    tracker.markOpened('s/2');
    for (const key of ['s/1', 's/2', 's/3']) tracker.observe(key, running, () => 'opened');
    assert.strictEqual(tracker.observe('s/1', finished, () => 'opened'), false);
    assert.strictEqual(tracker.observe('s/2', finished, () => 'opened'), true);
    assert.strictEqual(tracker.observe('s/3', finished, () => 'off'), false);
  });

  it('reads the setting only when a session completes', () => {
    const tracker = new CompletionTracker();
    let reads = 0;
    const setting = () => {
      reads += 1;
      return 'all' as const;
    };
    for (let i = 0; i < 100; i++) tracker.observe(`s/${i}`, finished, setting);
    tracker.observe('s/run', running, setting);
    assert.strictEqual(reads, 0);
    assert.strictEqual(tracker.observe('s/run', finished, setting), true);
    assert.strictEqual(reads, 1);
  });
});
