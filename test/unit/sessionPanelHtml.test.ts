import * as assert from 'assert';
import { createCspNonce } from '../../src/vscode/panel/cspNonce';
import { buildSessionPanelHtml } from '../../src/vscode/panel/sessionPanelHtml';
import { webviewPageCsp } from '../../src/vscode/panel/webviewPageHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function shell(nonce = createCspNonce()) {
  return {
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/main.js`,
    styleUri: `${CSP_SOURCE}/ext/media/webview.css`,
  };
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the page has a CSP meta tag');
  return m[1];
}

describe('session panel HTML shell', () => {
  it('carries the strict CSP with the nonce of this render', () => {
    const nonce = createCspNonce();
    const html = buildSessionPanelHtml(shell(nonce));
    const directives = cspOf(html).split(';').map((d) => d.trim());
    assert.deepStrictEqual(directives, [
      "default-src 'none'",
      `style-src ${CSP_SOURCE}`,
      `font-src ${CSP_SOURCE}`,
      `img-src ${CSP_SOURCE} data:`,
      `script-src 'nonce-${nonce}'`,
    ]);
    assert.strictEqual(cspOf(html), webviewPageCsp(CSP_SOURCE, nonce));
    assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
  });

  it('loads exactly one script, tagged with the nonce, and no inline script or style', () => {
    const s = shell();
    const html = buildSessionPanelHtml(s);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepStrictEqual(scripts, [`<script nonce="${s.nonce}" src="${s.scriptUri}">`]);
    assert.ok(/<script[^>]*><\/script>/.test(html), 'the script tag has no inline body');
    assert.ok(!/<style\b/.test(html) && !/\sstyle=/.test(html) && !/\son[a-z]+=/.test(html));
    assert.ok(html.includes(`<link rel="stylesheet" href="${s.styleUri}">`));
  });

  it('uses a fresh 128-bit nonce per render', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createCspNonce()));
    assert.strictEqual(nonces.size, 50);
    for (const n of nonces) assert.strictEqual(Buffer.from(n, 'base64').length, 16);
  });

  it('holds no server data: the same shell for any session, only the VS Code parts vary', () => {
    const a = buildSessionPanelHtml(shell('nonceA'));
    const b = buildSessionPanelHtml(shell('nonceB'));
    assert.strictEqual(a.replace(/nonceA/g, 'N'), b.replace(/nonceB/g, 'N'));
    // The builder has no parameter through which a session could enter; its whole text is the fixed template.
    assert.ok(!/restoreSession|urn:veeam|<dd|<h1/i.test(a));
  });

  it('escapes the VS Code parts it does embed', () => {
    const html = buildSessionPanelHtml({ ...shell('n'), styleUri: 'x"><script>alert(1)</script>' });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('x&quot;&gt;&lt;script&gt;'));
  });
});
