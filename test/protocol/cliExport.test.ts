import * as assert from 'assert';
import { execFile } from 'child_process';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { SESSION_COLUMNS, sessionRow } from '../../src/core/export/sessionRows';
import { kindDescriptor, SERVER_KINDS, type ServerKind } from '../../src/core/kinds/serverKinds';
import type { SessionPage } from '../../src/core/model/restoreSession';
import { startSimulator, type Simulator } from './simulatorFixture';

// The built bundle: it checks that the CSV library is bundled into dist/cli.js, not only resolvable from out/.
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function runCli(args: string[], password: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, VEEAM_PASSWORD: password }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('CLI list --output csv (dist/cli.js against the simulator)', () => {
  let sim: Simulator;
  before(async function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    // Nothing running: the JSON and the CSV listing, two requests apart, see the same sessions.
    sim = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, vbrSessionCount: 300, seed: 14, sessionCount: 20, vb365SessionCount: 20, runningCount: 0 });
  });
  after(async () => {
    await sim?.stop();
  });

  const urls = (kind: ServerKind): string => ({ em: sim.emUrl, vb365: sim.vb365Url, vbr: sim.vbrUrl })[kind as 'em' | 'vb365' | 'vbr'];

  for (const descriptor of SERVER_KINDS) {
    it(`${descriptor.productName}: the CSV has a header and the rows of the JSON page, read back with the CSV library`, async () => {
      const kind = descriptor.id;
      const credentials = sim.credentials[kind as 'em' | 'vb365' | 'vbr'];
      const server = ['--url', urls(kind), '--kind', kind, '--user', credentials.username, '--fingerprint', sim.fingerprint256, '--page-size', '7'];
      const json = await runCli(['list', ...server], credentials.password);
      assert.strictEqual(json.code, 0, json.stderr);
      const page = JSON.parse(json.stdout) as SessionPage;
      assert.strictEqual(page.sessions.length, 7);
      const csv = await runCli(['list', ...server, '--output', 'csv'], credentials.password);
      assert.strictEqual(csv.code, 0, csv.stderr);
      assert.ok(csv.stdout.startsWith(`${SESSION_COLUMNS.join(',')}\r\n`), csv.stdout.slice(0, 200));
      assert.ok(csv.stdout.endsWith('\r\n') && !csv.stdout.endsWith('\r\n\n'), 'CRLF records, no extra line');
      const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
      const host = new URL(urls(kind)).host;
      assert.deepStrictEqual(
        rows,
        page.sessions.map((session) => {
          const row = sessionRow({ serverName: host, session });
          return Object.fromEntries(SESSION_COLUMNS.map((c) => [c, row[c] === undefined ? '' : String(row[c])]));
        }),
      );
      assert.ok(rows.every((r) => r.kind === kindDescriptor(kind).productName && r.server === host));
      assert.ok(rows.every((r) => r.creationTime === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(r.creationTime)), 'UTC ISO 8601');
    });
  }

  it('refuses an unknown --output and --output on get, as usage errors', async () => {
    const credentials = sim.credentials.em;
    const server = ['--url', sim.emUrl, '--kind', 'em', '--user', credentials.username, '--fingerprint', sim.fingerprint256];
    const bad = await runCli(['list', ...server, '--output', 'xml'], credentials.password);
    assert.strictEqual(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /^error: --output must be json or csv, not "xml"/);
    const onGet = await runCli(['get', ...server, '--id', '0f7b6c1e-2a44-4b5e-9c1d-3e2f1a0b9c8d', '--output', 'csv'], credentials.password);
    assert.strictEqual(onGet.code, 2, onGet.stderr);
    assert.match(onGet.stderr, /--output is for list/);
  });
});
