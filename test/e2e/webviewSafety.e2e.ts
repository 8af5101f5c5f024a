import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { extensionBundleMentions } from './extensionFeatures';
import { activeWebview, activityBarEntry, onScreenFailure, openSessionFromPalette, openWorkbench, runFromCommandPalette, simulatorOrSkip, waitForCommandInput, type Workbench } from './workbench';

const EM_SERVER_NAME = 'Simulator · Enterprise Manager';
/** Any script that manages to run sets this flag in the webview's window. */
const PWNED_FLAG = '__veeamPwned';
const HOSTILE_NAME = `<script>window.${PWNED_FLAG}=1</script>"><img src=x onerror="window.${PWNED_FLAG}=2">\u202Etxt.exe\u0007`;
const HOSTILE_VM = `"><svg onload="window.${PWNED_FLAG}=3"><b>vm</b>`;
const HOSTILE_OBJ_REF = `javascript:window.${PWNED_FLAG}=4`;
const HOSTILE_LINKS = [`javascript:window.${PWNED_FLAG}=5`, `data:text/html,<script>window.${PWNED_FLAG}=6</script>`, `vbscript:msgbox(1)`];
/** Backup & Replication log records (`/api/v1/sessions/{id}/logs`) whose every field is hostile; one is a megabyte long. */
const HOSTILE_LOG_TITLE = `<script>window.${PWNED_FLAG}=7</script>`;
const HOSTILE_LOG_STATUS = `Pwned<b>${PWNED_FLAG}</b>`;
const HOSTILE_LOG_RECORDS = [
  {
    status: 'Failed',
    title: HOSTILE_LOG_TITLE,
    description: `"><img src=x onerror="window.${PWNED_FLAG}=8"></textarea><svg onload="window.${PWNED_FLAG}=9">`,
    info: [{ field: `</textarea><img src=x onerror="window.${PWNED_FLAG}=10">`, data: '\u202Egpj.exe' }],
  },
  { status: HOSTILE_LOG_STATUS, title: `log\u202Etxt.exe\u0000\u0007\u001b[31m`, description: `<iframe srcdoc="<script>parent.${PWNED_FLAG}=11</script>">`, info: [] },
  { status: 'Warning', title: 'a megabyte of message', description: `${'<b>m</b>'.repeat(110_000)}`, info: [] },
];

async function controlRequest(simulator: SimulatorConnection, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.controlUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path} → ${response.status}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The frame in which the session page script runs: the one holding the session heading (and `text`, when given). */
async function sessionPageFrame(workbench: Workbench, text = ''): Promise<Frame | undefined> {
  for (const frame of workbench.page.frames()) {
    const found = await frame.evaluate(`!!document.querySelector('[data-testid="session-name"]') && document.body.innerText.includes(${JSON.stringify(text)})`).catch(() => false);
    if (found === true) return frame;
  }
  return undefined;
}

interface PageReport {
  pwned: unknown;
  scripts: string[];
  inlineScripts: string[];
  imgs: number;
  svgs: number;
  iframes: number;
  handlers: number;
  hrefs: string[];
  text: string;
}

/** What server data could have added to the page: set flags, scripts, images, SVG, frames, handlers, links. */
async function pageReport(frame: Frame): Promise<PageReport> {
  return (await frame.evaluate(`(() => ({
    pwned: window['${PWNED_FLAG}'] ?? null,
    scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg [onload], svg[onload]').length,
    iframes: document.querySelectorAll('iframe').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    hrefs: [...document.querySelectorAll('[href], [title], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('title') ?? e.getAttribute('src')),
    text: document.body.innerText,
  }))()`)) as PageReport;
}

