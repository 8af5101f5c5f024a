import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { RestoreSessionEvent } from '../../src/core/model/restoreSession';
import { logText } from '../../src/core/text/sessionLogText';
import { logStatusOf } from '../../src/webview/logStatus';

function event(order: number, status: string, title: string, extra: Partial<RestoreSessionEvent> = {}): RestoreSessionEvent {
  return { id: String(order), type: '', status, title, message: '', order, startTime: undefined, endTime: undefined, ...extra };
}

const GRAMMAR = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../media/veeam-log.tmLanguage.json'), 'utf8')) as {
  patterns: Array<{ match: string; name?: string; captures?: Record<string, { name: string }> }>;
};

/** The scope the grammar gives a whole line's status: the first pattern that matches it, as TextMate picks. */
function statusScope(line: string): string | undefined {
  for (const p of GRAMMAR.patterns) {
    const m = new RegExp(p.match).exec(line);
    if (m && m.index === 0) return p.captures?.['2']?.name ?? p.name;
  }
  return undefined;
}

describe('session log as text', () => {
  it('one line per record in id order, zone-less times marked, control characters and additional info kept readable', () => {
    const text = logText('# header', [
      event(2, 'Failed', 'Restoring disk 1', { message: 'Access\tdenied\r\n(5)', startTime: '2026-12-02T08:00:05.000Z' }),
      event(1, 'Succeeded', 'Connecting', { startTimeLocal: '2026-12-02T09:00:00.1234567', additionalInfo: 'proxy: px01\nmode: hotadd' }),
      event(3, 'None', 'Finishing\u0007'),
    ]);
    const lines = text.trimEnd().split('\n');
    assert.deepStrictEqual(lines, [
      '# header',
      '',
      '2026-12-02 09:00:00 (server time)  [Succeeded]  Connecting',
      '    proxy: px01',
      '    mode: hotadd',
      '2026-12-02 08:00:05Z  [Failed   ]  Restoring disk 1 — Access denied (5)',
      '—  [None     ]  Finishing\uFFFD',
    ]);
  });

  it('the grammar colours failed, warning and succeeded records differently, and additional info as a comment', () => {
    const text = logText('# h', [event(1, 'Failed', 'a', { startTime: '2026-12-02T08:00:00.000Z' }), event(2, 'Warning', 'b', { startTime: '2026-12-02T08:00:01.000Z' }), event(3, 'Succeeded', 'c', { startTime: '2026-12-02T08:00:02.000Z' })]);
    const [failed, warning, success] = text.split('\n').slice(2, 5);
    assert.match(statusScope(failed) ?? '', /failed/);
    assert.match(statusScope(warning) ?? '', /warning/);
    assert.match(statusScope(success) ?? '', /success/);
    assert.match(statusScope('    proxy: px01') ?? '', /additional-info/);
  });

  it('normalises record statuses of both APIs; unknown words are "other", never a guess', () => {
    assert.deepStrictEqual(['Failed', 'Warning', 'Succeeded', 'Success', 'Running', 'None', 'Postponed'].map(logStatusOf), ['failed', 'warning', 'success', 'success', 'running', 'other', 'other']);
  });
});
