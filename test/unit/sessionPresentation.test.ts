import * as assert from 'assert';
import type { RestoreSession } from '../../src/core/model/restoreSession';
import { formatDuration, sessionElapsedMs } from '../../src/shared/duration';
import {
  escapeMarkdown,
  sessionAccessibilityLabel,
  sessionDescription,
  sessionIcon,
  sessionTooltipMarkdown,
} from '../../src/vscode/presentation/sessionPresentation';
import { resultText, showsProgress, stateLabel } from '../../src/shared/sessionLabels';
import { untranslated as t } from '../../src/shared/translate';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function session(overrides: Partial<RestoreSession> = {}): RestoreSession {
  return {
    kind: 'em',
    id: '3f2a0000-0000-4000-8000-000000000001',
    uid: 'urn:veeam:RestoreSession:3f2a0000-0000-4000-8000-000000000001',
    uidSynthetic: false,
    name: 'Restore SQL01',
    type: 'RestoreVm',
    typeLabel: 'VM restore',
    platform: 'vSphere',
    state: 'finished',
    rawState: 'Stopped',
    result: 'success',
    rawResult: 'Success',
    progress: 100,
    creationTime: '2026-03-01T11:50:00Z',
    endTime: '2026-03-01T11:53:12Z',
    durationMs: 192_000,
    links: [],
    extra: {},
    ...overrides,
  };
}

