import * as assert from 'assert';
import { CapturedLog, ClientFactory, MemoryTokenStore, expectVeeamError, isNewestFirst, startSimulator, type Simulator } from './simulatorFixture';

describe('Microsoft 365 client against the simulator', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 11, vb365SessionCount: 90, tokenLifetimeSeconds: 2, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    sim.clearFaults();
    await clients.disposeAll();
  });

  it('connects and names the API version', async () => {
    assert.strictEqual(await clients.create('vb365').connect(), 'Microsoft 365 (REST API v8)');
  });

  it('lists v8 pages newest first, disjoint, with hasMore', async () => {
    const client = clients.create('vb365');
    const first = await client.listSessions({ page: 1, pageSize: 20 });
    const second = await client.listSessions({ page: 2, pageSize: 20 });
    const total = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions.length;
    const lastPage = Math.ceil(total / 20);
    const last = await client.listSessions({ page: lastPage, pageSize: 20 });
    assert.strictEqual(first.sessions.length, 20);
    assert.ok(first.hasMore);
    assert.ok(isNewestFirst([...first.sessions, ...second.sessions].map((s) => s.creationTime)));
    const ids = new Set(first.sessions.map((s) => s.id));
    assert.ok(second.sessions.every((s) => !ids.has(s.id)));
    assert.strictEqual(last.sessions.length, total - (lastPage - 1) * 20);
    assert.strictEqual(last.hasMore, false);
  });

  for (const version of ['v3', 'v6']) {
    it(`lists ${version} (${version === 'v3' ? 'bare array' : 'offset/limit pages'}) into the same sessions`, async () => {
      const all = (await clients.create('vb365').listSessions({ page: 1, pageSize: 1000 })).sessions;
      const client = clients.create('vb365', { apiVersion: version });
      const page = await client.listSessions({ page: 1, pageSize: 1000 });
      // Teams (Vet) sessions only exist from v5 on.
      const expected = all.filter((s) => version !== 'v3' || s.type !== 'Vet');
      assert.deepStrictEqual(new Set(page.sessions.map((s) => s.id)), new Set(expected.map((s) => s.id)));
      assert.ok(isNewestFirst(page.sessions.map((s) => s.creationTime)));
    });
  }

  it('filters state, result, type and text client-side across server pages', async () => {
    const client = clients.create('vb365');
    const all = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions;
    const type = all[0].type;
    const filter = { states: ['finished' as const], results: ['success' as const, 'warning' as const], types: [type.toLowerCase()] };
    const expected = all.filter((s) => s.state === 'finished' && (s.result === 'success' || s.result === 'warning') && s.type === type).map((s) => s.id);
    assert.ok(expected.length > 3);
    const page2 = await client.listSessions({ page: 2, pageSize: 3, filter });
    assert.deepStrictEqual(page2.sessions.map((s) => s.id), expected.slice(3, 6));
    assert.strictEqual(page2.hasMore, expected.length > 6);
    const needle = all[5].name.slice(2, 8);
    const byText = await client.listSessions({ page: 1, pageSize: 1000, filter: { text: needle.toUpperCase() } });
    assert.deepStrictEqual(byText.sessions.map((s) => s.id), all.filter((s) => s.name.toLowerCase().includes(needle.toLowerCase())).map((s) => s.id));
  });

  it('reads a session with its raw JSON and its events in order', async () => {
    const client = clients.create('vb365');
    const all = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions;
    let withEvents = 0;
    for (const listed of all.slice(0, 5)) {
      const session = await client.getSession(listed.id);
      assert.strictEqual(session.id, listed.id);
      assert.strictEqual(session.raw?.format, 'json');
      assert.strictEqual((JSON.parse(session.raw?.text ?? '{}') as { id?: string }).id?.toLowerCase(), listed.id);
      const events = await client.getEvents(listed.id);
      assert.ok(events.every((e, i) => i === 0 || events[i - 1].order <= e.order));
      if (events.length > 0) withEvents++;
    }
    assert.ok(withEvents > 0, 'some session has events');
    await expectVeeamError(client.getSession('00000000-0000-4000-8000-000000000000'), 'notFound');
    const self = (await client.getSession(all[0].id)).links.find((l) => l.rel.toLowerCase() === 'self');
    assert.ok(self);
    assert.strictEqual((await client.getRaw(self.href, 'json')).format, 'json');
    await expectVeeamError(client.getRaw('https://attacker.invalid/steal', 'json'), 'invalidInput');
    await expectVeeamError(client.getRaw(`${sim.vb365Url}/swagger/ui`, 'json'), 'invalidInput');
  });

  it('refuses a wrong password as authFailed', async () => {
    const error = await expectVeeamError(clients.create('vb365', { passwordOverride: 'wrong-one' }).connect(), 'authFailed');
    assert.ok(!error.message.includes('wrong-one'));
    await expectVeeamError(clients.create('vb365', { passwordOverride: null }).connect(), 'authFailed');
  });

  it('refreshes the token shortly before it expires, without meeting a 401', async () => {
    const log = new CapturedLog();
    let asked = 0;
    const client = clients.create('vb365', {
      logger: log.logger,
      password: async () => {
        asked++;
        return sim.credentials.vb365.password;
      },
    });
    await client.listSessions({ page: 1, pageSize: 1 });
    sim.resetRequestCount();
    // Lifetime 2 s, margin 1 s: after 1.2 s the next request renews first (a wait for state, not a timing assertion).
    await new Promise((r) => setTimeout(r, 1200));
    await client.listSessions({ page: 1, pageSize: 1 });
    assert.strictEqual(sim.requestCount({ api: 'vb365', method: 'POST', pathIncludes: 'token' }), 1);
    assert.strictEqual(asked, 1, 'the refresh token was used, not the password');
    assert.ok(!log.lines.some((l) => / → 401 /.test(l.message)), log.text());
  });

  it('falls back to the password grant when all tokens were revoked, and persists the pair', async () => {
    const store = new MemoryTokenStore();
    let asked = 0;
    const password = async (): Promise<string> => {
      asked++;
      return sim.credentials.vb365.password;
    };
    const client = clients.create('vb365', { tokenStore: store, password });
    await client.connect();
    const first = store.value;
    sim.expireAllTokens();
    const page = await client.listSessions({ page: 1, pageSize: 2 });
    assert.strictEqual(page.sessions.length, 2);
    assert.strictEqual(asked, 2);
    assert.ok(store.value && store.value !== first);
    // A restart with the stored pair needs no password.
    const restarted = clients.create('vb365', { tokenStore: store, password });
    await restarted.listSessions({ page: 1, pageSize: 1 });
    assert.strictEqual(asked, 2);
  });

  it('logs out (v7+) and clears the stored pair; no token or password in logs or errors', async () => {
    const store = new MemoryTokenStore();
    const log = new CapturedLog();
    const client = clients.create('vb365', { tokenStore: store, logger: log.logger });
    await client.connect();
    const tokens = JSON.parse(store.value ?? '{}') as { accessToken?: string; refreshToken?: string };
    assert.ok(tokens.accessToken && tokens.refreshToken);
    const error = await expectVeeamError(client.getSession('00000000-0000-4000-8000-000000000000'), 'notFound');
    sim.resetRequestCount();
    await client.logoff();
    assert.strictEqual(sim.requestCount({ api: 'vb365', method: 'POST', pathIncludes: 'logout' }), 1);
    assert.strictEqual(store.value, undefined);
    const text = `${log.text()}\n${error.message}\n${error.detail ?? ''}`;
    for (const secret of [tokens.accessToken, tokens.refreshToken, sim.credentials.vb365.password]) {
      assert.ok(!text.includes(secret), 'a secret leaked');
    }
    assert.ok(log.lines.some((l) => /^POST https:\/\/\S+\/v8\/token → 200 /.test(l.message)), log.text());
  });

  for (const version of ['v8', 'v5']) {
    it(`${version}: stops a Working restore session (${version === 'v8' ? 'POST …/Stop' : 'POST …/Action {"stop": null}'}); it is then Stopped`, async () => {
      const id = sim.addRunningSession('vb365', { name: `stop ${version}`, durationSeconds: 600 });
      const client = clients.create('vb365', { apiVersion: version });
      sim.resetRequestCount();
      await client.stopSession?.(id);
      assert.strictEqual(sim.requestCount({ api: 'vb365', method: 'POST', pathIncludes: version === 'v8' ? '/Stop' : '/Action' }), 1);
      const session = await client.getSession(id);
      assert.strictEqual(session.state, 'finished');
    });
  }
});
