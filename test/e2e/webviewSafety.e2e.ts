import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { extensionBundleMentions } from './extensionFeatures';
import { activeWebview, activityBarEntry, openSessionFromPalette, openWorkbench, simulatorOrSkip, type Workbench } from './workbench';

const EM_SERVER_NAME = 'Simulator · Enterprise Manager';
/** Any script that manages to run sets this flag in the webview's window. */
const PWNED_FLAG = '__veeamPwned';
const HOSTILE_NAME = `<script>window.${PWNED_FLAG}=1</script>"><img src=x onerror="window.${PWNED_FLAG}=2">\u202Etxt.exe\u0007`;
const HOSTILE_VM = `"><svg onload="window.${PWNED_FLAG}=3"><b>vm</b>`;
const HOSTILE_OBJ_REF = `javascript:window.${PWNED_FLAG}=4`;
const HOSTILE_LINKS = [`javascript:window.${PWNED_FLAG}=5`, `data:text/html,<script>window.${PWNED_FLAG}=6</script>`, `vbscript:msgbox(1)`];

async function controlRequest(simulator: SimulatorConnection, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.controlUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path} → ${response.status}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The frame in which the session page script runs: the one holding the session heading. */
async function sessionPageFrame(workbench: Workbench): Promise<Frame | undefined> {
  for (const frame of workbench.page.frames()) {
    const found = await frame.evaluate(`!!document.querySelector('[data-testid="session-name"]')`).catch(() => false);
    if (found === true) return frame;
  }
  return undefined;
}

/** A user opens a restore session whose every server-controlled field is hostile: nothing of it may execute. */
suite('UI: webview safety with hostile session data', () => {
  let workbench: Workbench | undefined;
  let simulator: SimulatorConnection;
  let sessionId: string;
  let dialogs = 0;

  suiteSetup(async function () {
    const fromEnvironment = simulatorOrSkip(this);
    if (!extensionBundleMentions(SUITE_ENVIRONMENT.bootstrap)) this.skip();
    simulator = fromEnvironment;
    const created = (await controlRequest(simulator, 'POST', `/sessions?api=em&name=${encodeURIComponent(HOSTILE_NAME)}`)) as { id: string };
    sessionId = created.id;
    await controlRequest(simulator, 'POST', `/sessions/${encodeURIComponent(sessionId)}/fields`, {
      vmDisplayName: HOSTILE_VM,
      restoredObjRef: HOSTILE_OBJ_REF,
      extraLinkHrefs: HOSTILE_LINKS,
    });
    workbench = await openWorkbench({ bootstrap: simulator });
    workbench.page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('names, fields and links show as inert text: no element, script, dialog or javascript: link from server data', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    // Showing the view activates the extension (its commands appear in the palette once servers are known).
    await activityBarEntry(page).click();
    await page.getByRole('treeitem', { name: new RegExp(EM_SERVER_NAME) }).first().waitFor({ timeout: 60_000 });
    await openSessionFromPalette(page, sessionId, EM_SERVER_NAME);

    const webview = activeWebview(page);
    const heading = webview.locator('[data-testid="session-name"]');
    await heading.waitFor({ timeout: 60_000 });
    await webview.getByText('txt.exe', { exact: false }).first().waitFor({ timeout: 60_000 });
    const shown = (await heading.textContent()) ?? '';
    // The literal markup is on screen as text; the bidi override is gone (it would flip "exe.txt").
    assert.ok(shown.includes(`<script>window.${PWNED_FLAG}=1</script>`), `the name is not shown literally: ${JSON.stringify(shown)}`);
    assert.ok(shown.includes('<img src=x onerror='), 'the img markup is not shown as text');
    assert.ok(!shown.includes('\u202E'), 'the bidi override reached the screen');
    await workbench!.screenshot('20-hostile-session-webview');

    const inner = await sessionPageFrame(workbench!);
    assert.ok(inner, 'the webview frame was not found');
    const report = (await inner.evaluate(`(() => ({
      pwned: window['${PWNED_FLAG}'] ?? null,
      scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
      inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg [onload], svg[onload]').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      hrefs: [...document.querySelectorAll('[href], [title], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('title') ?? e.getAttribute('src')),
      text: document.body.innerText,
    }))()`)) as { pwned: unknown; scripts: string[]; inlineScripts: string[]; imgs: number; svgs: number; handlers: number; hrefs: string[]; text: string };
    assert.ok(report.text.includes('txt.exe'), `evaluated in the wrong frame (${inner.url()})`);
    assert.strictEqual(report.pwned, null, 'a script from server data ran in the webview');
    assert.strictEqual(report.scripts.length, 1, `scripts in the page: ${report.scripts.join(', ')}`);
    // VS Code injects its own inline bootstrap (acquireVsCodeApi) into every webview; none may carry server text.
    for (const text of report.inlineScripts) assert.ok(!text.includes(PWNED_FLAG) && !text.includes('txt.exe'), 'an inline script holds server data');
    assert.ok(/\/dist\/webview\/main\.js/.test(report.scripts[0]), `unexpected script ${report.scripts[0]}`);
    assert.strictEqual(report.imgs, 0, 'an <img> element came from server data');
    assert.strictEqual(report.svgs, 0, 'an <svg onload> element came from server data');
    assert.strictEqual(report.handlers, 0, 'an element carries an inline event handler');
    for (const href of report.hrefs) assert.ok(!/^(javascript|data|vbscript):/i.test(href ?? ''), `a ${href} link is in the page`);
    // The hostile fields themselves are on the page, as text.
    assert.ok(report.text.includes('<b>vm</b>') || report.text.includes(HOSTILE_OBJ_REF), 'the hostile fields are not shown');

    // Nothing fired later either (an onerror needs the image to fail to load first).
    await page.waitForTimeout(1000);
    assert.strictEqual(await inner.evaluate(`window['${PWNED_FLAG}'] ?? null`), null);
    assert.strictEqual(dialogs, 0, 'a dialog opened');
  });
});
