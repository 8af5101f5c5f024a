import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import type { SimulatorConnection } from '../harness/simulatorConnection';
import {
  activeWebview,
  activityBarEntry,
  onScreenFailure,
  openWorkbench,
  runFromCommandPalette,
  simulatorOrSkip,
  visibleDialog,
  waitForCommandInput,
  type Workbench,
} from './workbench';

const SERVER = 'Lab VBR';

function quickPickRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.quick-input-list .monaco-list-row', { hasText: text }).filter({ visible: true }).first();
}

/** Answers one Add Server step once its prompt shows (typing earlier would land in the previous step). */
async function answerStep(page: Page, prompt: string, value: string): Promise<void> {
  await onScreenFailure(page, `waiting for the step "${prompt}"`, () => page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).waitFor());
  await page.locator('.quick-input-widget input').fill(value);
  await page.keyboard.press('Enter');
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

/** A Backup & Replication admin with no Enterprise Manager: adds the server, sees its restores, follows one. */
suite('UI: a Veeam Backup & Replication server', () => {
  let workbench: Workbench | undefined;
  let simulator: SimulatorConnection;

  suiteSetup(async function () {
    simulator = simulatorOrSkip(this);
    workbench = await openWorkbench({ bootstrap: simulator });
    await activityBarEntry(workbench.page).click();
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('added through the form: its restore sessions, newest first, and the revision it speaks in the tree', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    await runFromCommandPalette(page, 'Veeam: Add Server…');
    const kind = quickPickRow(page, 'Veeam Backup & Replication');
    await onScreenFailure(page, 'choosing Backup & Replication', async () => {
      await kind.waitFor();
      assert.match((await kind.textContent()) ?? '', /port 9419/);
      await kind.click();
    });
    await waitForCommandInput(page);
    await answerStep(page, 'Server address', simulator.vbrUrl);
    await answerStep(page, 'Display name', SERVER);
    await answerStep(page, 'User name', simulator.credentials.vbr.username);
    await answerStep(page, 'Password', simulator.credentials.vbr.password);
    // Its own port, its own trust: the self-signed certificate is offered for this server.
    const trust = await visibleDialog(page);
    await trust.getByText(simulator.fingerprint256).waitFor();
    await trust.getByRole('button', { name: 'Trust This Certificate' }).click();

    const server = page.getByRole('treeitem', { name: new RegExp(`^Server ${SERVER}`) });
    await onScreenFailure(page, 'waiting for the new server in the tree', () => server.waitFor({ timeout: 60_000 }));
    await waitFor('the revision in the server description', async () => ((await server.getAttribute('aria-label')) ?? '').includes('1.3-rev2') || undefined);
    // Only this server open: the session rows on screen are its own.
    await page.getByRole('button', { name: 'Collapse All' }).click();
    await server.click();
    if ((await server.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    const rows = page.getByRole('treeitem', { level: 2 });
    await onScreenFailure(page, 'waiting for the restore sessions', () => rows.first().waitFor({ timeout: 60_000 }));
    // A full first page (aria-setsize counts the rows under the server): the server has hundreds of restores.
    assert.ok(Number(await rows.first().getAttribute('aria-setsize')) > 10, 'restore sessions listed');
    await workbench!.screenshot('vbr-01-three-kinds');
  });

  test('a running restore opened by its URL progresses, ends with one notification, and its raw JSON is there', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    const name = `E2E VBR restore ${Date.now()}`;
    const response = await fetch(`${simulator.controlUrl}/sessions?api=vbr&durationSeconds=25&finalResult=Success&name=${encodeURIComponent(name)}`, { method: 'POST' });
    assert.ok(response.ok);
    const { id } = (await response.json()) as { id: string };

    await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
    await waitForCommandInput(page);
    await page.locator('.quick-input-widget input').fill(`${simulator.vbrUrl}/api/v1/sessions/${id}`);
    await page.keyboard.press('Enter');

    const webview = activeWebview(page);
    await onScreenFailure(page, 'waiting for the session panel', () => webview.getByText(name).first().waitFor({ timeout: 60_000 }));
    await workbench!.screenshot('vbr-02-running-session');

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: name });
    await onScreenFailure(page, 'waiting for the completion notification', () => toast.first().waitFor({ timeout: 120_000 }));
    assert.strictEqual(await toast.count(), 1, 'one notification for one completion');
    assert.match((await toast.first().textContent()) ?? '', /Success/);
    await webview.locator('[data-testid=result-badge]', { hasText: 'Success' }).waitFor({ timeout: 30_000 });

    await webview.getByRole('tab', { name: 'Raw' }).click();
    await webview.getByText('"sessionType"').first().waitFor({ timeout: 30_000 });
    await workbench!.screenshot('vbr-03-raw-json');
  });

  test('Stop… in the panel asks first, names the server and what stopping means; the restore then ends stopped', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    const name = `E2E VBR stop ${Date.now()}`;
    const response = await fetch(`${simulator.controlUrl}/sessions?api=vbr&durationSeconds=600&name=${encodeURIComponent(name)}`, { method: 'POST' });
    assert.ok(response.ok);
    const { id } = (await response.json()) as { id: string };
    await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
    await waitForCommandInput(page);
    await page.locator('.quick-input-widget input').fill(`${simulator.vbrUrl}/api/v1/sessions/${id}`);
    await page.keyboard.press('Enter');
    const webview = activeWebview(page);
    await onScreenFailure(page, 'waiting for the session panel', () => webview.getByText(name).first().waitFor({ timeout: 60_000 }));
    const stop = webview.locator('[data-testid=stop-session]');
    await onScreenFailure(page, 'waiting for the Stop button of a running session', () => stop.waitFor({ timeout: 60_000 }));

    // Cancel first: nothing is stopped.
    await stop.click();
    let dialog = await visibleDialog(page);
    await dialog.getByText(`Stop restore session "${name}" on ${SERVER}?`).waitFor();
    await dialog.getByText(/partly restored machine/).waitFor();
    await workbench!.screenshot('vbr-04-stop-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.ok(await stop.isVisible(), 'still running after Cancel');

    await stop.click();
    dialog = await visibleDialog(page);
    await dialog.getByRole('button', { name: 'Stop Session' }).click();
    await onScreenFailure(page, 'waiting for the stopped result', () => webview.locator('[data-testid=result-badge]', { hasText: /Failed|Warning/ }).waitFor({ timeout: 90_000 }));
    // A stopped restore ends Failed, so the panel opens its Log on the first failure: the flag is on the Overview.
    await webview.getByRole('tab', { name: 'Overview' }).click();
    await webview.getByText('Stopped by a user').waitFor();
    assert.ok(!(await stop.isVisible()), 'no Stop button on a finished session');
  });

  test('the Log follows a running restore; when it fails, the panel opens on the first failure and says why', async function () {
    this.timeout(180_000);
    const { page } = workbench!;
    const name = `E2E VBR failing ${Date.now()}`;
    const response = await fetch(`${simulator.controlUrl}/sessions?api=vbr&durationSeconds=20&finalResult=Failed&name=${encodeURIComponent(name)}`, { method: 'POST' });
    assert.ok(response.ok);
    const { id } = (await response.json()) as { id: string };
    await runFromCommandPalette(page, 'Veeam: Open Restore Session…');
    await waitForCommandInput(page);
    await page.locator('.quick-input-widget input').fill(`${simulator.vbrUrl}/api/v1/sessions/${id}`);
    await page.keyboard.press('Enter');
    const webview = activeWebview(page);
    await onScreenFailure(page, 'waiting for the session panel', () => webview.getByText(name).first().waitFor({ timeout: 60_000 }));

    await webview.getByRole('tab', { name: 'Log' }).click();
    const rows = webview.locator('[data-testid=events-table] tbody tr');
    const first = await waitFor('log records', async () => ((await rows.count()) > 0 ? rows.count() : undefined));
    await waitFor('more log records while it runs', async () => ((await rows.count()) > first ? true : undefined));

    // It fails: the Overview says why, and the Log shows the failed record focused.
    await webview.locator('[data-testid=result-badge]', { hasText: 'Failed' }).waitFor({ timeout: 90_000 });
    const failedRow = webview.locator('[data-testid=events-table] tbody tr[data-status=failed]').first();
    await failedRow.waitFor({ timeout: 30_000 });
    await webview.locator('[data-testid=log-filter]').selectOption('failed');
    assert.strictEqual(await webview.locator('[data-testid=events-table] tbody tr[data-status=success]:visible').count(), 0, 'the filter hides succeeded records');
    await webview.locator('[data-testid=log-first-failure]').click();
    await waitFor('the first failure focused', async () => ((await failedRow.getAttribute('class')) ?? '').includes('current') || undefined);
    await workbench!.screenshot('vbr-05-log-first-failure');
    await webview.getByRole('tab', { name: 'Overview' }).click();
    await webview.locator('[data-testid=why-failed]', { hasText: 'Why it failed' }).waitFor();
  });
});
