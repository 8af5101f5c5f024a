import * as assert from 'assert';
import type { BackupReplicationClient } from '../../src/core/kinds/backupReplication/backupReplicationClient';
import { CapturedLog, ClientFactory, MemoryTokenStore, expectVeeamError, startSimulator, type Simulator } from './simulatorFixture';

/** Every restore session type the reference marks R (veeam-api-vbr.md §5.2) that the simulator generates. */
const RESTORE_TYPES = new Set(['RestoreVm', 'InstantRecovery', 'FileLevelRestore', 'LinuxFileLevelRestore', 'FirstClassDiskInstantRestore', 'NasRestore', 'EntraIdRestore', 'EntraIdRestoreFromCopy', 'AzureInstantRecovery', 'FileInstantRecovery', 'CloudDirectorVmRestore', 'CloudDirectorVAppRestore', 'ApplicationLevelRestore', 'AdForestRestore', 'RestoreRecoveryApplianceVolumes', 'RestoreAgentVolumes', 'EndpointRestore', 'InstantDiskRecovery', 'DiskRestore']);

describe('Backup & Replication client against the simulator', () => {
  let sim: Simulator;
  let old: Simulator;
  const clients = new ClientFactory(() => sim);
  const oldClients = new ClientFactory(() => old);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 5, vbrSessionCount: 1500, vbrTokenLifetimeSeconds: 2, progressStepMs: 3_600_000 });
    old = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 6, vbrSessionCount: 1500, vbrRevision: '1.2-rev1', progressStepMs: 3_600_000 });
  });
  after(async () => {
    await sim.stop();
    await old.stop();
  });
  afterEach(async () => {
    sim.clearFaults();
    old.clearFaults();
    sim.resetRequestCount();
    old.resetRequestCount();
    await clients.disposeAll();
    await oldClients.disposeAll();
  });

  it('signs in and names the revision it speaks', async () => {
    assert.strictEqual(await clients.create('vbr').connect(), 'Backup & Replication (REST API 1.3-rev2)');
  });

  it('lists restore sessions only, newest first by asking the server, paged by skip/limit', async () => {
    const client = clients.create('vbr');
    const first = await client.listSessions({ page: 1, pageSize: 60 });
    // Restores are about one session in ten: 60 of them in one request means the server filtered them.
    assert.strictEqual(sim.requestCount({ api: 'vbr', method: 'GET', pathIncludes: '/api/v1/sessions' }), 1, 'one request for the page');
    const second = await client.listSessions({ page: 2, pageSize: 60 });
    assert.strictEqual(first.sessions.length, 60);
    assert.ok(first.hasMore);
    const rows = [...first.sessions, ...second.sessions];
    assert.ok(rows.every((s) => RESTORE_TYPES.has(s.type)), `only restores: ${[...new Set(rows.map((s) => s.type))].join(', ')}`);
    const times = rows.map((s) => Date.parse(s.creationTime ?? ''));
    assert.ok(times.every((t, i) => i === 0 || times[i - 1] >= t), 'newest first');
    assert.ok(second.sessions.every((s) => !first.sessions.some((f) => f.id === s.id)), 'pages are disjoint');
    assert.strictEqual(sim.requestCount({ api: 'vbr', method: 'GET', pathIncludes: '/api/v1/sessions' }), 2, 'one request per page');
  });

  it('shows every session on request, most of them not restores', async () => {
    const all = await clients.create('vbr').listSessions({ page: 1, pageSize: 200, scope: 'all' });
    const restores = all.sessions.filter((s) => RESTORE_TYPES.has(s.type)).length;
    assert.ok(restores < all.sessions.length / 2, `${restores} of ${all.sessions.length} are restores`);
  });

  it('before 1.3-rev0 filters the restore types itself, still newest first', async () => {
    const client = oldClients.create('vbr', { apiVersion: '1.2-rev1' });
    const page = await client.listSessions({ page: 1, pageSize: 30 });
    assert.strictEqual(page.sessions.length, 30);
    assert.ok(page.sessions.every((s) => RESTORE_TYPES.has(s.type)));
    const times = page.sessions.map((s) => Date.parse(s.creationTime ?? ''));
    assert.ok(times.every((t, i) => i === 0 || times[i - 1] >= t));
    // The server binds only the first of repeated typeFilter keys before 1.3-rev0: a server-side filter would have
    // returned one type only.
    assert.ok(new Set(page.sessions.map((s) => s.type)).size > 1, 'several restore types, not only the first one asked for');
  });

  it('falls back to the revision the server accepts and says which', async () => {
    const log = new CapturedLog();
    const client = oldClients.create('vbr', { logger: log.logger }) as BackupReplicationClient;
    assert.strictEqual(await client.connect(), 'Backup & Replication (REST API 1.2-rev1)');
    assert.strictEqual(client.apiVersion(), '1.2-rev1');
    assert.match(log.text(), /does not support REST API revision 1\.3-rev2/);
  });

  it('uses the supported list when the server names it', async () => {
    old.setFaults({ vbrListSupportedRevisions: true });
    const client = oldClients.create('vbr') as BackupReplicationClient;
    await client.connect();
    assert.strictEqual(client.apiVersion(), '1.2-rev1');
    assert.strictEqual(old.requestCount({ api: 'vbr', pathIncludes: '/api/oauth2/token' }), 2, 'one refused token request, then the listed revision');
  });

  it('refreshes single-use refresh tokens one at a time and keeps each new one at once', async () => {
    const store = new MemoryTokenStore();
    const client = clients.create('vbr', { tokenStore: store });
    await client.listSessions({ page: 1, pageSize: 5 });
    const first = JSON.parse(store.value ?? '{}') as { refreshToken?: string };
    // The 2 s token expires: ten requests at once must share one refresh (a second use of the token would fail).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    sim.resetRequestCount();
    await Promise.all(Array.from({ length: 10 }, () => client.listSessions({ page: 1, pageSize: 5 })));
    assert.strictEqual(sim.requestCount({ api: 'vbr', pathIncludes: '/api/oauth2/token' }), 1, 'one refresh for ten requests');
    const second = JSON.parse(store.value ?? '{}') as { refreshToken?: string };
    assert.ok(second.refreshToken && second.refreshToken !== first.refreshToken, 'the new refresh token is persisted');
  });

  it('after every token was revoked, signs in again once and retries', async () => {
    const client = clients.create('vbr');
    await client.listSessions({ page: 1, pageSize: 5 });
    sim.expireAllTokens();
    sim.resetRequestCount();
    const page = await client.listSessions({ page: 1, pageSize: 5 });
    assert.strictEqual(page.sessions.length, 5);
  });

  it('a wrong password is an authentication failure naming the user', async () => {
    const e = await expectVeeamError(clients.create('vbr', { passwordOverride: 'wrong' }).connect(), 'authFailed');
    assert.match(e.message, /refused the user name or password/);
  });

  it('reads a session, its log in id order and its task sessions; an unknown id is not found', async () => {
    const client = clients.create('vbr');
    const page = await client.listSessions({ page: 1, pageSize: 50 });
    const finished = page.sessions.find((s) => s.state === 'finished');
    assert.ok(finished);
    const session = await client.getSession(finished.id);
    assert.strictEqual(session.id, finished.id);
    assert.ok(session.raw?.text.includes(finished.id), 'the body as sent is kept');
    const log = await client.getEvents(finished.id);
    assert.ok(log.length > 0);
    const ids = log.map((e) => Number(e.id));
    assert.deepStrictEqual(ids, [...ids].sort((a, b) => a - b), 'sorted by id although the server sends newest update first');
    const tasks = await client.getTaskSessions?.(finished.id);
    assert.ok(Array.isArray(tasks));
    await expectVeeamError(client.getSession('00000000-0000-4000-8000-000000000001'), 'notFound');
  });

  it('logs out: the tokens stop working', async () => {
    const client = clients.create('vbr');
    await client.connect();
    await client.logoff();
    assert.strictEqual(sim.requestCount({ api: 'vbr', pathIncludes: '/api/oauth2/logout' }), 1);
  });

  describe('each revision the reference covers', () => {
    for (const revision of ['1.1-rev0', '1.2-rev1', '1.3-rev0', '1.3-rev1', '1.3-rev2']) {
      it(`${revision}: negotiated, restores listed newest first, one read with its log; task sessions where the revision has them`, async () => {
        const server = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 12, vbrSessionCount: 600, vbrRevision: revision, progressStepMs: 3_600_000 });
        const factory = new ClientFactory(() => server);
        try {
          const client = factory.create('vbr') as BackupReplicationClient;
          assert.strictEqual(await client.connect(), `Backup & Replication (REST API ${revision})`);
          const page = await client.listSessions({ page: 1, pageSize: 20 });
          assert.ok(page.sessions.length > 5, `${page.sessions.length} restores`);
          assert.ok(page.sessions.every((s) => RESTORE_TYPES.has(s.type) && s.kind === 'vbr'));
          const times = page.sessions.map((s) => Date.parse(s.creationTime ?? ''));
          assert.ok(times.every((t, i) => i === 0 || times[i - 1] >= t), 'newest first');
          const finished = page.sessions.find((s) => s.state === 'finished');
          assert.ok(finished, 'a finished restore');
          const session = await client.getSession(finished.id);
          assert.ok(['success', 'warning', 'failed', 'unknown'].includes(session.result));
          // 1.1-rev0 calls it activityId; renamed jobId in 1.2-rev1 (§9): the same id either way.
          assert.ok(session.jobId, 'the job (or activity) id');
          assert.ok(session.raw?.text.includes(revision === '1.1-rev0' ? '"activityId"' : '"jobId"'), 'the body as that revision writes it');
          assert.ok((await client.getEvents(finished.id)).length > 0, 'its log');
          const tasks = (await client.getTaskSessions?.(finished.id)) ?? [];
          if (revision === '1.1-rev0') assert.strictEqual(tasks.length, 0, 'no task sessions before 1.2');
          assert.strictEqual(server.requestCount({ api: 'vbr', pathIncludes: 'taskSessions' }), revision === '1.1-rev0' ? 0 : 1, 'not asked where the revision has none');
        } finally {
          await factory.disposeAll();
          await server.stop();
        }
      });
    }
  });

  describe('stop', () => {
    let live: Simulator;
    const liveClients = new ClientFactory(() => live);
    before(async () => {
      live = await startSimulator({ emPort: 0, vb365Port: 0, vbrPort: 0, seed: 8, vbrSessionCount: 200, progressStepMs: 100 });
    });
    after(async () => {
      await live.stop();
    });
    afterEach(async () => {
      live.clearFaults();
      await liveClients.disposeAll();
    });

    it('a running restore is asked to stop (200 {}), then reaches Stopped, cancelled by a user', async () => {
      const id = live.addRunningSession('vbr', { name: 'stop me', durationSeconds: 600 });
      const client = liveClients.create('vbr');
      await client.stopSession?.(id);
      let session = await client.getSession(id);
      for (let i = 0; i < 100 && session.state !== 'finished'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        session = await client.getSession(id);
      }
      assert.strictEqual(session.state, 'finished');
      assert.strictEqual(session.isCanceled, true);
    });

    it('refused for lack of rights: forbidden, saying what role it takes', async () => {
      const id = live.addRunningSession('vbr', { durationSeconds: 600 });
      live.setFaults({ vbrRefuseStop: true });
      const error = await expectVeeamError(liveClients.create('vbr').stopSession?.(id) ?? Promise.resolve(), 'forbidden');
      assert.match(error.message, /may not stop session .* Restore Operator/);
    });

    it('a finished session or an unknown one: said plainly', async () => {
      const client = liveClients.create('vbr');
      const finished = (await client.listSessions({ page: 1, pageSize: 50 })).sessions.find((s) => s.state === 'finished');
      assert.ok(finished);
      const notRunning = await expectVeeamError(client.stopSession?.(finished.id) ?? Promise.resolve(), 'invalidInput');
      assert.match(notRunning.message, /probably no longer running/);
      const gone = await expectVeeamError(client.stopSession?.('00000000-0000-4000-8000-0000000000aa') ?? Promise.resolve(), 'notFound');
      assert.match(gone.message, /gone from the server/);
    });
  });
});
