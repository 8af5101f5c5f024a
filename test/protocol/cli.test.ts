import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { startSimulator, type Simulator } from './simulatorFixture';

// Compiled next to this file by `npm run compile-tests`: out/test/protocol → out/src/cli/cli.js.
const CLI = path.join(__dirname, '..', '..', 'src', 'cli', 'cli.js');

function runCli(args: string[], password: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, VEEAM_PASSWORD: password }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('CLI get/list against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, vbrRevision: '1.2-rev1', vbrSessionCount: 400, seed: 9, sessionCount: 12 });
  });
  after(async () => {
    await sim.stop();
  });

  it('lists EM sessions and gets one raw, then logs off', async () => {
    const server = ['--url', sim.emUrl, '--kind', 'em', '--user', sim.credentials.em.username, '--fingerprint', sim.fingerprint256];
    const list = await runCli(['list', ...server, '--page-size', '3'], sim.credentials.em.password);
    assert.strictEqual(list.code, 0, list.stderr);
    const page = JSON.parse(list.stdout) as { sessions: Array<{ id: string }>; hasMore: boolean };
    assert.strictEqual(page.sessions.length, 3);
    assert.ok(page.hasMore);
    sim.resetRequestCount();
    const get = await runCli(['get', ...server, '--id', page.sessions[0].id, '--format', 'json', '--raw'], sim.credentials.em.password);
    assert.strictEqual(get.code, 0, get.stderr);
    assert.ok(get.stdout.includes(page.sessions[0].id));
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'DELETE' }), 1, 'the CLI logs off');
  });

  it('lists Microsoft 365 sessions; a wrong password fails with one clear line', async () => {
    const server = ['--url', sim.vb365Url, '--kind', 'vb365', '--user', sim.credentials.vb365.username, '--fingerprint', sim.fingerprint256];
    const list = await runCli(['list', ...server, '--page-size', '4', '--state', 'finished'], sim.credentials.vb365.password);
    assert.strictEqual(list.code, 0, list.stderr);
    const page = JSON.parse(list.stdout) as { sessions: Array<{ state: string }> };
    assert.ok(page.sessions.length > 0 && page.sessions.every((s) => s.state === 'finished'));
    const wrong = await runCli(['list', ...server], 'not-it');
    assert.strictEqual(wrong.code, 3);
    assert.match(wrong.stderr, /^error: .*refused/);
    assert.ok(!wrong.stderr.includes('not-it'));
  });

  it('lists Backup & Replication restores with --kind vbr, falls back to the revision the server speaks, gets one raw, logs out', async () => {
    const server = ['--url', sim.vbrUrl, '--kind', 'vbr', '--user', sim.credentials.vbr.username, '--fingerprint', sim.fingerprint256];
    const list = await runCli(['list', ...server, '--page-size', '5'], sim.credentials.vbr.password);
    assert.strictEqual(list.code, 0, list.stderr);
    const page = JSON.parse(list.stdout) as { sessions: Array<{ id: string; kind: string; type: string }> };
    assert.strictEqual(page.sessions.length, 5);
    assert.ok(page.sessions.every((s) => s.kind === 'vbr' && !/Job$/.test(s.type)), 'restores only');
    sim.resetRequestCount();
    const get = await runCli(['get', ...server, '--id', page.sessions[0].id, '--raw', '--api-version', '1.2-rev1'], sim.credentials.vbr.password);
    assert.strictEqual(get.code, 0, get.stderr);
    assert.ok(get.stdout.includes(`"id": "${page.sessions[0].id}"`) || get.stdout.includes(`"id":"${page.sessions[0].id}"`), 'the JSON as sent');
    assert.strictEqual(sim.requestCount({ api: 'vbr', pathIncludes: '/api/oauth2/token' }), 1, 'the revision asked for is spoken at once');
    assert.strictEqual(sim.requestCount({ api: 'vbr', pathIncludes: '/api/oauth2/logout' }), 1, 'the CLI logs out');
    const bad = await runCli(['list', ...server, '--api-version', 'v8'], sim.credentials.vbr.password);
    assert.strictEqual(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /not a Backup & Replication REST API revision/);
  });
});
