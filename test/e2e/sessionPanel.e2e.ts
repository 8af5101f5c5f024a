import * as assert from 'assert';
import { createRestoreSessionClient } from '../../src/core/protocol';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import { SUITE_ENVIRONMENT } from '../harness/suiteEnvironment';
import { extensionBundleMentions } from './extensionFeatures';
import { activeWebview, activityBarEntry, openWorkbench, runFromCommandPalette, simulatorOrSkip, type Workbench } from './workbench';

const EM_SERVER_NAME = 'Simulator · Enterprise Manager';

/** Asks the simulator, through the extension's own protocol client, for a restore session that exists. */
async function someEnterpriseManagerSession(simulator: SimulatorConnection): Promise<{ id: string; name: string }> {
  const server: ServerConfig = {
    id: 'e2e-em',
    kind: 'em',
    url: simulator.emUrl,
    name: EM_SERVER_NAME,
    username: simulator.credentials.em.username,
    trust: { mode: 'fingerprint', sha256: simulator.fingerprint256 },
  };
  const client = createRestoreSessionClient({ server, password: async () => simulator.credentials.em.password });
  try {
    const page = await client.listSessions({ page: 1, pageSize: 5 });
    const session = page.sessions[0];
    assert.ok(session, 'the simulator lists no restore session');
    return { id: session.id, name: session.name };
  } finally {
    await client.logoff().catch(() => undefined);
    await client.dispose();
  }
}

/** A user whose servers came from the bootstrap file (what `npm run demo` does). */
suite('UI: simulator servers configured', () => {
  let workbench: Workbench | undefined;
  let simulator: SimulatorConnection;

  suiteSetup(async function () {
    const fromEnvironment = simulatorOrSkip(this);
    if (!extensionBundleMentions(SUITE_ENVIRONMENT.bootstrap)) {
      console.log(`    (skipped: the extension does not import ${SUITE_ENVIRONMENT.bootstrap} yet)`);
      this.skip();
    }
    simulator = fromEnvironment;
    workbench = await openWorkbench({ bootstrap: simulator });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the view lists both simulator servers instead of the welcome text', async () => {
    const { page } = workbench!;
    await activityBarEntry(page).click();
    const emServer = page.getByRole('treeitem', { name: new RegExp(EM_SERVER_NAME) });
    // The first row waits for activation and the bootstrap import: on a loaded 2-core machine that took over 30 s.
    await emServer.waitFor({ timeout: 75_000 });
    // The tree renders only the rows in view: collapse the first server so the second one's row exists.
    await emServer.click();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('treeitem', { name: /Simulator · Microsoft 365/ }).waitFor();
    await workbench!.screenshot('04-servers-in-view');
    assert.strictEqual(await page.getByText('No Veeam server is connected yet').count(), 0);
  });

  test('"Veeam: Open Restore Session…" opens a session by ID in a webview', async function () {
    if (!extensionBundleMentions("'veeamRestoreSessions.openSession'") && !extensionBundleMentions('"veeamRestoreSessions.openSession"')) {
      console.log('    (skipped: the extension has no veeamRestoreSessions.openSession implementation yet)');
      this.skip();
    }
    const { page } = workbench!;
    const session = await someEnterpriseManagerSession(simulator);
    await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(`(() => {
      const input = document.querySelector('.quick-input-widget input');
      return !!input && !input.value.startsWith('>');
    })()`);
    await input.fill(session.id);
    await workbench!.screenshot('05-open-session-input');
    await page.keyboard.press('Enter');
    // With two servers configured the extension asks which one has the session.
    const serverRow = page.locator('.quick-input-list .monaco-list-row', { hasText: EM_SERVER_NAME }).first();
    await serverRow.waitFor();
    await serverRow.click();
    const webview = activeWebview(page);
    await webview.getByText(session.name).first().waitFor({ timeout: 60_000 });
    await workbench!.screenshot('06-session-webview');
    assert.ok(await webview.getByText(session.name).first().isVisible());
  });
});