/** Nothing from server data is markup: no flag set, only our own script, no element a hostile string asked for. */
function assertInert(report: PageReport, marker: string): void {
  assert.strictEqual(report.pwned, null, 'a script from server data ran in the webview');
  assert.strictEqual(report.scripts.length, 1, `scripts in the page: ${report.scripts.join(', ')}`);
  // VS Code injects its own inline bootstrap (acquireVsCodeApi) into every webview; none may carry server text.
  for (const text of report.inlineScripts) assert.ok(!text.includes(PWNED_FLAG) && !text.includes(marker), 'an inline script holds server data');
  assert.ok(/\/dist\/webview\/main\.js/.test(report.scripts[0]), `unexpected script ${report.scripts[0]}`);
  assert.strictEqual(report.imgs, 0, 'an <img> element came from server data');
  assert.strictEqual(report.svgs, 0, 'an <svg onload> element came from server data');
  assert.strictEqual(report.iframes, 0, 'an <iframe> element came from server data');
  assert.strictEqual(report.handlers, 0, 'an element carries an inline event handler');
  for (const href of report.hrefs) assert.ok(!/^(javascript|data|vbscript):/i.test(href ?? ''), `a ${href} link is in the page`);
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
    workbench = await openWorkbench({ bootstrap: simulator, backupReplication: true });
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
    const report = await pageReport(inner);
    assert.ok(report.text.includes('txt.exe'), `evaluated in the wrong frame (${inner.url()})`);
    assertInert(report, 'txt.exe');
    // The hostile fields themselves are on the page, as text.
    assert.ok(report.text.includes('<b>vm</b>') || report.text.includes(HOSTILE_OBJ_REF), 'the hostile fields are not shown');

    // Nothing fired later either (an onerror needs the image to fail to load first).
    await page.waitForTimeout(1000);
    assert.strictEqual(await inner.evaluate(`window['${PWNED_FLAG}'] ?? null`), null);
    assert.strictEqual(dialogs, 0, 'a dialog opened');
  });

  test('log records (Log tab): titles, messages and an unknown status show as inert text, the status as unknown', async function () {
    this.timeout(240_000);
    const { page } = workbench!;
    // A running restore (it stays running while the test looks), its log extended with the hostile records.
    const created = (await controlRequest(simulator, 'POST', `/sessions?api=vbr&durationSeconds=3600&name=${encodeURIComponent(HOSTILE_NAME)}`)) as { id: string };
    await controlRequest(simulator, 'POST', `/sessions/${encodeURIComponent(created.id)}/logs`, { records: HOSTILE_LOG_RECORDS });
    await runFromCommandPalette(page, 'View: Close All Editors');
    await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
    await waitForCommandInput(page);
    await page.locator('.quick-input-widget input').fill(`${simulator.vbrUrl}/api/v1/sessions/${created.id}`);
    await page.keyboard.press('Enter');

    const webview = activeWebview(page);
    await onScreenFailure(page, 'waiting for the session panel', () => webview.locator('[data-testid="session-name"]', { hasText: 'txt.exe' }).waitFor({ timeout: 60_000 }));
    await webview.getByRole('tab', { name: 'Log' }).click();
    const rows = webview.locator('[data-testid=events-table] tbody tr');
    const titleRow = rows.filter({ hasText: HOSTILE_LOG_TITLE });
    const unknownRow = rows.filter({ hasText: 'log' }).filter({ hasText: 'txt.exe' });
    const bigRow = rows.filter({ hasText: 'a megabyte of message' });
    await onScreenFailure(page, 'waiting for the hostile log records', async () => {
      await titleRow.first().waitFor({ timeout: 60_000 });
      await unknownRow.first().waitFor({ timeout: 60_000 });
      await bigRow.first().waitFor({ timeout: 60_000 });
    });
    await workbench!.screenshot('21-hostile-log-records');

    // The markup is on screen as text in its cells; an unknown status shows as sent, classed as neither success nor failure.
    const titleCells = await titleRow.first().locator('td').allTextContents();
    assert.strictEqual(titleCells[3], HOSTILE_LOG_TITLE, `title cell: ${JSON.stringify(titleCells)}`);
    assert.strictEqual(titleCells[4], HOSTILE_LOG_RECORDS[0].description, 'the message is not shown literally');
    assert.strictEqual(await titleRow.first().getAttribute('data-status'), 'failed');
    assert.strictEqual(await unknownRow.first().getAttribute('data-status'), 'other', 'an unknown status is not shown as unknown');
    const unknownCells = await unknownRow.first().locator('td').allTextContents();
    assert.ok(unknownCells[2].includes(HOSTILE_LOG_STATUS), `status cell: ${JSON.stringify(unknownCells[2])}`);
    // The bidi override is gone (it would flip "exe.txt"), NUL and the other controls show as U+FFFD.
    assert.strictEqual(unknownCells[3], 'logtxt.exe\uFFFD\uFFFD\uFFFD[31m', `title cell: ${JSON.stringify(unknownCells[3])}`);
    assert.strictEqual(((await bigRow.first().locator('td').nth(4).textContent()) ?? '').length, HOSTILE_LOG_RECORDS[2].description.length);

    const inner = await sessionPageFrame(workbench!, HOSTILE_LOG_TITLE);
    assert.ok(inner, 'the webview frame with the log was not found');
    const report = await pageReport(inner);
    assertInert(report, HOSTILE_LOG_TITLE);
    assert.ok(!report.text.includes('\u202E'), 'a bidi override reached the screen');
    assert.strictEqual(dialogs, 0, 'a dialog opened');
  });
});
