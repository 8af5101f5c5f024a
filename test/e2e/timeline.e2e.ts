import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { extensionBundleMentions } from './extensionFeatures';
import { activeWebview, activityBarEntry, openWorkbench, runFromContextMenu, simulatorOrSkip, type Workbench } from './workbench';

const EM_SERVER_NAME = 'Simulator · Enterprise Manager';

/** The page's getComputedStyle, typed by hand: the test build has no DOM typings. */
type PageWindow = { getComputedStyle(element: unknown): { display: string } };

/** Adds a running session through the simulator's control endpoint; resolves its GUID. */
async function createRunningSession(simulator: SimulatorConnection, query: string): Promise<string> {
  const response = await fetch(`${simulator.controlUrl}/sessions?${query}`, { method: 'POST' });
  assert.ok(response.ok, `POST /sessions → ${response.status}`);
  const { id } = (await response.json()) as { id: string };
  return id.toLowerCase().replace(/^.*:/, '');
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 90_000): Promise<T> {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The drawn width of a session's bar, or undefined while it is not drawn. */
async function barWidth(page: Page, sessionId: string): Promise<number | undefined> {
  const fill = activeWebview(page).locator(`[data-testid=bar][data-session-id="${sessionId}"] .tl-bar-fill`);
  if ((await fill.count()) === 0) return undefined;
  const width = await fill.first().getAttribute('width');
  return width === null ? undefined : Number(width);
}

type Scrollable = { scrollTop: number; scrollHeight: number; clientHeight: number; ownerDocument: { scrollingElement: { scrollTop: number } } };

/**
 * Scrolls the chart until `target` is drawn: only rows in view exist, and where a session's row lands depends on the
 * restored objects and sessions the simulator holds at that moment (other suites add some), so it may be far down.
 * Goes down a screen at a time and starts again from the top at the bottom (rows move while sessions arrive).
 */
async function scrollUntilDrawn(page: Page, target: Locator, what: string): Promise<void> {
  const scroller = activeWebview(page).locator('[data-testid=timeline]');
  await waitFor(what, async () => {
    if ((await target.count()) > 0) return true;
    await scroller.evaluate((el: Scrollable) => {
      const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop = atBottom ? 0 : el.scrollTop + Math.max(1, el.clientHeight - 40);
      el.ownerDocument.scrollingElement.scrollTop = 0;
    });
    return (await target.count()) > 0 ? true : undefined;
  });
  await target.first().scrollIntoViewIfNeeded();
}

/** An incident view: restores across the simulator's servers on a timeline, live. */
suite('UI: Restore Activity timeline', () => {
  let workbench: Workbench | undefined;
  let simulator: SimulatorConnection;

  suiteSetup(async function () {
    const fromEnvironment = simulatorOrSkip(this);
    if (!extensionBundleMentions('veeamRestoreSessions.showActivity')) {
      console.log('    (skipped: the extension has no veeamRestoreSessions.showActivity yet)');
      this.skip();
    }
    simulator = fromEnvironment;
    workbench = await openWorkbench({ bootstrap: simulator });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test("a running session's bar grows on the timeline, and a click on it opens the session", async function () {
    this.timeout(240_000);
    const { page } = workbench!;
    const sessionName = `E2E timeline ${Date.now()}`;
    const sessionId = await createRunningSession(simulator, `api=em&finalResult=Success&durationSeconds=150&name=${encodeURIComponent(sessionName)}`);

    await activityBarEntry(page).click();
    const server = page.getByRole('treeitem', { name: new RegExp(EM_SERVER_NAME) });
    await server.waitFor();
    await runFromContextMenu(page, server, 'Show Restore Activity');

    const webview = activeWebview(page);
    await webview.locator('[data-testid=context]', { hasText: `Server: ${EM_SERVER_NAME}` }).waitFor({ timeout: 60_000 });
    // The last hour: a pixel is a few seconds, so the running bar visibly grows while the test watches.
    await webview.locator('[data-testid=zoom-1h]').click();
    await webview.locator('[data-testid=zoom-1h][aria-pressed=true]').waitFor();
    // The page's stylesheet is in the package and applies (without it the figures stack up as plain text).
    const display = await webview.locator('.tl-figures').evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).display);
    assert.strictEqual(display, 'flex', 'media/timeline.css did not apply');
    const bar = webview.locator(`[data-testid=bar][data-session-id="${sessionId}"]`);
    await scrollUntilDrawn(page, bar, `the bar of ${sessionName} (rows: ${await webview.locator('[data-testid=bar]').count()} drawn)`);
    assert.strictEqual(await bar.getAttribute('data-tone'), 'running');
    assert.match((await bar.getAttribute('aria-label')) ?? '', new RegExp(`^${sessionName}, Running, `), 'the bar has no spoken label naming it and its state');
    assert.strictEqual(await webview.locator('[data-testid=running-now] .tl-figure-value').count(), 1);
    const runningNow = Number(await webview.locator('[data-testid=running-now] .tl-figure-value').textContent());
    assert.ok(runningNow >= 1, `"Running now" says ${runningNow}`);

    const first = await waitFor('the bar to be drawn', () => barWidth(page, sessionId));
    const later = await waitFor('the bar to grow', async () => {
      const width = await barWidth(page, sessionId);
      return width !== undefined && width > first ? width : undefined;
    });
    assert.ok(later > first);

    // Hover shows the tree's tooltip fields for that session.
    await bar.hover();
    await webview.locator('[data-testid=tooltip]', { hasText: 'Initiated by' }).or(webview.locator('[data-testid=tooltip]', { hasText: 'ID:' })).first().waitFor();
    await workbench!.screenshot('timeline-running');

    // Keyboard: arrows move from bar to bar (only rows in view exist, so bars are told apart by their index), and
    // back again to the running one.
    await bar.focus();
    const index = Number(await bar.getAttribute('data-index'));
    const [away, back] = index === 0 ? ['ArrowDown', 'ArrowUp'] : ['ArrowUp', 'ArrowDown'];
    await page.keyboard.press(away);
    await webview.locator(`[data-testid=bar][data-index="${index === 0 ? 1 : index - 1}"]:focus`).waitFor();
    await page.keyboard.press(back);
    await webview.locator(`[data-testid=bar][data-session-id="${sessionId}"]:focus`).waitFor();
    await workbench!.screenshot('timeline-keyboard');

    // A custom range: a reversed one is refused with a word, then 20 minutes around now shows the running bar.
    const localInput = (offsetMinutes: number): Promise<string> =>
      webview.locator('body').evaluate((_, minutes) => {
        const d = new Date(Date.now() + minutes * 60_000);
        const two = (n: number): string => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
      }, offsetMinutes);
    await webview.locator('[data-testid=custom-from]').fill(await localInput(10));
    await webview.locator('[data-testid=custom-to]').fill(await localInput(-10));
    await webview.locator('[data-testid=custom-show]').click();
    await webview.locator('[data-testid=status]', { hasText: 'before the end' }).waitFor();
    const before = await webview.locator('[data-testid=window-text]').textContent();
    await webview.locator('[data-testid=custom-from]').fill(await localInput(-15));
    await webview.locator('[data-testid=custom-to]').fill(await localInput(5));
    await webview.locator('[data-testid=custom-show]').click();
    await webview.locator('[data-testid=zoom-1h][aria-pressed=false]').waitFor();
    await waitFor('the window text to change', async () => ((await webview.locator('[data-testid=window-text]').textContent()) !== before ? true : undefined));
    await scrollUntilDrawn(page, bar, `the bar of ${sessionName} in the custom range`);
    await workbench!.screenshot('timeline-custom-range');

    await bar.click();
    const panel = activeWebview(page);
    await panel.locator('[data-testid=session-name]', { hasText: sessionName }).waitFor({ timeout: 60_000 });
  });

  test('from the view title: every server, each under its own heading (further down: only rows in view are drawn)', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    const action = page.locator('.sidebar .title-actions .action-label[aria-label="Show Restore Activity"]');
    if (!(await action.isVisible())) await activityBarEntry(page).click();
    await action.click();
    const webview = activeWebview(page);
    await webview.locator('[data-testid=context]', { hasText: 'All servers' }).waitFor({ timeout: 60_000 });
    await webview.locator('[data-testid=zoom-7d]').click();
    await webview.locator('[data-testid=heading-server]', { hasText: EM_SERVER_NAME }).first().waitFor({ timeout: 60_000 });
    const scroller = webview.locator('[data-testid=timeline]');
    await workbench!.screenshot('timeline-all-servers-before');
    await waitFor(`the Microsoft 365 server heading (header: ${await webview.locator('header').innerText()})`, async () => {
      // Down a screen at a time, whichever scrolls (the chart or the page): the heading exists only while in view.
      await scroller.evaluate((el: { scrollTop: number; ownerDocument: { scrollingElement: { scrollTop: number } } }) => {
        el.scrollTop += 300;
        el.ownerDocument.scrollingElement.scrollTop += 300;
      });
      return (await webview.locator('[data-testid=heading-server]', { hasText: 'Microsoft 365' }).count()) > 0 ? true : undefined;
    });
    await workbench!.screenshot('timeline-all-servers');
  });

});
