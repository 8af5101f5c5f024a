import * as assert from 'assert';
import { activityBarEntry, openWorkbench, runFromCommandPalette, type Workbench } from './workbench';

/** A user who just installed the .vsix: no server configured yet. */
suite('UI: first run, no server configured', () => {
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openWorkbench();
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the activity bar shows the Veeam Restore Sessions container', async () => {
    const entry = activityBarEntry(workbench.page);
    await entry.waitFor();
    await workbench.screenshot('01-activity-bar');
    assert.strictEqual(await entry.count(), 1);
  });

  test('the welcome view says no server is connected and offers Add Server', async () => {
    const { page } = workbench;
    await activityBarEntry(page).click();
    const welcome = page.getByText('No Veeam server is connected yet');
    await welcome.waitFor();
    const addServer = page.getByRole('button', { name: 'Add Server', exact: true });
    await addServer.waitFor();
    await workbench.screenshot('02-welcome-view');
    assert.ok(await welcome.isVisible());
    assert.ok(await addServer.isVisible());
  });

  test('"Veeam: Add Server…" runs from the command palette and asks in a quick input', async () => {
    const { page } = workbench;
    await runFromCommandPalette(page, 'Veeam: Add Server…');
    // The palette closes and the command's own quick input opens: visible, and no longer a ">command" query.
    await page.waitForFunction(`(() => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget && widget.querySelector('input');
      return !!widget && widget.offsetParent !== null && !!input && !input.value.startsWith('>');
    })()`);
    await workbench.screenshot('03-add-server-quick-input');
    const title = (await page.locator('.quick-input-widget .quick-input-title').textContent()) ?? '';
    const prompt = (await page.locator('.quick-input-widget .quick-input-message, .quick-input-widget input').first().getAttribute('placeholder')) ?? '';
    assert.ok(`${title} ${prompt}`.trim().length > 0, 'the quick input shows neither a title nor a prompt');
    await page.keyboard.press('Escape');
  });
});
