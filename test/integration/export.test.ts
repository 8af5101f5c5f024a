import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { SESSION_COLUMNS } from '../../src/core/export/sessionRows';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { addSimulatorServer, eventually, extensionApi, removeServer, requireSimulator } from './veeamApi';

interface SessionExportResult {
  uri: string;
  count: number;
  skipped: string[];
}

/**
 * Export Sessions… and Export Log… called with their argument form (no dialogs), against the simulator: the files
 * they write, read back (CSV with the same library the extension writes it with).
 */
suite('Export: sessions to CSV/JSON, a session log to CSV/text', () => {
  let api: VeeamRestoreSessionsApi;
  let emId: string | undefined;
  let vbrId: string | undefined;
  let folder: string;

  suiteSetup(async function () {
    this.timeout(120_000);
    const simulator = requireSimulator(this);
    api = await extensionApi();
    // Small pages: the servers have more sessions than are loaded, so "fetch all" has pages to read.
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('pageSize', 5, vscode.ConfigurationTarget.Global);
    emId = await addSimulatorServer(simulator, 'em', 'Export EM');
    vbrId = await addSimulatorServer(simulator, 'vbr', 'Export VBR');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-export-'));
  });

  suiteTeardown(async () => {
    api?.store.setFilter(undefined);
    await vscode.workspace.getConfiguration('veeamRestoreSessions').update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await removeServer(emId);
    await removeServer(vbrId);
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  function readCsv(file: string): Array<Record<string, string>> {
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith(`${SESSION_COLUMNS.join(',')}\r\n`), `header: ${text.slice(0, 200)}`);
    return parse(text, { columns: true }) as Array<Record<string, string>>;
  }

  test('one server, loaded pages, CSV: the rows are the tree\'s sessions in its order', async function () {
    this.timeout(60_000);
    const id = emId as string;
    await api.store.ensureLoaded(id);
    const loaded = await eventually('the first page', () => api.store.sessions(id));
    assert.ok(api.store.hasMore(id), 'the server has more than one page of 5');
    const file = path.join(folder, 'em-loaded.csv');
    const result = await vscode.commands.executeCommand<SessionExportResult>('veeamRestoreSessions.exportSessions', { serverId: id, format: 'csv', uri: vscode.Uri.file(file), pages: 'loaded' });
    assert.strictEqual(result?.count, loaded.length);
    const rows = readCsv(file);
    assert.deepStrictEqual(
      rows.map((r) => r.id),
      loaded.map((s) => s.id),
    );
    assert.ok(rows.every((r) => r.server === 'Export EM' && r.kind === 'Veeam Backup Enterprise Manager'), JSON.stringify(rows[0]));
  });

  test('fetch all first, under the tree filter: more rows than loaded, every one matching the filter, none twice', async function () {
    this.timeout(120_000);
    const id = emId as string;
    api.store.setFilter({ states: ['finished'] });
    await api.store.ensureLoaded(id);
    const loaded = await eventually('the filtered first page', () => api.store.sessions(id));
    const file = path.join(folder, 'em-all.csv');
    const result = await vscode.commands.executeCommand<SessionExportResult>('veeamRestoreSessions.exportSessions', { serverId: id, format: 'csv', uri: file, pages: 'all' });
    assert.ok(result && result.count > loaded.length, `fetched ${result?.count}, loaded ${loaded.length}`);
    const rows = readCsv(file);
    assert.strictEqual(rows.length, result.count);
    assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length, 'no session twice');
    assert.ok(rows.every((r) => r.state === 'finished'), 'the filter applies to the pages fetched for the export');
    assert.ok(loaded.every((s) => rows.some((r) => r.id === s.id)), 'the loaded sessions are in the full export');
    api.store.setFilter(undefined);
  });

  test('all servers to JSON: one array, each element with its server name', async function () {
    this.timeout(60_000);
    const file = path.join(folder, 'all.json');
    const result = await vscode.commands.executeCommand<SessionExportResult>('veeamRestoreSessions.exportSessions', { format: 'json', uri: vscode.Uri.file(file), pages: 'loaded' });
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ server: string; id: string; kind: string }>;
    assert.ok(Array.isArray(parsed));
    assert.strictEqual(parsed.length, result?.count);
    const servers = new Set(parsed.map((s) => s.server));
    assert.ok(servers.has('Export EM') && servers.has('Export VBR'), [...servers].join(', '));
    const names = new Set(api.registry.list().map((s) => s.name));
    assert.ok([...servers].every((s) => names.has(s)));
  });

  test('Export Log… writes a Backup & Replication session log; an Enterprise Manager session has none and nothing is written', async function () {
    this.timeout(60_000);
    const vbr = vbrId as string;
    await api.store.ensureLoaded(vbr);
    const [session] = await eventually('a Backup & Replication session', () => api.store.sessions(vbr)?.slice(0, 1));
    const file = path.join(folder, 'vbr.log');
    const result = await vscode.commands.executeCommand<{ uri: string; count: number }>('veeamRestoreSessions.exportLog', { serverId: vbr, sessionId: session.id, format: 'text', uri: file });
    const events = await (await api.registry.getClient(vbr)).getEvents(session.id);
    assert.strictEqual(result?.count, events.length);
    const text = fs.readFileSync(file, 'utf8');
    for (const e of events) assert.ok(text.includes(e.title), `the log text has "${e.title}"`);

    const csvFile = path.join(folder, 'vbr-log.csv');
    await vscode.commands.executeCommand('veeamRestoreSessions.exportLog', { serverId: vbr, sessionId: session.id, format: 'csv', uri: csvFile });
    const rows = parse(fs.readFileSync(csvFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.strictEqual(rows.length, events.length);

    const em = emId as string;
    const [emSession] = await eventually('an Enterprise Manager session', () => api.store.sessions(em)?.slice(0, 1));
    const emFile = path.join(folder, 'em.log');
    const none = await vscode.commands.executeCommand('veeamRestoreSessions.exportLog', { serverId: em, sessionId: emSession.id, format: 'text', uri: emFile });
    assert.strictEqual(none, undefined);
    assert.ok(!fs.existsSync(emFile), 'nothing written for a kind without a log');
  });

  test('the session rows say hasLog only for kinds whose API has a log (the menu shows Export Log… on those)', async () => {
    const nodes = async (serverId: string) => {
      const server = (await api.tree.getChildren()).find((n) => n.id === `server/${serverId}`);
      assert.ok(server);
      return (await api.tree.getChildren(server)).filter((n) => n.contextValue?.startsWith('session '));
    };
    const vbrRows = await nodes(vbrId as string);
    const emRows = await nodes(emId as string);
    assert.ok(vbrRows.length > 0 && emRows.length > 0);
    assert.ok(vbrRows.every((n) => /\bhasLog\b/.test(n.contextValue ?? '')));
    assert.ok(emRows.every((n) => !/\bhasLog\b/.test(n.contextValue ?? '')));
  });
});
