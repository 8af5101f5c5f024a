import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { simulatorBootstrapServers, writeBootstrapFile } from '../harness/bootstrapFile';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { REPO_ROOT, SCREENSHOT_DIR, TEST_RESULTS_DIR, VSIX_PATH } from '../harness/harnessPaths';
import { launchHeadlessChromium, type HeadlessBrowser } from '../harness/headlessChromium';
import { installRealVsCode } from '../harness/installRealVsCode';
import { simulatorFromEnvironment, type SimulatorConnection } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';

/** A code-server with the packaged extension installed, open in headless Chromium on this repository's folder. */
export interface Workbench {
  page: Page;
  server: RunningCodeServer;
  /** Saves what a person would see now to test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Preconfigure the simulator's two servers through the bootstrap file. */
  bootstrap?: SimulatorConnection;
  /** Its Backup & Replication server too (suites that do not add it through Add Server themselves). */
  backupReplication?: boolean;
  /** Other .vsix files to install next to ours (extensions a user may also have). */
  otherExtensions?: readonly string[];
  /** Extra environment for code-server and so for every extension host. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the workbench the way a user gets it: the .vsix installed (not the development folder), no smoke-test
 * driver (so notifications show), a fresh browser profile (so SecretStorage starts empty).
 */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  if (!fs.existsSync(VSIX_PATH)) throw new Error(`${VSIX_PATH} is missing: run \`npm run package\` (the harness does)`);
  const install = await installRealVsCode();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-e2e-'));
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (options.bootstrap) env[SUITE_ENVIRONMENT.bootstrap] = writeBootstrapFile(scratch, simulatorBootstrapServers(options.bootstrap, { backupReplication: options.backupReplication ?? false }));
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const logFile = path.join(TEST_RESULTS_DIR, `code-server-ui-${options.bootstrap ? 'configured' : 'first-run'}.log`);
  const server = await startCodeServer(install, { smokeTestDriver: false, installExtensions: [VSIX_PATH, ...(options.otherExtensions ?? [])], env, logFile });
  let browser: HeadlessBrowser | undefined;
  try {
    browser = await launchHeadlessChromium();
    await browser.page.goto(server.workbenchUrl(REPO_ROOT));
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  } catch (error) {
    await browser?.close();
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const page = browser.page;
  const openedBrowser = browser;
  return {
    page,
    server,
    screenshot: async (name) => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    },
    close: async () => {
      await openedBrowser.close();
      await server.stop();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The simulator the runner started, or a skipped suite (with the reason printed) when there is none. */
export function simulatorOrSkip(context: Mocha.Context): SimulatorConnection {
  const simulator = simulatorFromEnvironment();
  if (!simulator) {
    console.log(`    (skipped: no simulator in ${SUITE_ENVIRONMENT.simulator})`);
    context.skip();
  }
  return simulator as SimulatorConnection;
}

/** The activity-bar entry of our view container. */
export function activityBarEntry(page: Page): Locator {
  return page.getByRole('tab', { name: /Veeam Restore Sessions/ });
}

/** How long a UI step may take on a loaded 2-core machine before the harness gives up and says what is on screen. */
const STEP_TIMEOUT_MS = 30_000;

/**
 * What a person would see in the way, for error messages: open menus (their items, `>` marking the focused one),
 * dialogs, the quick input (title, value, message, first rows), notification toasts and the focused element.
 */
export async function describeScreen(page: Page): Promise<string> {
  const description = await page.evaluate<string>(`(() => {
    const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const text = (e, max = 200) => (e ? (e.innerText || e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, max) : '');
    const parts = [];
    for (const menu of document.querySelectorAll('.monaco-menu')) {
      if (!shown(menu)) continue;
      const items = [...menu.querySelectorAll('.action-item')].map((item) => {
        const label = text(item.querySelector('.action-label'), 60);
        return label && (item.contains(document.activeElement) ? '>' : '') + label;
      });
      parts.push('menu [' + items.filter(Boolean).join(', ') + ']');
    }
    for (const dialog of document.querySelectorAll('.monaco-dialog-box')) if (shown(dialog)) parts.push('dialog "' + text(dialog, 300) + '"');
    const quick = document.querySelector('.quick-input-widget');
    if (shown(quick)) {
      const rows = [...quick.querySelectorAll('.quick-input-list .monaco-list-row')].filter(shown).slice(0, 5).map((r) => text(r, 60));
      parts.push('quick input "' + text(quick.querySelector('.quick-input-title'), 80) + '" value "' + (quick.querySelector('input')?.value ?? '') +
        '" message "' + text(quick.querySelector('.quick-input-message'), 120) + '" rows [' + rows.join(' | ') + ']');
    }
    const toasts = [...document.querySelectorAll('.notification-toast-container .notification-list-item-message')].filter(shown).map((t) => text(t, 120));
    if (toasts.length) parts.push('notifications [' + toasts.join(' | ') + ']');
    const row = document.querySelector('.sidebar .monaco-list-row.focused');
    if (row) parts.push('tree focus ' + row.getAttribute('aria-level') + '/' + row.getAttribute('aria-posinset') + ' of ' + row.getAttribute('aria-setsize') + ' "' + (row.getAttribute('aria-label') || '').slice(0, 80) + '"');
    const active = document.activeElement;
    parts.push('focus ' + (active ? active.tagName.toLowerCase() + '.' + String(active.className).split(' ').slice(0, 3).join('.') + ' "' + (active.getAttribute('aria-label') || text(active, 60)) + '"' : 'none'));
    return parts.join('; ');
  })()`);
  return description;
}

/** Runs one UI step; when it fails, the error also says what was on screen then. */
export async function onScreenFailure<T>(page: Page, step: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const screen = await describeScreen(page).catch((e: unknown) => `(screen unreadable: ${String(e)})`);
    throw new Error(`${step} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n      on screen: ${screen}`);
  }
}

/** Opens the command palette and runs the command whose label matches `title` (e.g. "Veeam: Add Server…"). */
export async function runFromCommandPalette(page: Page, title: string): Promise<void> {
  await onScreenFailure(page, `running "${title}" from the command palette`, async () => {
    const input = page.locator('.quick-input-widget input');
    // The palette closes when it loses the focus: a session panel that takes the focus as it finishes loading (the
    // previous step opened it) closed it between F1 and typing, twice in one run under load. Open it again then.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      const typed = await input
        .waitFor({ timeout: attempt === 3 ? STEP_TIMEOUT_MS : 10_000 })
        .then(() => input.fill(`>${title}`, { timeout: attempt === 3 ? STEP_TIMEOUT_MS : 10_000 }))
        .then(() => true, (e: unknown) => {
          if (attempt === 3) throw e;
          return false;
        });
      if (typed) break;
    }
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Enter');
  });
}

/** Waits until the palette has left command mode: the command's own input box or pick list shows. */
export async function waitForCommandInput(page: Page): Promise<void> {
  await onScreenFailure(page, "waiting for the command's input", () =>
    page.waitForFunction(
      `(() => {
        const input = document.querySelector('.quick-input-widget input');
        return !!input && input.offsetParent !== null && !input.value.startsWith('>');
      })()`,
      undefined,
      { timeout: STEP_TIMEOUT_MS },
    ),
  );
}

const MENU_HAS_FOCUS = `!!document.activeElement?.closest('.context-view .monaco-menu')`;

/** The label of the context-menu item that has the keyboard focus (null: the focus is not on an item). */
const FOCUSED_MENU_ITEM = `(() => {
  const item = document.activeElement?.closest('.context-view .monaco-menu .action-item');
  return item ? (item.querySelector('.action-label')?.textContent ?? '').trim() : null;
})()`;

/**
 * Right-clicks `row` and runs its context-menu entry `label` with the keyboard: arrows to the entry, Enter.
 * Not a click on the entry: a menu item ignores mouse-ups until 100 ms (a timer) after the menu rendered, so that
 * the right button's own release cannot pick an item; on a loaded machine a click can land before that timer runs
 * and does nothing, the menu staying open. Keys act at once. Returns when the menu is gone, i.e. the command started;
 * the caller waits for what the command does.
 */
export async function runFromContextMenu(page: Page, row: Locator, label: string): Promise<void> {
  await onScreenFailure(page, `running "${label}" from the context menu`, async () => {
    const menu = page.locator('.context-view .monaco-menu');
    // A right-click that lands while the tree re-renders the row (a poll changed the list) opens no menu at all, and a
    // re-render while the menu is open can close it under the arrow keys (both seen under load, focus back on the
    // tree): open it again, as a person would, up to 3 times.
    for (let attempt = 1; ; attempt++) {
      const outcome = await openMenuAndFocus(page, row, menu, label, attempt === 3);
      if (outcome === 'focused') break;
      if (outcome === 'missing') throw new Error(`the context menu has no entry "${label}"`);
      if (await menu.count()) await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  });
}

/** Right-clicks `row` and arrows to `label`: `focused`, `missing` (the menu has no such entry) or `closed` (retry). */
async function openMenuAndFocus(page: Page, row: Locator, menu: Locator, label: string, lastAttempt: boolean): Promise<'focused' | 'missing' | 'closed'> {
  await row.click({ button: 'right', timeout: STEP_TIMEOUT_MS });
  // The menu opens under the pointer: move it off, so that a mouseover cannot move the focus the keys steer.
  await page.mouse.move(0, 0);
  const opened = await page
    .waitForFunction(`!!document.activeElement?.closest('.context-view .monaco-menu')`, undefined, { timeout: lastAttempt ? STEP_TIMEOUT_MS : 10_000 })
    .then(() => true, (e: unknown) => {
      if (lastAttempt) throw e;
      return false;
    });
  if (!opened) return 'closed';
  const entries = await menu.locator('.action-item:not(.disabled)').count();
  for (let presses = 0; ; presses++) {
    const focused = await page.evaluate<string | null>(FOCUSED_MENU_ITEM);
    if (focused === label) return 'focused';
    // No item focused yet is normal just after opening; the focus out of the menu altogether means it closed.
    if (focused === null && !(await page.evaluate<boolean>(MENU_HAS_FOCUS))) return lastAttempt ? 'missing' : 'closed';
    if (presses > entries) return 'missing';
    await page.keyboard.press('ArrowDown');
  }
}

/** Waits for a dialog (`.monaco-dialog-box`) and returns it. */
export async function visibleDialog(page: Page): Promise<Locator> {
  const dialog = page.locator('.monaco-dialog-box');
  await onScreenFailure(page, 'waiting for a dialog', () => dialog.waitFor({ timeout: STEP_TIMEOUT_MS }));
  return dialog;
}

/** "Veeam: Open Restore Session…" with `reference`; picks `serverName` when the extension asks which server. */
export async function openSessionFromPalette(page: Page, reference: string, serverName: string): Promise<void> {
  await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
  await waitForCommandInput(page);
  await page.locator('.quick-input-widget input').fill(reference);
  await page.keyboard.press('Enter');
  const serverRow = page.locator('.quick-input-list .monaco-list-row', { hasText: serverName }).first();
  await serverRow.waitFor();
  await serverRow.click();
}

/** The HTML of the active webview, two iframes deep. */
export function activeWebview(page: Page): ReturnType<Page['frameLocator']> {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
