import * as assert from 'assert';
import { request as httpRequest } from 'node:http';
import { XMLValidator } from 'fast-xml-parser';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { basicAuth, exchange, responseOf, sleep } from './simulatorTestClient';

/** Plain HTTP to the loopback control endpoint. */
function control(url: string, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('simulator: faults, outages and lifecycle', () => {
  let sim: RunningSimulator;
  let emToken: string;
  let bearer: string;

  const em = (path: string, headers: Record<string, string> = {}) => exchange(sim.certificatePem, `${sim.emUrl}${path}`, { headers: { 'X-RestSvcSessionId': emToken, ...headers } });
  const vb = (path: string) => exchange(sim.certificatePem, `${sim.vb365Url}${path}`, { headers: { Authorization: `Bearer ${bearer}` } });
  const vbToken = () =>
    exchange(sim.certificatePem, `${sim.vb365Url}/v8/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: sim.credentials.vb365.username, password: sim.credentials.vb365.password }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 3, sessionCount: 12, vb365SessionCount: 12, runningCount: 1, progressStepMs: 600_000 });
    const logon = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basicAuth(sim.credentials.em.username, sim.credentials.em.password) } }));
    emToken = String(logon.headers['x-restsvcsessionid']);
    bearer = (JSON.parse(responseOf(await vbToken()).body) as { access_token: string }).access_token;
  });

  afterEach(() => sim.clearFaults());
  after(() => sim.stop());

  it('errorRate 1: a 500 with a Veeam Error body (EM, in the negotiated format) and RESTExceptionInfo (VB365)', async () => {
    sim.setFaults({ errorRate: 1 });
    const xml = responseOf(await em('/api/restoreSessions'));
    assert.strictEqual(xml.status, 500);
    assert.match(xml.body, /<Error [^>]*StatusCode="500"/);
    const json = responseOf(await em('/api/restoreSessions', { Accept: 'application/json' }));
    assert.strictEqual((JSON.parse(json.body) as { StatusCode: number }).StatusCode, 500);
    const m365 = responseOf(await vb('/v8/RestoreSessions'));
    assert.strictEqual(m365.status, 500);
    assert.ok('message' in (JSON.parse(m365.body) as object));
  });

  it('resetRate 1: the connection dies without a response', async () => {
    sim.setFaults({ resetRate: 1 });
    const r = await em('/api/restoreSessions');
    assert.strictEqual(r.kind, 'failure');
  });

  it('truncateRate 1: the full Content-Length is announced, half the body arrives, then the connection closes', async () => {
    sim.setFaults({ truncateRate: 1 });
    const r = await em('/api/restoreSessions');
    assert.strictEqual(r.kind, 'failure');
    if (r.kind !== 'failure') return;
    const announced = Number(r.headers?.['content-length']);
    assert.ok(announced > 0);
    assert.ok(r.partial.length < announced, `${r.partial.length} < ${announced}`);
  });

  it('malformedRate 1: EM XML no longer validates, JSON no longer parses', async () => {
    sim.setFaults({ malformedRate: 1 });
    const xml = responseOf(await em('/api/restoreSessions'));
    assert.strictEqual(xml.status, 200);
    assert.notStrictEqual(XMLValidator.validate(xml.body), true);
    const json = responseOf(await vb('/v8/RestoreSessions'));
    assert.throws(() => JSON.parse(json.body));
  });

  it('html502Rate and htmlOk200Rate: HTML pages instead of API bodies', async () => {
    sim.setFaults({ html502Rate: 1 });
    const bad = responseOf(await em('/api/restoreSessions'));
    assert.strictEqual(bad.status, 502);
    assert.match(String(bad.headers['content-type']), /text\/html/);
    sim.setFaults({ html502Rate: 0, htmlOk200Rate: 1 });
    const ok = responseOf(await vb('/v8/RestoreSessions'));
    assert.strictEqual(ok.status, 200);
    assert.match(ok.body, /^<!DOCTYPE html>/);
  });

  it('bom and camelCaseJson: EM bodies start with EF BB BF and JSON keys turn camelCase', async () => {
    sim.setFaults({ bom: true, camelCaseJson: true });
    const r = responseOf(await em('/api/restoreSessions?format=Entity', { Accept: 'application/json' }));
    assert.deepStrictEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const body = JSON.parse(r.raw.subarray(3).toString('utf8')) as { restoreSessions: Array<Record<string, unknown>> };
    const first = body.restoreSessions[0];
    for (const key of ['jobType', 'creationTimeUTC', 'uid', 'links', 'href', 'type']) assert.ok(key in first, key);
    const m365 = responseOf(await vb('/v8/RestoreSessions'));
    assert.notStrictEqual(m365.raw[0], 0xef, 'VB365 bodies carry no BOM');
  });

  it('throttleTokens: the VB365 token endpoint answers 429 with Retry-After: 1', async () => {
    sim.setFaults({ throttleTokens: true });
    const r = responseOf(await vbToken());
    assert.strictEqual(r.status, 429);
    assert.strictEqual(r.headers['retry-after'], '1');
  });

  it('latencyMs: the answer is held back at least that long', async () => {
    sim.setFaults({ latencyMs: 300 });
    const started = process.hrtime.bigint();
    responseOf(await em('/api/querySvc'));
    // A lower bound enforced by the server's own timer, not a speed claim.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 >= 290);
  });

  it('expireAllTokens: EM logon sessions and VB365 tokens answer 401 afterwards', async () => {
    const mine = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basicAuth(sim.credentials.em.username, sim.credentials.em.password) } }));
    const token = String(mine.headers['x-restsvcsessionid']);
    const t = JSON.parse(responseOf(await vbToken()).body) as { access_token: string; refresh_token: string };
    sim.expireAllTokens();
    assert.strictEqual(responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/querySvc`, { headers: { 'X-RestSvcSessionId': token } })).status, 401);
    assert.strictEqual(responseOf(await exchange(sim.certificatePem, `${sim.vb365Url}/v8/RestoreSessions`, { headers: { Authorization: `Bearer ${t.access_token}` } })).status, 401);
    const refresh = responseOf(
      await exchange(sim.certificatePem, `${sim.vb365Url}/v8/token`, { method: 'POST', body: `grant_type=refresh_token&refresh_token=${t.refresh_token}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    );
    assert.strictEqual(refresh.status, 400);
    // Restore the shared credentials of this suite.
    emToken = String(responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basicAuth(sim.credentials.em.username, sim.credentials.em.password) } })).headers['x-restsvcsessionid']);
    bearer = (JSON.parse(responseOf(await vbToken()).body) as { access_token: string }).access_token;
  });

  it('counts requests by API, method and path', async () => {
    sim.resetRequestCount();
    await em('/api/restoreSessions');
    await em('/api/querySvc');
    await vb('/v8/RestoreSessions');
    assert.strictEqual(sim.requestCount(), 3);
    assert.strictEqual(sim.requestCount({ api: 'em' }), 2);
    assert.strictEqual(sim.requestCount({ pathIncludes: 'restoresessions' }), 2);
    assert.strictEqual(sim.requestCount({ api: 'vb365', method: 'GET' }), 1);
  });

  it('goDown: connections are refused while down, the same URLs work again once it resolves', async () => {
    const back = sim.goDown(400);
    await sleep(50);
    const during = await em('/api/querySvc');
    assert.strictEqual(during.kind, 'failure');
    await back;
    assert.strictEqual(responseOf(await em('/api/querySvc')).status, 200);
    assert.strictEqual(responseOf(await vb('/v8/RestoreSessions')).status, 200);
  });

  it('control endpoint: faults, token expiry, outage, request counts and new running sessions', async () => {
    const set = await control(`${sim.controlUrl}/faults`, 'POST', JSON.stringify({ errorRate: 1 }));
    assert.strictEqual(set.status, 200);
    assert.strictEqual((JSON.parse((await control(`${sim.controlUrl}/faults`, 'GET')).body) as { errorRate: number }).errorRate, 1);
    assert.strictEqual(responseOf(await em('/api/querySvc')).status, 500);
    assert.strictEqual((await control(`${sim.controlUrl}/faults`, 'POST', JSON.stringify({ nonsense: 1 }))).status, 400);
    await control(`${sim.controlUrl}/faults`, 'DELETE');
    assert.strictEqual(responseOf(await em('/api/querySvc')).status, 200);

    const added = JSON.parse((await control(`${sim.controlUrl}/sessions?api=em&name=from-control`, 'POST')).body) as { id: string };
    const entity = responseOf(await em(`/api/restoreSessions/${added.id}?format=Entity`));
    assert.match(entity.body, /Name="from-control"/);
    const counts = JSON.parse((await control(`${sim.controlUrl}/requests`, 'GET')).body) as { em: number; vb365: number };
    assert.ok(counts.em > 0);

    assert.strictEqual((await control(`${sim.controlUrl}/down?ms=200`, 'POST')).status, 202);
    assert.strictEqual((await em('/api/querySvc')).kind, 'failure');
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      await sleep(50);
      const r = await em('/api/querySvc');
      status = r.kind === 'response' ? r.status : 0;
    }
    assert.strictEqual(status, 200, 'back after the outage');

    assert.strictEqual((await control(`${sim.controlUrl}/expire-tokens`, 'POST')).status, 204);
    assert.strictEqual(responseOf(await em('/api/querySvc')).status, 401);
  });

  it('running sessions progress: EM Progress rises to the requested result, VB365 gains events then stops', async () => {
    const fast = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 3, vb365SessionCount: 3, runningCount: 0, progressStepMs: 10 });
    try {
      const emId = fast.addRunningSession('em', { finalResult: 'Warning' });
      const vbId = fast.addRunningSession('vb365', { finalResult: 'Failed' });
      const logon = responseOf(await exchange(fast.certificatePem, `${fast.emUrl}/api/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basicAuth(fast.credentials.em.username, fast.credentials.em.password) } }));
      const token = String(logon.headers['x-restsvcsessionid']);
      const seen: Array<{ State: string; Progress: number | null; Result: string; EndTimeUTC: string | null }> = [];
      for (let i = 0; i < 400; i++) {
        const r = responseOf(await exchange(fast.certificatePem, `${fast.emUrl}/api/restoreSessions/${emId}?format=Entity`, { headers: { 'X-RestSvcSessionId': token, Accept: 'application/json' } }));
        const s = JSON.parse(r.body) as (typeof seen)[number];
        seen.push(s);
        if (s.State === 'Stopped') break;
        await sleep(10);
      }
      const last = seen[seen.length - 1];
      assert.strictEqual(last.State, 'Stopped');
      assert.strictEqual(last.Result, 'Warning');
      assert.ok(last.EndTimeUTC);
      assert.ok(seen.some((s) => s.State === 'Working' && s.Progress !== null && s.Progress > 0 && s.Progress < 100), 'observed a partial progress');
      const progress = seen.map((s) => s.Progress ?? 0);
      assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]), 'progress never goes back');
      assert.ok(seen.slice(0, -1).every((s) => s.Result === 'None' && s.EndTimeUTC === null));

      const grant = responseOf(
        await exchange(fast.certificatePem, `${fast.vb365Url}/v8/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username: fast.credentials.vb365.username, password: fast.credentials.vb365.password }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
      );
      const auth = { Authorization: `Bearer ${(JSON.parse(grant.body) as { access_token: string }).access_token}` };
      let state = 'Working';
      let result = '';
      for (let i = 0; i < 400 && state !== 'Stopped'; i++) {
        await sleep(10);
        const s = JSON.parse(responseOf(await exchange(fast.certificatePem, `${fast.vb365Url}/v8/RestoreSessions/${vbId}`, { headers: auth })).body) as { state: string; result: string };
        state = s.state;
        result = s.result;
      }
      assert.strictEqual(state, 'Stopped');
      assert.strictEqual(result, 'Failed');
      const events = JSON.parse(responseOf(await exchange(fast.certificatePem, `${fast.vb365Url}/v8/RestoreSessions/${vbId}/Events?limit=100`, { headers: auth })).body) as { results: Array<{ status: string }> };
      assert.ok(events.results.length >= 3);
      assert.ok(events.results.some((e) => e.status === 'Failed'));
    } finally {
      await fast.stop();
    }
  });

  it('stop() closes every listener and timer it started', async () => {
    const count = (): Map<string, number> => {
      const m = new Map<string, number>();
      for (const r of process.getActiveResourcesInfo()) m.set(r, (m.get(r) ?? 0) + 1);
      return m;
    };
    await sleep(1); // mocha arms its own timeout timer once the test has returned its promise
    const before = count();
    const temp = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 5, vb365SessionCount: 5, runningCount: 2, progressStepMs: 5 });
    responseOf(await exchange(temp.certificatePem, `${temp.emUrl}/api/`));
    temp.setFaults({ latencyMs: 60_000 });
    const pending = exchange(temp.certificatePem, `${temp.emUrl}/api/`); // held by the latency timer
    await sleep(30);
    assert.ok((count().get('TCPServerWrap') ?? 0) >= (before.get('TCPServerWrap') ?? 0) + 3, 'two API listeners and the control listener');
    await temp.stop();
    assert.strictEqual((await pending).kind, 'failure', 'the held request is cut, not left hanging');
    await sleep(20);
    const after = count();
    for (const kind of ['TCPServerWrap', 'TCPSocketWrap', 'Timeout']) {
      assert.ok((after.get(kind) ?? 0) <= (before.get(kind) ?? 0), `${kind}: ${after.get(kind) ?? 0} after vs ${before.get(kind) ?? 0} before`);
    }
  });
});
