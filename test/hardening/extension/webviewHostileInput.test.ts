import * as assert from 'assert';
import { revealBidiControls, stripBidiControls } from '../../../src/core/text/bidiControls';
import { isPageMessage } from '../../../src/shared/sessionPanelProtocol';
import { isHrefOfServer } from '../../../src/vscode/panel/relatedHref';
import { buildSessionPanelHtml } from '../../../src/vscode/panel/sessionPanelHtml';
import { webviewPageCsp } from '../../../src/vscode/panel/webviewPageHtml';

/**
 * Part 3 of the hardening issue, host side without VS Code: what the webview could send or show that must stay
 * inert. The real-browser half is test/e2e/webviewSafety.e2e.ts.
 */

const SERVER = 'https://em.example.test:9398';
const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'vscode://vscode.git/clone?url=x',
  'command:workbench.action.terminal.new',
  'https://user:pass@em.example.test:9398/api/',
  'https://evil.example.test/api/restoreSessions/1',
  'https://em.example.test:4443/api/restoreSessions/1',
  'http://em.example.test:9398/api/restoreSessions/1',
  '//evil.example.test:9398/x',
  '',
  'not a url',
];

describe('Hardening (extension): hostile input to the session webview', () => {
  it('opens only http(s) links on the configured server, never javascript:, data:, file:, command: or other hosts\' ports', () => {
    for (const href of HOSTILE_HREFS) assert.strictEqual(isHrefOfServer(SERVER, href), false, JSON.stringify(href));
    assert.strictEqual(isHrefOfServer(SERVER, `${SERVER}/api/restoreSessions/1?format=Entity`), true);
    // Veeam's own host name for itself, same scheme and port: fetched from the configured origin by the client.
    assert.strictEqual(isHrefOfServer(SERVER, 'https://localhost:9398/api/backupServers/1'), true);
  });

  it('refuses page messages with extra prototype tricks, wrong types or oversized fields', () => {
    const polluted = JSON.parse('{"type":"openLink","requestId":1,"href":"https://em.example.test:9398/","__proto__":{"isAdmin":true}}') as unknown;
    // The prototype key is data, not a prototype: the guard sees a plain valid openLink, nothing else changes.
    assert.strictEqual(isPageMessage(polluted), true);
    assert.strictEqual(({} as Record<string, unknown>).isAdmin, undefined);
    const refused: unknown[] = [
      { type: 'openLink', requestId: 1, href: ['javascript:alert(1)'] },
      { type: 'openLink', requestId: Number.MAX_SAFE_INTEGER + 1, href: SERVER },
      { type: 'openLink', requestId: 1, href: `${SERVER}/${'a'.repeat(5000)}` },
      { type: 'setRawFormat', requestId: 1, format: { toString: () => 'xml' } },
      { type: 'copyRaw', requestId: Number.NaN },
      { type: 'constructor', requestId: 1 },
      { type: 'toString', requestId: 1 },
      { type: 'ready\u0000' },
      { type: 'READY' },
    ];
    // (Inherited or proxied fields cannot arrive: webview messages are structured clones, plain data only.)
    for (const m of refused) assert.strictEqual(isPageMessage(m), false, String(JSON.stringify(m)));
  });

  it('the page shell holds no server text and its CSP allows no inline or eval script, whatever the nonce', () => {
    const nonces = ["'unsafe-inline'", 'a" http-equiv="refresh', '<script>'];
    for (const nonce of nonces) {
      const html = buildSessionPanelHtml({ cspSource: 'https://x.vscode-cdn.net', nonce, scriptUri: 'https://x/main.js', styleUri: 'https://x/w.css' });
      const csp = webviewPageCsp('https://x.vscode-cdn.net', 'n');
      assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), csp);
      assert.ok(/default-src 'none'/.test(csp));
      // A hostile nonce stays inside its attribute: one meta CSP, one script element, no new tags.
      assert.strictEqual((html.match(/<script\b/g) ?? []).length, 1, html);
      assert.strictEqual((html.match(/<meta http-equiv=/g) ?? []).length, 1, html);
    }
  });

  it('bidi and control characters are dropped from labels and made visible in raw bodies', () => {
    const name = 'invoice\u202Egpj.exe\u2066x\u2069\u200F';
    assert.strictEqual(stripBidiControls(name), 'invoicegpj.exex');
    assert.strictEqual(revealBidiControls('a\u202Eb'), 'a<U+202E>b');
  });
});
