import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { LOG_COLUMNS } from '../../src/core/export/logRows';
import { SESSION_COLUMNS } from '../../src/core/export/sessionRows';
import { activityBarEntry, onScreenFailure, openWorkbench, runFromContextMenu, simulatorOrSkip, type Workbench } from './workbench';

const VB365_SERVER = 'Simulator · Microsoft 365';
/** Small, so the whole first page is on screen (the tree renders only visible rows) and "Load more…" follows it. */
const PAGE_SIZE = 8;
/** How long a step may take on a loaded 2-core machine before the test says what is on screen. */
const STEP_TIMEOUT_MS = 60_000;

function quickPickRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.quick-input-list .monaco-list-row', { hasText: text }).filter({ visible: true }).first();
}

async function chooseQuickPickRow(page: Page, text: string | RegExp): Promise<void> {
  const row = quickPickRow(page, text);
  await onScreenFailure(page, `choosing "${String(text)}" in the quick pick`, async () => {
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.click();
  });
}

function serverRow(page: Page, name: string): Locator {
  return page.getByRole('treeitem', { name: new RegExp(`^Server ${name}`) }).first();
}

/** The labels of the session rows under the expanded server, in tree order. */
async function sessionLabels(page: Page): Promise<string[]> {
  const labels = await page.locator('.sidebar .monaco-list-row[aria-level="2"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  return labels.filter((label) => label.startsWith('Restore session '));
}

/**
 * code-server's save dialog is VS Code's simple file dialog: a quick input holding the suggested path, the entries of
 * its folder listed under it. A user types the folder (ending in `/`: the dialog lists it, `..` first), then the file
 * name, and presses Enter. Not the whole path in one go: the dialog then lists the new folder and activates its
 * first entry, `..`, after the typed name was matched, and Enter opens `..` instead of saving.
 */
async function answerSaveDialog(page: Page, suggestedName: RegExp, target: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const valueIs = (test: string): Promise<unknown> => page.waitForFunction(`(() => { const value = document.querySelector('.quick-input-widget input')?.value ?? ''; return ${test}; })()`, undefined, { timeout: STEP_TIMEOUT_MS });
  await onScreenFailure(page, 'waiting for the save dialog', () => valueIs(`new RegExp(${JSON.stringify(suggestedName.source)}).test(value)`));
  const folder = `${path.dirname(target)}/`;
  await input.fill(folder);
  await onScreenFailure(page, 'waiting for the save dialog to list the folder', async () => {
    await valueIs(`value === ${JSON.stringify(folder)}`);
    await page.waitForFunction(
      `(() => {
        const rows = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].filter((r) => r.offsetParent !== null);
        return rows.length === 1 && rows[0].textContent.trim() === '..';
      })()`,
      undefined,
      { timeout: STEP_TIMEOUT_MS },
    );
  });
  await page.keyboard.type(path.basename(target));
  await onScreenFailure(page, 'waiting for the save dialog to take the name', async () => {
    await valueIs(`value === ${JSON.stringify(target)}`);
    // No entry active: Enter then saves to the typed path (with `..` active it would open the parent folder).
    await page.waitForFunction(`document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row.focused').length === 0`, undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await page.keyboard.press('Enter');
  await onScreenFailure(page, 'waiting for the save dialog to close', () => page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }));
}

/** A new folder for one export: the save dialog then lists `..` alone, and no earlier file completes the typed name. */
function emptyFolder(parent: string, name: string): string {
  const folder = path.join(parent, name);
  fs.mkdirSync(folder);
  return folder;
}

/** The notification the export shows once the file is written; returns its text. */
async function exportedNotification(page: Page, text: RegExp): Promise<string> {
  const toast = page.locator('.notification-toast-container .notification-list-item-message', { hasText: text }).first();
  await onScreenFailure(page, `waiting for the notification ${String(text)}`, () => toast.waitFor({ timeout: STEP_TIMEOUT_MS }));
  return (await toast.textContent()) ?? '';
}

/** The file as a spreadsheet reads it: the header row, and the records keyed by it. */
function readCsv(file: string): { header: string[]; rows: Array<Record<string, string>> } {
  const text = fs.readFileSync(file, 'utf8');
  const header = (parseCsv(text, { to_line: 1, bom: true }) as string[][])[0];
  const rows = parseCsv(text, { columns: true, bom: true }) as Array<Record<string, string>>;
  return { header, rows };
}

/** A user exports what the tree shows through the real menus and dialogs, then opens the files the export wrote. */
suite('UI: Export Sessions… and Export Log…', () => {
  let workbench: Workbench | undefined;
  let scratch: string;

  suiteSetup(async function () {
    const simulator = simulatorOrSkip(this);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-export-e2e-'));
    workbench = await openWorkbench({ bootstrap: simulator });
    // The page size is read at the first load: set before the view is shown.
    const settingsFile = path.join(workbench.server.runDir, 'user-data', 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'veeamRestoreSessions.pageSize': PAGE_SIZE }, null, 2));
    await activityBarEntry(workbench.page).click();
    await serverRow(workbench.page, VB365_SERVER).waitFor({ timeout: STEP_TIMEOUT_MS });
  });

  suiteTeardown(async () => {
    await workbench?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("Export Sessions… on a server's context menu: CSV through the save dialog, header and rows as the tree shows them", async function () {
    this.timeout(240_000);
    const { page } = workbench!;
    // The page size applies from the next load: refresh so the list is read with it, then expand the server.
    await page.getByRole('button', { name: 'Refresh All', exact: true }).click();
    await serverRow(page, VB365_SERVER).click();
    await page.keyboard.press('ArrowRight');
    await onScreenFailure(page, 'waiting for the first page of sessions', () =>
      page.waitForFunction(
        `(() => { const r = document.querySelector('.sidebar .monaco-list-row[aria-level="2"]'); return r?.getAttribute('aria-label')?.startsWith('Restore session') && r.getAttribute('aria-setsize') === '${PAGE_SIZE + 1}'; })()`,
        undefined,
        { timeout: STEP_TIMEOUT_MS },
      ),
    );

    const file = path.join(emptyFolder(scratch, 'sessions'), 'vb365-sessions.csv');
    await runFromContextMenu(page, serverRow(page, VB365_SERVER), 'Export Sessions…');
    await chooseQuickPickRow(page, /^CSV/);
    // More sessions than loaded: the user keeps to what the tree shows.
    await chooseQuickPickRow(page, `Export loaded (${PAGE_SIZE})`);
    await answerSaveDialog(page, /Simulator-Microsoft-365-restore-sessions\.csv$/, file);
    await exportedNotification(page, new RegExp(`Exported ${PAGE_SIZE} restore sessions to vb365-sessions\\.csv`));
    await workbench!.screenshot('export-01-sessions-written');

    const { header, rows } = readCsv(file);
    assert.deepStrictEqual(header, [...SESSION_COLUMNS]);
    // Sessions are only added on request, so the tree's rows are the ones exported (a running one's state may move on).
    const labels = await sessionLabels(page);
    assert.strictEqual(labels.length, PAGE_SIZE, `tree rows: ${JSON.stringify(labels)}`);
    assert.deepStrictEqual(
      rows.map((r) => `Restore session ${r.name},`),
      labels.map((label, i) => label.slice(0, `Restore session ${rows[i]?.name ?? ''},`.length)),
      'the CSV rows are not the tree rows, in the tree order',
    );
    for (const r of rows) {
      assert.strictEqual(r.server, VB365_SERVER);
      assert.match(r.id, /^[0-9a-f-]{36}$/i);
      assert.ok(r.state !== '' && r.creationTime !== '', `row ${JSON.stringify(r)}`);
    }
  });

  test("Export Log… on a session's context menu: CSV through the save dialog, one row per record", async function () {
    this.timeout(240_000);
    const { page } = workbench!;
    // A finished session (no "percent" in its label): its log no longer grows while the test reads it.
    const labels = await sessionLabels(page);
    const finished = labels.find((label) => !/percent|Running|Stopping/.test(label));
    assert.ok(finished, `no finished session among ${JSON.stringify(labels)}`);
    // By its name: the rest of the label ("5 minutes ago") changes as time passes.
    const name = finished.split(',')[0];
    const row = page.getByRole('treeitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) }).first();
    const file = path.join(emptyFolder(scratch, 'log'), 'session-log.csv');
    await runFromContextMenu(page, row, 'Export Log…');
    await chooseQuickPickRow(page, /^CSV/);
    await answerSaveDialog(page, /restore-session-[0-9a-f]{8}-log\.csv$/, file);
    const notice = await exportedNotification(page, /Exported \d+ log records to session-log\.csv/);
    const count = Number(/Exported (\d+) log records/.exec(notice)?.[1]);
    await workbench!.screenshot('export-02-log-written');

    const { header, rows } = readCsv(file);
    assert.deepStrictEqual(header, [...LOG_COLUMNS]);
    assert.ok(count > 0, `the notification said ${notice}`);
    assert.strictEqual(rows.length, count, 'the file holds another number of records than the notification says');
    const orders = rows.map((r) => Number(r.order));
    assert.deepStrictEqual(orders, [...orders].sort((a, b) => a - b), 'records are not in their order');
    for (const r of rows) assert.ok(r.status !== '' && r.title !== '' && r.startTime !== '', `record ${JSON.stringify(r)}`);
  });
});
