import * as assert from 'assert';
import { isTimelineHostMessage, isTimelinePageMessage, type TimelineHostMessage, type TimelinePageMessage } from '../../src/shared/timelineProtocol';
import { exportBytes } from '../../src/vscode/timeline/pictureBytes';
import { buildTimelineHtml } from '../../src/vscode/timeline/timelineHtml';
import { timelineData } from '../../src/vscode/timeline/timelineData';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import { untranslated } from '../../src/shared/translate';

const ENTRY = { serverId: 's', sessionId: 'id', name: 'n', typeLabel: 'VM restore', state: 'running', result: 'pending' };

describe('Restore Activity messages and shell', () => {
  it('accepts every page message the page sends', () => {
    const valid: TimelinePageMessage[] = [
      { type: 'ready' },
      { type: 'filter' },
      { type: 'clearFilter' },
      { type: 'open', serverId: 's', sessionId: 'id' },
      { type: 'tooltip', requestId: 3, serverId: 's', sessionId: 'id' },
      { type: 'export', requestId: 4, format: 'svg', data: '<svg></svg>' },
      { type: 'export', requestId: 5, format: 'png', data: 'data:image/png;base64,AAAA' },
    ];
    for (const m of valid) assert.ok(isTimelinePageMessage(m), JSON.stringify(m));
  });

  it('refuses malformed page messages', () => {
    const invalid: unknown[] = [
      null,
      'ready',
      { type: 'open', serverId: 's' },
      { type: 'open', serverId: '', sessionId: 'id' },
      { type: 'open', serverId: 's', sessionId: 'x'.repeat(513) },
      { type: 'tooltip', requestId: -1, serverId: 's', sessionId: 'id' },
      { type: 'export', requestId: 1, format: 'pdf', data: '' },
      { type: 'export', requestId: 1, format: 'svg', data: 42 },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
    ];
    for (const m of invalid) assert.ok(!isTimelinePageMessage(m), JSON.stringify(m));
  });

  it('accepts the host messages and refuses malformed ones', () => {
    const valid: TimelineHostMessage[] = [
      { type: 'data', data: { servers: [{ id: 's', name: 'S' }], entries: [ENTRY as never], missing: [], partial: false } },
      { type: 'tooltip', requestId: 1, title: 't', lines: [['State', 'Working']] },
      { type: 'reply', requestId: 2, ok: false, message: 'no' },
    ];
    for (const m of valid) assert.ok(isTimelineHostMessage(m), JSON.stringify(m));
    const invalid: unknown[] = [
      { type: 'data', data: { servers: [], entries: [{ ...ENTRY, name: 3 }], missing: [], partial: false } },
      { type: 'data', data: { servers: [], entries: [], missing: 'x', partial: false } },
      { type: 'tooltip', requestId: 1, title: 't', lines: [['State']] },
      { type: 'reply', requestId: 2 },
    ];
    for (const m of invalid) assert.ok(!isTimelineHostMessage(m), JSON.stringify(m));
  });

  it('writes only an SVG document or a real PNG', () => {
    assert.ok(exportBytes('svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    assert.strictEqual(exportBytes('svg', '<html><script>alert(1)</script></html>'), undefined);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');
    assert.deepStrictEqual([...exportBytes('png', `data:image/png;base64,${png}`)!.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.strictEqual(exportBytes('png', `data:image/png;base64,${Buffer.from('#!/bin/sh').toString('base64')}`), undefined);
    assert.strictEqual(exportBytes('png', 'data:text/html;base64,AAAA'), undefined);
  });

  it('builds a shell with a nonce CSP and no inline script or server data', () => {
    const html = buildTimelineHtml({ cspSource: 'vscode-resource:', nonce: 'abc+/=', scriptUri: 'vscode-resource:/t.js', styleUri: 'vscode-resource:/t.css' });
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-abc\+\/='/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc\+\/=" src="vscode-resource:\/t\.js"><\/script>/);
  });

  it('sends the loaded sessions of the servers in scope, and names the servers it has none of', () => {
    const row = { id: 'a1', name: 'A', typeLabel: 'VM restore', state: 'finished', result: 'success', creationTime: '2026-12-02T10:00:00.000Z', endTime: '2026-12-02T10:05:00.000Z', durationMs: 300_000, vmDisplayName: 'sql-01', restoredObject: 'ignored' } as RestoreSessionSummary;
    const servers = [
      { id: 'em', name: 'EM' },
      { id: 'm365', name: 'M365' },
      { id: 'out', name: 'Signed out' },
    ];
    const registry = { list: () => servers as never, isSignedOut: (id: string) => id === 'out' };
    // A signed-out server's list may still be in the store (signed out a moment ago): not shown.
    const store = { sessions: (id: string) => (id === 'em' || id === 'out' ? [row] : undefined), hasMore: (id: string) => id === 'em', filter: undefined };
    const all = timelineData(registry, store, undefined, untranslated);
    assert.deepStrictEqual(all.entries, [
      { serverId: 'em', sessionId: 'a1', name: 'A', typeLabel: 'VM restore', state: 'finished', result: 'success', creationTime: row.creationTime, endTime: row.endTime, durationMs: 300_000, object: 'sql-01' },
    ]);
    assert.deepStrictEqual([all.missing, all.partial, all.scope], [['M365', 'Signed out'], true, undefined]);
    const one = timelineData(registry, { ...store, filter: { states: ['running'] } }, 'm365', untranslated);
    assert.deepStrictEqual([one.servers, one.entries.length, one.scope, one.filter], [[{ id: 'm365', name: 'M365' }], 0, 'M365', 'Filter: Running']);
  });
});
