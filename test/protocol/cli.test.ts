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

  it('log prints a session\'s log; log --follow prints records as they come and exits 11 when the restore fails', async () => {
    const server = ['--url', sim.vbrUrl, '--kind', 'vbr', '--user', sim.credentials.vbr.username, '--fingerprint', sim.fingerprint256];
    const id = sim.addRunningSession('vbr', { name: 'cli follow', durationSeconds: 4, finalResult: 'Failed' });
    const once = await runCli(['log', ...server, '--id', id], sim.credentials.vbr.password);
    assert.strictEqual(once.code, 0, once.stderr);
    const followed = await runCli(['log', ...server, '--id', id, '--follow', '--interval', '0.5'], sim.credentials.vbr.password);
    assert.strictEqual(followed.code, 11, followed.stderr);
    assert.match(followed.stdout, /\[Failed\s*\]/, 'the failed step is printed');
    assert.match(followed.stdout, /# cli follow: Stopped, Failed/);
    const em = await runCli(['log', '--url', sim.emUrl, '--kind', 'em', '--user', sim.credentials.em.username, '--fingerprint', sim.fingerprint256, '--id', id], sim.credentials.em.password);
    assert.strictEqual(em.code, 2);
    assert.match(em.stderr, /publishes no log for restore sessions/);
  });

  it('stop refuses without a terminal unless --yes; with --yes the restore is stopped', async () => {
    const server = ['--url', sim.vbrUrl, '--kind', 'vbr', '--user', sim.credentials.vbr.username, '--fingerprint', sim.fingerprint256];
    const id = sim.addRunningSession('vbr', { name: 'cli stop', durationSeconds: 600 });
    const refused = await runCli(['stop', ...server, '--id', id], sim.credentials.vbr.password);
    assert.strictEqual(refused.code, 2);
    assert.match(refused.stderr, /no terminal to ask on; pass --yes/);
    assert.strictEqual(sim.requestCount({ api: 'vbr', method: 'POST', pathIncludes: '/stop' }), 0, 'nothing was stopped');
    const stopped = await runCli(['stop', ...server, '--id', id, '--yes'], sim.credentials.vbr.password);
    assert.strictEqual(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /Stop requested for cli stop/);
    assert.strictEqual(sim.requestCount({ api: 'vbr', method: 'POST', pathIncludes: '/stop' }), 1);
  });
});
