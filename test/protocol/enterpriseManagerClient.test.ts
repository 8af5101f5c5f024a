import * as assert from 'assert';
import { CapturedLog, ClientFactory, MemoryTokenStore, expectVeeamError, isNewestFirst, startSimulator, type Simulator } from './simulatorFixture';

describe('Enterprise Manager client against the simulator', () => {
  let sim: Simulator;
  const clients = new ClientFactory(() => sim);

  before(async () => {
    // Sessions frozen (slow progression) so that lists read a moment apart can be compared.
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 7, sessionCount: 120, progressStepMs: 3_600_000 });
  });
  after(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    sim.clearFaults();
    await clients.disposeAll();
  });

  it('connects and names the REST API version', async () => {
    const client = clients.create('em');
    assert.match(await client.connect(), /^Enterprise Manager \(REST API v1_\d+\)$/);
  });

  it('lists through the query service, newest first, in disjoint pages', async () => {
    const client = clients.create('em');
    sim.resetRequestCount();
    const first = await client.listSessions({ page: 1, pageSize: 10 });
    const second = await client.listSessions({ page: 2, pageSize: 10 });
    assert.strictEqual(first.sessions.length, 10);
    assert.strictEqual(second.sessions.length, 10);
    assert.ok(first.hasMore);
    assert.ok(isNewestFirst([...first.sessions, ...second.sessions].map((s) => s.creationTime)));
    const ids = new Set(first.sessions.map((s) => s.id));
    assert.ok(second.sessions.every((s) => !ids.has(s.id)), 'pages overlap');
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/query', method: 'GET' }), 2);
  });

  it('reports the last page without hasMore', async () => {
    const client = clients.create('em');
    const total = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions.length;
    assert.ok(total > 100);
    const page = await client.listSessions({ page: 2, pageSize: 100 });
    assert.strictEqual(page.sessions.length, total - 100);
    assert.strictEqual(page.hasMore, false);
  });

  it('filters by state, result and type on the server exactly as the client-side filter would', async () => {
    const client = clients.create('em');
    const all = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions;
    const type = all[0].type;
    const filtered = await client.listSessions({ page: 1, pageSize: 1000, filter: { states: ['finished'], results: ['failed', 'warning'], types: [type] } });
    const expected = all.filter((s) => s.state === 'finished' && (s.result === 'failed' || s.result === 'warning') && s.type === type).map((s) => s.id);
    assert.ok(expected.length > 0, 'the seed should produce some matching sessions');
    assert.deepStrictEqual(filtered.sessions.map((s) => s.id), expected);
    const running = await client.listSessions({ page: 1, pageSize: 1000, filter: { states: ['running'] } });
    assert.deepStrictEqual(running.sessions.map((s) => s.id), all.filter((s) => s.state === 'running').map((s) => s.id));
  });

  it('filters names by substring, case-insensitively, and pages the matches', async () => {
    const client = clients.create('em');
    const all = (await client.listSessions({ page: 1, pageSize: 1000 })).sessions;
    const needle = all[3].name.split('@')[0].slice(0, 4);
    const expected = all.filter((s) => s.name.toLowerCase().includes(needle.toLowerCase())).map((s) => s.id);
    const page1 = await client.listSessions({ page: 1, pageSize: 2, filter: { text: needle.toUpperCase() } });
    assert.deepStrictEqual(page1.sessions.map((s) => s.id), expected.slice(0, 2));
    assert.strictEqual(page1.hasMore, expected.length > 2);
  });

  it('falls back to the plain collection where the query service is unavailable, with the same pages', async () => {
    const viaQuery = clients.create('em');
    const expected = await viaQuery.listSessions({ page: 2, pageSize: 25, filter: { states: ['finished'] } });
    sim.setFaults({ queryServiceUnavailable: true });
    const client = clients.create('em');
    sim.resetRequestCount();
    const page = await client.listSessions({ page: 2, pageSize: 25, filter: { states: ['finished'] } });
    assert.deepStrictEqual(page.sessions.map((s) => s.id), expected.sessions.map((s) => s.id));
    assert.strictEqual(page.hasMore, expected.hasMore);
    await client.listSessions({ page: 1, pageSize: 25 });
    // The query service is asked once; afterwards the client remembers it is missing.
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/query' }), 1);
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: '/api/restoreSessions' }), 2);
  });

  it('reads one session as XML by default and as JSON on request, body kept exactly', async () => {
    const client = clients.create('em');
    const [listed] = (await client.listSessions({ page: 1, pageSize: 1 })).sessions;
    const xml = await client.getSession(listed.id);
    assert.strictEqual(xml.raw?.format, 'xml');
    assert.match(xml.raw?.text ?? '', /<RestoreSession[\s>]/);
    assert.ok(xml.raw?.text.includes(listed.id));
    const json = await client.getSession(listed.id, { format: 'json' });
    assert.strictEqual(json.raw?.format, 'json');
    assert.ok(typeof JSON.parse(json.raw?.text ?? '') === 'object');
    for (const s of [xml, json]) {
      assert.strictEqual(s.id, listed.id);
      assert.strictEqual(s.name, listed.name);
      assert.strictEqual(s.state, listed.state);
      assert.strictEqual(s.creationTime, listed.creationTime);
    }
    assert.deepStrictEqual(await client.getEvents(listed.id), []);
  });

  it('keeps a BOM and reads camelCase JSON (EM 13 style)', async () => {
    const client = clients.create('em');
    const [listed] = (await client.listSessions({ page: 1, pageSize: 1 })).sessions;
    sim.setFaults({ bom: true, camelCaseJson: true });
    const page = await client.listSessions({ page: 1, pageSize: 3 });
    assert.strictEqual(page.sessions[0].id, listed.id);
    const json = await client.getSession(listed.id, { format: 'json' });
    assert.ok(json.raw?.text.startsWith('\uFEFF'), 'raw body lost its BOM');
    assert.strictEqual(json.name, listed.name);
  });

  it('answers notFound for an unknown id and invalidInput for a non-GUID, without a request', async () => {
    const client = clients.create('em');
    await client.connect();
    const error = await expectVeeamError(client.getSession('00000000-0000-4000-8000-000000000000'), 'notFound');
    assert.strictEqual(error.status, 404);
    sim.resetRequestCount();
    await expectVeeamError(client.getSession('../logonSessions'), 'invalidInput');
    assert.strictEqual(sim.requestCount({ api: 'em' }), 0);
  });

  it('follows server links, rewrites a foreign host onto the configured origin, and refuses others', async () => {
    const client = clients.create('em');
    const [listed] = (await client.listSessions({ page: 1, pageSize: 1 })).sessions;
    // List rows carry no links: they come with the session fetched on its own.
    const up = (await client.getSession(listed.id)).links.find((l) => l.rel === 'Up');
    assert.ok(up, 'a session links to its backup server');
    const raw = await client.getRaw(up.href, 'xml');
    assert.strictEqual(raw.format, 'xml');
    const foreign = new URL(up.href);
    foreign.host = 'em-other-name.invalid:9398';
    const rewritten = await client.getRaw(foreign.toString(), 'json');
    assert.strictEqual(rewritten.format, 'json');
    sim.resetRequestCount();
    await expectVeeamError(client.getRaw('https://attacker.invalid/steal', 'xml'), 'invalidInput');
    await expectVeeamError(client.getRaw(`${sim.emUrl}/other/path`, 'xml'), 'invalidInput');
    assert.strictEqual(sim.requestCount({ api: 'em' }), 0);
  });

  it('refuses a wrong password as authFailed and asks for no request without a password', async () => {
    const wrong = clients.create('em', { passwordOverride: 'not-the-password' });
    const error = await expectVeeamError(wrong.listSessions({ page: 1, pageSize: 5 }), 'authFailed');
    assert.ok(!error.message.includes('not-the-password'));
    sim.resetRequestCount();
    const none = clients.create('em', { passwordOverride: null });
    await expectVeeamError(none.connect(), 'authFailed');
    assert.strictEqual(sim.requestCount({ api: 'em', pathIncludes: 'sessionMngr' }), 0);
  });

  it('logs on once for concurrent requests and reuses a stored token after a restart', async () => {
    const store = new MemoryTokenStore();
    let asked = 0;
    const password = async (): Promise<string> => {
      asked++;
      return sim.credentials.em.password;
    };
    sim.resetRequestCount();
    const first = clients.create('em', { tokenStore: store, password });
    await Promise.all(Array.from({ length: 6 }, (_, i) => first.listSessions({ page: i + 1, pageSize: 5 })));
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'POST', pathIncludes: 'sessionMngr' }), 1);
    assert.ok(store.value, 'token persisted');
    const second = clients.create('em', { tokenStore: store, password });
    await second.connect();
    await second.listSessions({ page: 1, pageSize: 5 });
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'POST', pathIncludes: 'sessionMngr' }), 1, 'the restart logged on again');
    assert.strictEqual(asked, 1);
  });

  it('logs on again once when the session expired, and persists the new token', async () => {
    const store = new MemoryTokenStore();
    const client = clients.create('em', { tokenStore: store });
    await client.connect();
    const before = store.value;
    sim.expireAllTokens();
    sim.resetRequestCount();
    const page = await client.listSessions({ page: 1, pageSize: 5 });
    assert.strictEqual(page.sessions.length, 5);
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'POST', pathIncludes: 'sessionMngr' }), 1);
    assert.notStrictEqual(store.value, before);
  });

  it('logs off with DELETE, clears the stored token, and logs on again when used later', async () => {
    const store = new MemoryTokenStore();
    const client = clients.create('em', { tokenStore: store });
    await client.connect();
    sim.resetRequestCount();
    await client.logoff();
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'DELETE', pathIncludes: 'logonSessions' }), 1);
    assert.strictEqual(store.value, undefined);
    await client.listSessions({ page: 1, pageSize: 1 });
    assert.strictEqual(sim.requestCount({ api: 'em', method: 'POST', pathIncludes: 'sessionMngr' }), 1);
  });

  it('writes one line per request and never a secret', async () => {
    const log = new CapturedLog();
    const store = new MemoryTokenStore();
    const client = clients.create('em', { logger: log.logger, tokenStore: store });
    const [s] = (await client.listSessions({ page: 1, pageSize: 2 })).sessions;
    await client.getSession(s.id);
    await expectVeeamError(client.getSession('00000000-0000-4000-8000-000000000000'), 'notFound');
    sim.expireAllTokens();
    await client.listSessions({ page: 1, pageSize: 1 });
    const token = (JSON.parse(store.value ?? '{}') as { sessionToken?: string }).sessionToken;
    await client.logoff();
    assert.ok(token);
    assert.ok(log.lines.some((l) => /^GET https:\/\/\S+\/api\/query\?\S+ → 200 \(\d+ ms, [\d.]+ (B|KB|MB)\)$/.test(l.message)), log.text());
    assert.ok(log.lines.some((l) => / → 401 /.test(l.message)));
    const text = log.text();
    for (const secret of [sim.credentials.em.password, token, Buffer.from(`${sim.credentials.em.username}:${sim.credentials.em.password}`).toString('base64')]) {
      assert.ok(!text.includes(secret), 'a secret reached the log');
    }
  });
});