describe('duration formatting', () => {
  const cases: Array<[number, string]> = [
    [0, '0s'],
    [-5, '0s'],
    [Number.NaN, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [192_000, '3m 12s'],
    [3_900_000, '1h 05m'],
    [2 * 86_400_000 + 3 * 3_600_000 + 59_000, '2d 3h'],
  ];
  for (const [ms, text] of cases) it(`${ms} ms → ${text}`, () => assert.strictEqual(formatDuration(ms), text));

  it('computes elapsed time live for a running session and uses the duration once finished', () => {
    assert.strictEqual(sessionElapsedMs({ durationMs: undefined, creationTime: '2026-03-01T11:59:00Z' }, NOW), 60_000);
    assert.strictEqual(sessionElapsedMs({ durationMs: 5, creationTime: '2026-03-01T11:59:00Z' }, NOW), 5);
    assert.strictEqual(sessionElapsedMs({ durationMs: undefined, creationTime: undefined }, NOW), undefined);
    assert.strictEqual(sessionElapsedMs({ durationMs: undefined, creationTime: 'garbage' }, NOW), undefined);
  });
});

describe('session description and icon', () => {
  it('shows the server state word and progress while running', () => {
    const s = session({ state: 'running', rawState: 'Working', result: 'pending', progress: 42.4, durationMs: undefined, endTime: undefined });
    assert.strictEqual(sessionDescription(s, NOW, t), 'Working · 42%');
    assert.deepStrictEqual(sessionIcon(s), { id: 'loading~spin' });
  });

  it('omits progress when the server gives none (VB365)', () => {
    const s = session({ kind: 'vb365', state: 'running', rawState: 'Working', result: 'pending', progress: undefined });
    assert.strictEqual(sessionDescription(s, NOW, t), 'Working');
  });

  it('shows result and duration when finished', () => {
    assert.strictEqual(sessionDescription(session(), NOW, t), 'Success · 3m 12s');
    assert.strictEqual(sessionDescription(session({ result: 'failed', rawResult: 'Failed', durationMs: 45_000 }), NOW, t), 'Failed · 45s');
  });

  it('keeps an unknown result string visible, marked as unknown', () => {
    assert.strictEqual(sessionDescription(session({ result: 'unknown', rawResult: 'Partial', durationMs: undefined, creationTime: undefined }), NOW, t), 'Unknown (Partial)');
  });

  it('shows a state it does not know as "Unknown (word)" with a question mark, never as running or finished', () => {
    const s = session({ state: 'unknown', rawState: 'Postprocessing', result: 'unknown', rawResult: 'None', progress: 64, endTime: undefined, durationMs: undefined });
    assert.strictEqual(stateLabel(s, t), 'Unknown (Postprocessing)');
    assert.strictEqual(resultText(s, t), 'Unknown');
    assert.strictEqual(sessionDescription(s, NOW, t), 'Unknown (Postprocessing) · 10m 0s');
    assert.deepStrictEqual(sessionIcon(s), { id: 'question' });
    assert.strictEqual(showsProgress(s), false);
    const md = sessionTooltipMarkdown(s, NOW, t, (iso) => iso);
    assert.match(md, /State: Unknown \\\(Postprocessing\\\)/);
    assert.match(md, /Result: Unknown {2}/);
    assert.doesNotMatch(md, /Running|Pending|Success|Finished/);
    // No state at all (an older or stripped response): "Unknown", not a guess.
    const absent = session({ state: 'unknown', rawState: '', result: 'unknown', rawResult: '' });
    assert.strictEqual(stateLabel(absent, t), 'Unknown');
    assert.strictEqual(resultText(absent, t), 'Unknown');
    assert.deepStrictEqual(sessionIcon(absent), { id: 'question' });
  });

  it('shows a finished session whose server reports Progress 0 by its result, with no bar and no "0%"', () => {
    // Veeam's own file-level-restore examples finish with Success and Progress 0.
    const flr = session({ type: 'FileLevelRestore', typeLabel: 'File-level restore', progress: 0 });
    assert.strictEqual(showsProgress(flr), false);
    assert.strictEqual(sessionDescription(flr, NOW, t), 'Success · 3m 12s');
    assert.doesNotMatch(sessionAccessibilityLabel(flr, NOW, t), /percent|0%/);
    assert.strictEqual(showsProgress(session({ state: 'running', rawState: 'Working', result: 'pending', progress: 0 })), true);
  });

  it('picks icon and colour by result', () => {
    assert.deepStrictEqual(sessionIcon(session()), { id: 'pass', color: 'testing.iconPassed' });
    assert.deepStrictEqual(sessionIcon(session({ result: 'warning' })), { id: 'warning', color: 'list.warningForeground' });
    assert.deepStrictEqual(sessionIcon(session({ result: 'failed' })), { id: 'error', color: 'testing.iconFailed' });
    assert.deepStrictEqual(sessionIcon(session({ result: 'unknown' })), { id: 'circle-slash' });
    assert.deepStrictEqual(sessionIcon(session({ state: 'stopping', result: 'pending' })), { id: 'loading~spin' });
  });

  it('describes state in words for screen readers', () => {
    const running = session({ state: 'running', rawState: 'Working', result: 'pending', progress: 7 });
    assert.strictEqual(sessionAccessibilityLabel(running, NOW, t), 'Restore session Restore SQL01, Working, 7 percent');
    assert.strictEqual(sessionAccessibilityLabel(session(), NOW, t), 'Restore session Restore SQL01, Success · 3m 12s');
  });
});

describe('result wording', () => {
  it('says Pending for a running EM session whose server result is "None"', () => {
    const running = session({ state: 'running', rawState: 'Working', result: 'pending', rawResult: 'None', progress: 40 });
    assert.strictEqual(resultText(running, t), 'Pending');
    const md = sessionTooltipMarkdown(running, NOW, t, (iso) => iso);
    assert.ok(md.includes('Result: Pending'), md);
    assert.ok(!md.includes('None'), md);
  });

  it('hides an interim VB365 result while the session still works', () => {
    assert.strictEqual(resultText(session({ state: 'running', rawState: 'Working', result: 'pending', rawResult: 'Success' }), t), 'Pending');
  });

  it('adds the raw word only when it says more than the normalised one', () => {
    assert.strictEqual(resultText(session(), t), 'Success');
    assert.strictEqual(resultText(session({ result: 'warning', rawResult: 'WARNING' }), t), 'Warning');
    assert.strictEqual(resultText(session({ result: 'failed', rawResult: 'Failed' }), (m) => `Fehler:${m}`), 'Fehler:Failed (Failed)');
    assert.strictEqual(resultText(session({ result: 'unknown', rawResult: 'Partial' }), t), 'Unknown (Partial)');
    assert.strictEqual(resultText(session({ result: 'unknown', rawResult: 'None' }), t), 'Unknown');
    assert.strictEqual(resultText(session({ result: 'unknown', rawResult: '' }), t), 'Unknown');
  });
});

describe('session tooltip', () => {
  it('lists the known fields and escapes server text', () => {
    const md = sessionTooltipMarkdown(
      session({ name: '[click](https://evil) *x*', initiatedBy: 'DOMAIN\\admin', restoredObject: 'urn:VMware:Vm:1', vmDisplayName: 'sql<01>' }),
      NOW,
      t,
      (iso) => `T(${iso})`,
    );
    assert.ok(md.startsWith('**\\[click\\]\\(https://evil\\) \\*x\\***'), md);
    assert.ok(md.includes('Type: VM restore'));
    assert.ok(md.includes('Started: T\\(2026\\-03\\-01T11:50:00Z\\)'), md);
    assert.ok(md.includes('Restored object: sql\\<01\\>'), md);
    assert.ok(md.includes('Initiated by: DOMAIN\\\\admin'), md);
    assert.ok(!md.includes('Organization'), 'absent fields are left out');
  });

  it('names the state as State and the outcome as Result, not the other way round', () => {
    const finished = sessionTooltipMarkdown(session({ result: 'warning', rawResult: 'Warning' }), NOW, t, (iso) => iso);
    assert.match(finished, /State: Stopped/);
    assert.match(finished, /Result: Warning/);
    assert.match(finished, /Duration: /);
    const running = sessionTooltipMarkdown(
      session({ state: 'running', rawState: 'Working', result: 'pending', rawResult: 'None', progress: 42, endTime: undefined, durationMs: undefined }),
      NOW,
      t,
      (iso) => iso,
    );
    assert.match(running, /State: Working · 42%/);
    assert.match(running, /Result: Pending/);
  });

  it('escapes every Markdown-active character', () => {
    const raw = '\\`*_{}[]()#+-.!|<>~$';
    const escaped = escapeMarkdown(raw);
    assert.strictEqual(escaped.replace(/\\(.)/g, '$1'), raw);
    assert.strictEqual(escaped.length, raw.length * 2);
    assert.strictEqual(escapeMarkdown('a\nb'), 'a b');
  });
});
