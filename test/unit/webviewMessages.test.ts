import * as assert from 'assert';
import {
  isHostMessage,
  isPageMessage,
  isPanelPersistedState,
  type HostMessage,
  type PageMessage,
} from '../../src/shared/sessionPanelProtocol';

const UI = { tab: 'raw', rawView: 'original', rawFormat: 'json', scrollY: 120 };

describe('webview message guards', () => {
  it('accepts every page message the page sends', () => {
    const valid: PageMessage[] = [
      { type: 'ready' },
      { type: 'retry' },
      { type: 'setRawFormat', requestId: 1, format: 'json' },
      { type: 'openRaw', requestId: 2 },
      { type: 'openLink', requestId: 3, href: 'https://em:9398/api/backupServers/1' },
      { type: 'copyRaw', requestId: 4 },
      { type: 'refreshEvents', requestId: 5 },
    ];
    for (const m of valid) assert.ok(isPageMessage(m), JSON.stringify(m));
  });

  it('refuses malformed page messages', () => {
    const invalid: unknown[] = [
      null,
      undefined,
      'ready',
      [],
      {},
      { type: 'unknown' },
      { type: 'setRawFormat', requestId: 1, format: 'yaml' },
      { type: 'setRawFormat', format: 'xml' },
      { type: 'openRaw', requestId: -1 },
      { type: 'openRaw', requestId: 1.5 },
      { type: 'copyRaw', requestId: '1' },
      { type: 'openLink', requestId: 1 },
      { type: 'openLink', requestId: 1, href: 42 },
      { type: 'openLink', requestId: 1, href: 'https://x/'.padEnd(5000, 'a') },
      { type: '__proto__' },
    ];
    for (const m of invalid) assert.ok(!isPageMessage(m), JSON.stringify(m));
  });

  it('validates the persisted state the serializer receives', () => {
    assert.ok(isPanelPersistedState({ serverId: 's', sessionId: 'x', ui: UI }));
    assert.ok(isPanelPersistedState({ serverId: 's', sessionId: 'x', ui: { tab: 'overview', rawView: 'pretty', scrollY: 0 } }));
    for (const bad of [
      undefined,
      { serverId: 's', sessionId: 'x' },
      { serverId: '', sessionId: 'x', ui: UI },
      { serverId: 's', sessionId: 'x', ui: { ...UI, tab: 'secrets' } },
      { serverId: 's', sessionId: 'x', ui: { ...UI, scrollY: Number.NaN } },
      { serverId: 's', sessionId: 'x', ui: { ...UI, rawFormat: 'yaml' } },
    ]) {
      assert.ok(!isPanelPersistedState(bad), JSON.stringify(bad));
    }
  });

  it('accepts host messages and refuses broken ones', () => {
    const session = { id: 'a', name: 'n', state: 'running', result: 'pending', links: [], extra: {} };
    const valid: unknown[] = [
      { type: 'loading' },
      { type: 'session', session },
      { type: 'raw', raw: { text: '<a/>', contentType: 'application/xml', format: 'xml' } },
      { type: 'events', events: [] },
      { type: 'error', error: { code: 'unreachable', message: 'm' } },
      { type: 'reply', requestId: 1, ok: true },
      { type: 'reply', requestId: 1, ok: false, error: { code: 'x', message: 'm' } },
      {
        type: 'context',
        context: { serverId: 's', sessionId: 'a', serverName: 'EM', hasLog: false, canStop: false, canSwitchFormat: true },
      } satisfies HostMessage,
    ];
    for (const m of valid) assert.ok(isHostMessage(m), JSON.stringify(m));
    const invalid: unknown[] = [
      { type: 'session', session: { ...session, links: 'x' } },
      { type: 'raw', raw: { text: 1, contentType: 'x', format: 'xml' } },
      { type: 'events', events: [1] },
      { type: 'reply', requestId: 1, ok: false },
      { type: 'context', context: { serverId: 's', sessionId: 'a', serverName: 'EM', hasLog: 'yes', canSwitchFormat: true } },
    ];
    for (const m of invalid) assert.ok(!isHostMessage(m), JSON.stringify(m));
  });
});
