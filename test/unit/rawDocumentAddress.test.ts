import * as assert from 'assert';
import { parseRawDocumentQuery, rawDocumentAddress, withOtherFormat } from '../../src/vscode/rawDocuments/rawDocumentAddress';

const ID = 'fd166510-607b-4023-882a-334d0b907e87';

describe('raw document addresses', () => {
  it('round-trips a session target', () => {
    const target = { serverId: 'srv-1', sessionId: ID, format: 'xml' as const };
    const address = rawDocumentAddress('EM East', target);
    assert.strictEqual(address.path, `/EM East/${ID}.xml`);
    assert.deepStrictEqual(parseRawDocumentQuery(address.query), target);
  });

  it('round-trips a related href and names the file after its last segment', () => {
    const href = 'https://em01:9398/api/backupServers/7d63d225?format=Entity&x=a%26b';
    const address = rawDocumentAddress('em', { serverId: 's', href, format: 'json' });
    assert.strictEqual(address.path, '/em/7d63d225.json');
    assert.deepStrictEqual(parseRawDocumentQuery(address.query), { serverId: 's', href, format: 'json' });
  });

  it('keeps server names from breaking the path', () => {
    const address = rawDocumentAddress('a/b\\c?d#e\u202E\u0001', { serverId: 's', sessionId: ID, format: 'json' });
    assert.strictEqual(address.path, `/a_b_c_d_e_/${ID}.json`);
    assert.strictEqual(rawDocumentAddress('', { serverId: 's', sessionId: ID, format: 'xml' }).path, `/_/${ID}.xml`);
  });

  it('names a session\'s file after the session when its name is known, with the id prefix, without changing what is fetched', () => {
    const target = { serverId: 'srv-1', sessionId: ID, format: 'xml' as const };
    const address = rawDocumentAddress('EM East', target, 'web-frontend-02@2026-03-04 09:15:40');
    assert.strictEqual(address.path, '/EM East/web-frontend-02@2026-03-04 09.15.40 (fd166510).xml');
    assert.deepStrictEqual(parseRawDocumentQuery(address.query), target);
    // Server-provided: no path separators, no bidi overrides, bounded, and blank means unknown.
    const hostile = rawDocumentAddress('em', target, `../x\u202Eevil${'n'.repeat(300)}`).path;
    // 80 characters of name (the override among them, then dropped), then the id prefix.
    assert.strictEqual(hostile, `/em/.._xevil${'n'.repeat(71)} (fd166510).xml`);
    assert.strictEqual(rawDocumentAddress('em', target, '  ').path, `/em/${ID}.xml`);
  });

  it('refuses queries it did not build', () => {
    for (const q of ['', 'server=s', `server=s&format=yaml&session=${ID}`, 'server=s&format=xml&session=not-a-guid', `server=s&format=xml&session=${ID}&href=https://x`]) {
      assert.strictEqual(parseRawDocumentQuery(q), undefined, q);
    }
  });

  it('switches format', () => {
    assert.strictEqual(withOtherFormat({ serverId: 's', sessionId: ID, format: 'xml' }).format, 'json');
    assert.strictEqual(withOtherFormat({ serverId: 's', sessionId: ID, format: 'json' }).format, 'xml');
  });
});
