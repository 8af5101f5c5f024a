import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { fixtureFile } from '../unit/fixturePath';
import { startSimulator, type Simulator } from './simulatorFixture';

// The built bundle, not out/src/cli: only there do the CLI and dist/protocol.js carry separate VeeamError classes.
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], password = '', env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env, VEEAM_PASSWORD: password }, timeout: 60_000 }, (_error, stdout, stderr) => {
      resolve({ code: child.exitCode, stdout, stderr });
    });
  });
}

/** The failure contract: nothing on stdout, one `error:` line on stderr that is not the catch-all, and the class's exit code. */
function assertFailure(r: CliRun, exitCode: number, message: RegExp): void {
  assert.strictEqual(r.stdout, '', 'nothing on stdout');
  const lines = r.stderr.trimEnd().split('\n');
  assert.strictEqual(lines.length, 1, `one line on stderr: ${r.stderr}`);
  assert.match(lines[0], /^error: /);
  assert.doesNotMatch(lines[0], /unexpected failure/);
  assert.match(lines[0], message);
  assert.strictEqual(r.code, exitCode, `exit code for: ${lines[0]}`);
}

/** A loopback port nobody listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function tempFile(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-cli-exit-')), name);
  fs.writeFileSync(file, content);
  return file;
}

const UNKNOWN_ID = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('CLI exit codes (dist/cli.js against the simulator)', () => {
  let sim: Simulator;
  const em = (): string[] => ['--url', sim.emUrl, '--kind', 'em', '--user', sim.credentials.em.username, '--fingerprint', sim.fingerprint256];
  const vb365 = (): string[] => ['--url', sim.vb365Url, '--kind', 'vb365', '--user', sim.credentials.vb365.username, '--fingerprint', sim.fingerprint256];

  before(async function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 12, sessionCount: 6 });
  });
  afterEach(() => sim.clearFaults());
  after(async () => {
    await sim.stop();
  });

  it('documents every exit code in --help', async () => {
    const r = await runCli(['--help']);
    assert.strictEqual(r.code, 0);
    for (const line of [/^ {2}2 usage/m, /^ {2}3 authentication/m, /^ {2}4 not found/m, /^ {2}5 TLS trust/m, /^ {2}6 network/m, /^ {2}7 server error/m, /^ {2}8 unusable response/m]) {
      assert.match(r.stdout, line);
    }
  });

  it('exits 0 on success', async () => {
    const r = await runCli(['list', ...em(), '--page-size', '2'], sim.credentials.em.password);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual((JSON.parse(r.stdout) as { sessions: unknown[] }).sessions.length, 2);
  });

  it('says so plainly where undici would need the parser build left out of the bundle (esbuild.js: undici-trim)', async () => {
    const r = await runCli(['list', ...em(), '--page-size', '2'], sim.credentials.em.password, { UNDICI_NO_WASM_SIMD: '1' });
    assert.notStrictEqual(r.code, 0, 'the request succeeded: the non-SIMD parser is in the bundle again');
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /non-SIMD HTTP parser is not shipped with this extension \(WebAssembly SIMD is required; unset UNDICI_NO_WASM_SIMD\)/);
  });

  it('exits 2 for a usage mistake', async () => {
    const r = await runCli(['list', '--url', sim.emUrl, '--kind', 'em', '--user', 'u', '--page', 'zero'], 'x');
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^error: --page must be a positive integer\n/);
  });

  it('exits 3 for a wrong password (Enterprise Manager)', async () => {
    assertFailure(await runCli(['list', ...em()], 'not-the-password'), 3, /^error: Enterprise Manager refused the user name or password for /);
  });

  it('exits 3 for a wrong password (Microsoft 365), without echoing it', async () => {
    const r = await runCli(['list', ...vb365()], 'not-the-password');
    assertFailure(r, 3, /^error: The Microsoft 365 server refused the user name or password for /);
    assert.ok(!r.stderr.includes('not-the-password'));
  });

  it('exits 4 for an unknown restore session ID', async () => {
    assertFailure(await runCli(['get', ...em(), '--id', UNKNOWN_ID], sim.credentials.em.password), 4, new RegExp(`Restore session ${UNKNOWN_ID} was not found`));
    assertFailure(await runCli(['get', ...vb365(), '--id', UNKNOWN_ID], sim.credentials.vb365.password), 4, new RegExp(`Restore session ${UNKNOWN_ID} was not found`));
  });

  it('exits 5 for an untrusted certificate (no --fingerprint)', async () => {
    const args = ['list', '--url', sim.emUrl, '--kind', 'em', '--user', sim.credentials.em.username];
    assertFailure(await runCli(args, sim.credentials.em.password), 5, /certificate of .* is not trusted.*SHA-256 fingerprint/);
  });

  it('exits 6 when nothing listens on the port', async () => {
    const url = `https://127.0.0.1:${await closedPort()}`;
    assertFailure(await runCli(['list', '--url', url, '--kind', 'em', '--user', 'u', '--fingerprint', sim.fingerprint256], 'x'), 6, /refused the connection/);
  });

  it('exits 7 when the server answers with an error body', async () => {
    sim.setFaults({ errorRate: 1 });
    assertFailure(await runCli(['list', ...em()], sim.credentials.em.password), 7, /HTTP 500.*The server said: /);
  });

  it('exits 8 for an unparseable file, 7 for a saved Error body', async () => {
    const truncated = fs.readFileSync(fixtureFile('em/restore-session-entity.xml'), 'utf8').slice(0, 700);
    assertFailure(await runCli(['parse', '--kind', 'em', tempFile('cut.xml', truncated)]), 8, /malformed XML/);
    assertFailure(await runCli(['parse', '--kind', 'em', fixtureFile('em/error-500.json')]), 7, /Object reference not set/);
  });
});
