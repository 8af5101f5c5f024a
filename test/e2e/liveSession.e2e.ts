import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { extensionBundleMentions } from './extensionFeatures';
import {
  activeWebview,
  activityBarEntry,
  onScreenFailure,
  openSessionFromPalette,
  openWorkbench,
  runFromCommandPalette,
  simulatorOrSkip,
  type Workbench,
} from './workbench';

const EM_SERVER_NAME = 'Simulator · Enterprise Manager';

/**
 * Colour themes every part of the UI must stay readable in: the picker label (the picker stores the theme's id,
 * e.g. "Default Dark Modern", in workbench.colorTheme) and the class VS Code puts on the webview's body.
 */
const THEMES: ReadonlyArray<{ label: string; slug: string; bodyClass: string }> = [
  { label: 'Dark Modern', slug: 'dark', bodyClass: 'vscode-dark' },
  { label: 'Dark High Contrast', slug: 'high-contrast', bodyClass: 'vscode-high-contrast' },
  { label: 'Light High Contrast', slug: 'high-contrast-light', bodyClass: 'vscode-high-contrast-light' },
  { label: 'Light Modern', slug: 'light', bodyClass: 'vscode-light' },
];

/** Adds a running session through the simulator's control endpoint; resolves its GUID. */
async function createRunningSession(simulator: SimulatorConnection, query: string): Promise<string> {
  const response = await fetch(`${simulator.controlUrl}/sessions?${query}`, { method: 'POST' });
  assert.ok(response.ok, `POST /sessions → ${response.status}`);
  const { id } = (await response.json()) as { id: string };
  return id.toLowerCase().replace(/^.*:/, '');
}

/** Picks a colour theme the way a user does ("Preferences: Color Theme"), which sets workbench.colorTheme. */
async function selectColorTheme(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // Once in many runs the palette came up inert (something modal over the workbench): the error says what it was.
  await onScreenFailure(page, 'typing into the command palette', () => input.fill('>Preferences: Color Theme', { timeout: 30_000 }));
  // Click the command itself: the first row may be "Browse Color Themes in Marketplace" (offline here).
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await page.waitForFunction(`(() => {
    const input = document.querySelector('.quick-input-widget input');
    return !!input && !input.value.startsWith('>');
  })()`);
  await input.fill(label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  await row.click();
}

/** The page's getComputedStyle, typed by hand: the test build has no DOM typings. */
type PageWindow = { getComputedStyle(element: unknown): { color: string; backgroundColor: string } };

/** The webview's progress bar value, or undefined while it has none. */
async function progressValue(page: Page): Promise<number | undefined> {
  const value = await activeWebview(page).locator('[data-testid=progress]').getAttribute('aria-valuenow');
  return value === null ? undefined : Number(value);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 60_000): Promise<T> {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Gives the tree room for session names (the default sidebar cuts them off) and expands the EM server. */
async function showEnterpriseManagerSessions(page: Page): Promise<void> {
  await activityBarEntry(page).click();
  const server = page.getByRole('treeitem', { name: new RegExp(EM_SERVER_NAME) });
  await server.waitFor();
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 170, edge.y, { steps: 5 });
    await page.mouse.up();
  }
  if ((await server.getAttribute('aria-expanded')) !== 'true') {
    await server.click();
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('treeitem', { name: /Restore session / }).first().waitFor();
}

/** A user watching a restore session run to its end, in every theme. */
suite('UI: a live restore session', () => {
  let workbench: Workbench | undefined;
  let simulator: SimulatorConnection;
  let sessionName = '';

  suiteSetup(async function () {
    const fromEnvironment = simulatorOrSkip(this);
    if (!extensionBundleMentions('veeamRestoreSessions.openSession')) {
      console.log('    (skipped: the extension has no veeamRestoreSessions.openSession yet)');
      this.skip();
    }
    simulator = fromEnvironment;
    workbench = await openWorkbench({ bootstrap: simulator });
    await showEnterpriseManagerSessions(workbench.page);
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('a session opened by ID shows rising progress, then exactly one completion notification with Open', async function () {
    this.timeout(150_000);
    const { page } = workbench!;
    sessionName = `E2E completion ${Date.now()}`;
    const sessionId = await createRunningSession(simulator, `api=em&finalResult=Warning&durationSeconds=25&name=${encodeURIComponent(sessionName)}`);

    await openSessionFromPalette(page, sessionId, EM_SERVER_NAME);

    const webview = activeWebview(page);
    await webview.getByText(sessionName).first().waitFor({ timeout: 60_000 });
    const first = await waitFor('a progress value in the panel', () => progressValue(page));
    const later = await waitFor('the progress to advance', async () => {
      const value = await progressValue(page);
      return value !== undefined && value > first ? value : undefined;
    });
    assert.ok(later > first);
    // While it runs the panel says "Pending", never the server's placeholder "None".
    assert.strictEqual(await webview.locator('[data-testid=fields] dd', { hasText: /^None$/ }).count(), 0, 'the panel shows the raw result "None"');
    await workbench!.screenshot('07-running-session-panel');

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: sessionName });
    await toast.first().waitFor({ timeout: 90_000 });
    await workbench!.screenshot('08-completion-notification');
    assert.strictEqual(await toast.count(), 1, 'more than one notification for one completion');
    const text = (await toast.first().textContent()) ?? '';
    assert.match(text, /Warning/, `the notification does not name the result: ${text}`);
    assert.ok(await toast.first().getByRole('button', { name: 'Open' }).isVisible(), 'the notification has no Open button');

    // The panel reaches the same end state; the notification centre still holds one entry for the session.
    await webview.locator('[data-testid=result-badge]', { hasText: 'Warning' }).waitFor({ timeout: 30_000 });
    await runFromCommandPalette(page, 'Notifications: Show Notifications');
    const entries = page.locator('.notifications-center .notification-list-item', { hasText: sessionName });
    await entries.first().waitFor();
    assert.strictEqual(await entries.count(), 1, 'the notification centre lists the completion more than once');
    await page.keyboard.press('Escape');
  });

  test('the panel and the tree follow light, dark and high-contrast themes', async function () {
    this.timeout(120_000);
    const { page } = workbench!;
    const webview = activeWebview(page);
    await webview.locator('[data-testid=session-name]').waitFor();
    for (const theme of THEMES) {
      await selectColorTheme(page, theme.label);
      await waitFor(`the ${theme.label} theme in the webview`, async () => {
        const classes = (await webview.locator('body').getAttribute('class')) ?? '';
        return classes.split(/\s+/).includes(theme.bodyClass) ? true : undefined;
      });
      await workbench!.screenshot(`09-theme-${theme.slug}`);
      // The webview restyles with the theme's variables (the callbacks run in the page, hence inline).
      const nameColor = await webview.locator('[data-testid=session-name]').evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).color);
      const background = await webview.locator('body').evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).backgroundColor);
      assert.match(nameColor, /^rgba?\(/, `${theme.label}: no title colour`);
      assert.notStrictEqual(nameColor, background, `${theme.label}: the title has the background's colour`);
    }
  });
});
