import * as assert from 'assert';
import { normaliseServerUrl } from '../../src/vscode/addServer/serverUrl';
import { untranslated as t } from '../../src/shared/translate';

describe('server address normalisation', () => {
  const ok: Array<[string, 'em' | 'vb365', string, string]> = [
    ['em01', 'em', 'https://em01:9398', 'em01'],
    ['https://em01.corp.local', 'em', 'https://em01.corp.local:9398', 'em01.corp.local'],
    ['https://EM01:9443/api/', 'em', 'https://em01:9443', 'em01'],
    ['vb365.example.com', 'vb365', 'https://vb365.example.com:4443', 'vb365.example.com'],
    ['https://vb:4443/v8/RestoreSessions', 'vb365', 'https://vb:4443', 'vb'],
    ['https://vb:443', 'vb365', 'https://vb:443', 'vb'],
    ['  https://[::1]:9398  ', 'em', 'https://[::1]:9398', '::1'],
    // Pasted whole (the common case): the origin with the port given, never the kind's default on top.
    ['https://127.0.0.1:37811', 'em', 'https://127.0.0.1:37811', '127.0.0.1'],
    ['https://127.0.0.1:37811/api/restoreSessions?format=Entity', 'em', 'https://127.0.0.1:37811', '127.0.0.1'],
    ['127.0.0.1:37811', 'vb365', 'https://127.0.0.1:37811', '127.0.0.1'],
    ['em01.corp.local:9443/api', 'em', 'https://em01.corp.local:9443', 'em01.corp.local'],
  ];
  for (const [input, kind, origin, host] of ok) {
    it(`${JSON.stringify(input)} (${kind}) → ${origin}`, () => assert.deepStrictEqual(normaliseServerUrl(input, kind, t), { origin, host }));
  }

  const bad = ['', '   ', 'http://em01:9398', 'ftp://em01', 'https://user:pw@em01', 'https://', 'https://exa mple', 'https://:9398', 'https://em01:9398:9398'];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.ok('error' in normaliseServerUrl(input, 'em', t)));
  }

  // What pasting a URL into the old `https://:9398` template produced: accepted before as the host "https".
  for (const input of ['https://https://127.0.0.1:37811:9398', 'https://https://127.0.0.1:37811', 'https://em01https://em01:9398']) {
    it(`refuses the doubled address ${JSON.stringify(input)} with a message that says so`, () => {
      const result = normaliseServerUrl(input, 'em', t);
      assert.ok('error' in result, `accepted as ${JSON.stringify(result)}`);
      assert.match(result.error, /two addresses/);
      assert.match(result.error, /https:\/\/host:port/);
    });
  }
});
