import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_EXECUTABLE } from './realVsCodeVersions';

export interface HeadlessBrowser {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes its throw-away profile (SecretStorage of code-server lives there). */
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile and nothing that phones home. */
export async function launchHeadlessChromium(): Promise<HeadlessBrowser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
