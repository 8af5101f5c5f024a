import * as assert from 'assert';
import { normaliseServerUrl } from '../../src/vscode/addServer/serverUrl';
import { untranslated as t } from '../../src/vscode/presentation/translate';

describe('server address normalisation', () => {
  const ok: Array<[string, 'em' | 'vb365', string, string]> = [
    ['em01', 'em', 'https://em01:9398', 'em01'],
    ['https://em01.corp.local', 'em', 'https://em01.corp.local:9398', 'em01.corp.local'],
    ['https://EM01:9443/api/', 'em', 'https://em01:9443', 'em01'],
    ['vb365.example.com', 'vb365', 'https://vb365.example.com:4443', 'vb365.example.com'],
    ['https://vb:4443/v8/RestoreSessions', 'vb365', 'https://vb:4443', 'vb'],
    ['https://vb:443', 'vb365', 'https://vb:443', 'vb'],
    ['  https://[::1]:9398  ', 'em', 'https://[::1]:9398', '::1'],
  ];
  for (const [input, kind, origin, host] of ok) {
    it(`${JSON.stringify(input)} (${kind}) → ${origin}`, () => assert.deepStrictEqual(normaliseServerUrl(input, kind, t), { origin, host }));
  }

  const bad = ['', '   ', 'http://em01:9398', 'ftp://em01', 'https://user:pw@em01', 'https://', 'https://exa mple'];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.ok('error' in normaliseServerUrl(input, 'em', t)));
  }
});
