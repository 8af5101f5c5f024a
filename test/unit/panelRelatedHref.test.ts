import * as assert from 'assert';
import { stripBidiControls, revealBidiControls } from '../../src/core/text/bidiControls';
import { toPanelError } from '../../src/vscode/panel/panelError';
import { isHrefOfServer } from '../../src/vscode/panel/relatedHref';
import { VeeamError } from '../../src/core/errors';

const SERVER = 'https://em01.example.test:9398';

describe('panel: related link policy', () => {
  it('allows links on the configured origin', () => {
    assert.ok(isHrefOfServer(SERVER, 'https://em01.example.test:9398/api/backupServers/7d63?format=Entity'));
    assert.ok(isHrefOfServer(SERVER, 'https://EM01.example.test:9398/api/vmRestorePoints/1'));
    assert.ok(isHrefOfServer('https://em01:443', 'https://em01/api/x'), 'default port is the same origin');
  });

  it("allows the server's own name for itself on the same scheme and port (the client rewrites it onto the configured origin)", () => {
    assert.ok(isHrefOfServer(SERVER, 'https://localhost:9398/api/backupServers/1'));
    assert.ok(isHrefOfServer('https://10.0.0.5:9398', 'https://EM01:9398/api/restoreSessions/1?format=Entity'));
  });

  it('refuses other hosts, ports, schemes, credentials and garbage', () => {
    for (const href of [
      'https://attacker.example:443/api/backupServers/1',
      'https://em01.example.test:9399/api/x',
      'https://em01.example.test/api/x',
      'http://em01.example.test:9398/api/x',
      'https://user:pw@em01.example.test:9398/api/x',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:workbench.action.reloadWindow',
      '/api/backupServers/1',
      '',
    ]) {
      assert.ok(!isHrefOfServer(SERVER, href), href);
    }
    assert.ok(!isHrefOfServer('not a url', 'https://em01/api'));
  });
});

describe('panel: displayed text', () => {
  it('strips bidi controls from names and reveals them in raw bodies', () => {
    const name = 'invoice\u202Efdp.exe\u2066x\u2069';
    assert.strictEqual(stripBidiControls(name), 'invoicefdp.exex');
    assert.strictEqual(revealBidiControls('a\u202Eb'), 'a<U+202E>b');
    assert.strictEqual(stripBidiControls('plain [FLR]@2026'), 'plain [FLR]@2026');
  });

  it('shows VeeamError messages and hides other errors behind a generic sentence', () => {
    assert.deepStrictEqual(toPanelError(new VeeamError('unreachable', 'The server did not answer.')), {
      code: 'unreachable',
      message: 'The server did not answer.',
    });
    const other = toPanelError(new Error('connect ECONNREFUSED token=abc'));
    assert.strictEqual(other.code, 'unexpected');
    assert.ok(!other.message.includes('token'));
  });
});
