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
  if (options.bootstrap) env[SUITE_ENVIRONMENT.bootstrap] = writeBootstrapFile(scratch, simulatorBootstrapServers(options.bootstrap));
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

/** Opens the command palette and runs the command whose label matches `title` (e.g. "Veeam: Add Server…"). */
export async function runFromCommandPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Waits until the palette has left command mode: the command's own input box or pick list shows. */
export async function waitForCommandInput(page: Page): Promise<void> {
  await page.waitForFunction(`(() => {
    const input = document.querySelector('.quick-input-widget input');
    return !!input && input.offsetParent !== null && !input.value.startsWith('>');
  })()`);
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
