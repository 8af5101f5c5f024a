import * as assert from 'assert';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { exchange, responseOf, sleep } from './simulatorTestClient';

interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  userName: string;
  '.issued': string;
  '.expires': string;
}

interface SessionJson {
  id: string;
  type: string;
  creationTime: string;
  endTime?: string | null;
  state: string;
  result?: string;
  name?: string;
  eTag?: number;
  _links: Record<string, { href: string }>;
}

interface PageJson<T> {
  offset: number;
  limit: number;
  setId: string;
  totalCount?: number;
  results: T[];
  _links: Record<string, { href: string } | undefined>;
}

describe('simulator: Microsoft 365 API', () => {
  let sim: RunningSimulator;
  let bearer: string;

  const call = async (path: string, options: { method?: string; body?: string; headers?: Record<string, string>; token?: string } = {}) =>
    responseOf(
      await exchange(sim.certificatePem, path.startsWith('https:') ? path : `${sim.vb365Url}${path}`, {
        method: options.method,
        body: options.body,
        headers: { Accept: 'application/json', Authorization: `Bearer ${options.token ?? bearer}`, ...options.headers },
      }),
    );
  const getJson = async <T>(path: string): Promise<T> => {
    const r = await call(path);
    assert.strictEqual(r.status, 200, r.body);
    return JSON.parse(r.body) as T;
  };
  const passwordGrant = async (password = sim.credentials.vb365.password, version = 8) => {
    const form = new URLSearchParams({ grant_type: 'password', username: sim.credentials.vb365.username, password, disable_antiforgery_token: 'true' });
    return responseOf(
      await exchange(sim.certificatePem, `${sim.vb365Url}/v${version}/token`, {
        method: 'POST',
        body: form.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      }),
    );
  };

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 11, vb365SessionCount: 75, sessionCount: 5, runningCount: 3, progressStepMs: 600_000 });
    bearer = (JSON.parse((await passwordGrant()).body) as TokenAnswer).access_token;
  });

  after(() => sim.stop());

  it('issues tokens for the password grant (form or JSON) and refuses bad credentials with invalid_grant', async () => {
    const form = await passwordGrant();
    assert.strictEqual(form.status, 200);
    const t = JSON.parse(form.body) as TokenAnswer;
    assert.strictEqual(t.token_type, 'bearer');
    assert.strictEqual(t.expires_in, 3600);
    assert.strictEqual(t.userName, sim.credentials.vb365.username);
    assert.ok(t.access_token.length >= 32 && t.refresh_token.length >= 32);
    assert.ok(!Number.isNaN(Date.parse(t['.expires'])));
    const json = responseOf(
      await exchange(sim.certificatePem, `${sim.vb365Url}/v6/Token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'password', username: sim.credentials.vb365.username, password: sim.credentials.vb365.password }),
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    assert.strictEqual(json.status, 200);
    const bad = await passwordGrant('wrong');
    assert.strictEqual(bad.status, 400);
    assert.strictEqual((JSON.parse(bad.body) as { error: string }).error, 'invalid_grant');
  });

  it('rotates refresh tokens: the new pair works, the old refresh token does not', async () => {
    const first = JSON.parse((await passwordGrant()).body) as TokenAnswer;
    const refresh = (rt: string) =>
      exchange(sim.certificatePem, `${sim.vb365Url}/v8/token`, { method: 'POST', body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(rt)}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const second = responseOf(await refresh(first.refresh_token));
    assert.strictEqual(second.status, 200);
    const pair = JSON.parse(second.body) as TokenAnswer;
    assert.notStrictEqual(pair.refresh_token, first.refresh_token);
    assert.strictEqual((await call('/v8/RestoreSessions?limit=1', { token: pair.access_token })).status, 200);
    const reused = responseOf(await refresh(first.refresh_token));
    assert.strictEqual(reused.status, 400);
    assert.strictEqual((JSON.parse(reused.body) as { error: string }).error, 'invalid_grant');
  });

  it('requires a bearer token (401 with RESTExceptionInfo) and honours expiry and logout', async () => {
    const none = responseOf(await exchange(sim.certificatePem, `${sim.vb365Url}/v8/RestoreSessions`));
    assert.strictEqual(none.status, 401);
    assert.deepStrictEqual(Object.keys(JSON.parse(none.body) as object), ['message', 'errorCode', 'stackTrace']);
    const t = JSON.parse((await passwordGrant()).body) as TokenAnswer;
    assert.strictEqual((await call('/v7/token/logout', { method: 'POST', token: t.access_token })).status, 204);
    assert.strictEqual((await call('/v8/RestoreSessions', { token: t.access_token })).status, 401);

    const short = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 3, vb365SessionCount: 3, runningCount: 0, tokenLifetimeSeconds: 1 });
    try {
      const grant = responseOf(
        await exchange(short.certificatePem, `${short.vb365Url}/v8/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username: short.credentials.vb365.username, password: short.credentials.vb365.password }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
      );
      const shortToken = (JSON.parse(grant.body) as TokenAnswer).access_token;
      const list = async (): Promise<number> => responseOf(await exchange(short.certificatePem, `${short.vb365Url}/v8/RestoreSessions`, { headers: { Authorization: `Bearer ${shortToken}` } })).status;
      assert.strictEqual(await list(), 200);
      await sleep(1100);
      assert.strictEqual(await list(), 401);
    } finally {
      await short.stop();
    }
  });

  it('shapes the list by version: v3 bare array, v6 page with totalCount, v8 page without it; hrefs absolute before v6', async () => {
    const v3 = await getJson<SessionJson[]>('/v3/RestoreSessions');
    assert.ok(Array.isArray(v3));
    assert.ok(v3.every((s) => s.type !== 'Vet'), 'no Teams sessions before v5');
    assert.ok(v3.every((s) => s._links.self.href.startsWith(`${sim.vb365Url}/v3/`)));
    const v5 = await getJson<PageJson<SessionJson>>('/v5/RestoreSessions');
    assert.ok(v5._links.self?.href.startsWith('https://'));
    const v6 = await getJson<PageJson<SessionJson>>('/v6/RestoreSessions');
    assert.strictEqual(v6.totalCount, 75);
    assert.strictEqual(v6.limit, 30);
    assert.ok(v6._links.self?.href.startsWith('/v6/'));
    const v8 = await getJson<PageJson<SessionJson>>('/v8/restoresessions');
    assert.strictEqual(v8.totalCount, undefined);
    assert.strictEqual(v8.results.length, 30);
    assert.ok(typeof v8.results[0].eTag === 'number');
    assert.ok(v8.results.every((s, i) => i === 0 || Date.parse(v8.results[i - 1].creationTime) >= Date.parse(s.creationTime)), 'newest first');
  });

  it('pages to the end through next links, without duplicates, and orders ascending on request', async () => {
    const ids: string[] = [];
    let page = await getJson<PageJson<SessionJson>>('/v8/RestoreSessions?limit=20&orderAsc=true');
    for (let guard = 0; guard < 20; guard++) {
      ids.push(...page.results.map((s) => s.id));
      const next = page._links.next;
      if (!next) break;
      assert.ok(page._links.self);
      page = await getJson<PageJson<SessionJson>>(next.href);
      assert.ok(page._links.prev && page._links.first);
    }
    assert.strictEqual(ids.length, 75);
    assert.strictEqual(new Set(ids).size, 75);
    const all = await getJson<PageJson<SessionJson>>('/v8/RestoreSessions?limit=10000&orderAsc=true');
    assert.deepStrictEqual(all.results.map((s) => s.id), ids);
    assert.strictEqual((await call('/v8/RestoreSessions?limit=10001')).status, 400);
  });

  it('filters by start time (v4+) and end time (v8)', async () => {
    const all = (await getJson<PageJson<SessionJson>>('/v8/RestoreSessions?limit=10000')).results;
    const times = all.map((s) => Date.parse(s.creationTime)).sort((a, b) => a - b);
    const cut = new Date(times[Math.floor(times.length / 2)]).toISOString();
    const from = await getJson<PageJson<SessionJson>>(`/v4/RestoreSessions?limit=10000&startTimeFrom=${encodeURIComponent(cut)}`);
    assert.strictEqual(from.results.length, all.filter((s) => s.type !== 'Vet' && Date.parse(s.creationTime) >= Date.parse(cut)).length);
    const ended = await getJson<PageJson<SessionJson>>(`/v8/RestoreSessions?limit=10000&endTimeTo=${encodeURIComponent(new Date().toISOString())}`);
    assert.strictEqual(ended.results.length, all.filter((s) => s.endTime).length);
    assert.strictEqual((await call('/v8/RestoreSessions?startTimeFrom=yesterday')).status, 400);
  });

  it('gives one session with version-specific fields and 404 bodies per version', async () => {
    const listed = (await getJson<PageJson<SessionJson>>('/v8/RestoreSessions?limit=1')).results[0];
    const v8 = await getJson<SessionJson & Record<string, unknown>>(`/v8/RestoreSessions/${listed.id}`);
    for (const key of ['name', 'organization', 'initiatedBy', 'details', 'scopeName', 'clientHost', 'reason', 'eTag']) assert.ok(key in v8, key);
    const v5 = await getJson<Record<string, unknown>>(`/v5/restoresessions/${listed.id.toUpperCase()}`);
    assert.ok(!('name' in v5) && !('eTag' in v5));
    const missing8 = await call('/v8/RestoreSessions/00000000-0000-4000-8000-000000000000');
    assert.strictEqual(missing8.status, 404);
    assert.deepStrictEqual(JSON.parse(missing8.body), { message: (JSON.parse(missing8.body) as { message: string }).message, errorCode: 'ResourceNotFound', stackTrace: null });
    const missing5 = await call('/v5/RestoreSessions/00000000-0000-4000-8000-000000000000');
    assert.deepStrictEqual(Object.keys(JSON.parse(missing5.body) as object), ['message']);
  });

  it('pages events in order, serves one event, and v8 statistics', async () => {
    const stopped = (await getJson<PageJson<SessionJson>>('/v8/RestoreSessions?limit=10000')).results.find((s) => s.state === 'Stopped');
    assert.ok(stopped);
    const events = await getJson<PageJson<{ id: string; order: number; title: string; status: string }>>(`/v8/RestoreSessions/${stopped.id}/Events?limit=2`);
    assert.strictEqual(events.results[0].order, 0);
    assert.strictEqual(events.results[0].title, 'Restore session started');
    assert.ok(events._links.next, 'a finished session has more than two events');
    const all = await getJson<PageJson<{ id: string; order: number; status: string }>>(`/v8/RestoreSessions/${stopped.id}/Events?limit=100`);
    assert.ok(all.results.every((e, i) => e.order === i));
    const one = await getJson<{ id: string }>(`/v8/RestoreSessions/${stopped.id}/Events/${all.results[1].id}`);
    assert.strictEqual(one.id, all.results[1].id);
    const stats = await getJson<{ totalItemsCount: number }>(`/v8/RestoreSessions/${stopped.id}/Statistics`);
    assert.strictEqual(stats.totalItemsCount, all.results.filter((_e, i) => i > 0 && i < all.results.length - 1).length);
    assert.strictEqual((await call(`/v7/RestoreSessions/${stopped.id}/Statistics`)).status, 404);
  });

  it('pages events by offset/limit in `order` (B.4.3), with totalCount in v6', async () => {
    const id = sim.addRunningSession('vb365');
    sim.microsoft365Events(id)?.append(40, 'Success');
    type EventPage = PageJson<{ id: string; order: number }>;
    const firstPage = await getJson<EventPage>(`/v8/RestoreSessions/${id}/Events`);
    assert.strictEqual(firstPage.results.length, 30, 'default limit 30');
    const window = await getJson<EventPage>(`/v6/RestoreSessions/${id}/Events?offset=17&limit=5`);
    assert.deepStrictEqual(window.results.map((e) => e.order), [17, 18, 19, 20, 21]);
    assert.strictEqual(window.totalCount, 41);
    const tail = await getJson<EventPage>(`/v8/RestoreSessions/${id}/Events?offset=39&limit=500`);
    assert.deepStrictEqual(tail.results.map((e) => e.order), [39, 40]);
    assert.strictEqual(tail._links.next, undefined, 'the last page has no next link');
  });

  it('grows a running session log with item records that run first and end later, in place', async function () {
    this.timeout(30_000);
    const fast = await startSimulator({ emPort: 0, vb365Port: 0, seed: 3, vb365SessionCount: 2, sessionCount: 2, runningCount: 0, progressStepMs: 10 });
    try {
      const form = new URLSearchParams({ grant_type: 'password', username: fast.credentials.vb365.username, password: fast.credentials.vb365.password, disable_antiforgery_token: 'true' });
      const token = (JSON.parse(responseOf(await exchange(fast.certificatePem, `${fast.vb365Url}/v8/token`, { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).body) as TokenAnswer).access_token;
      const id = fast.addRunningSession('vb365', { durationSeconds: 3, finalResult: 'Failed' });
      type Event = { id: string; order: number; status: string; endTime: string | null };
      const read = async (): Promise<{ state: string; events: Event[] }> => {
        const get = async (path: string) => JSON.parse(responseOf(await exchange(fast.certificatePem, `${fast.vb365Url}${path}`, { headers: { Authorization: `Bearer ${token}` } })).body) as unknown;
        const session = (await get(`/v8/RestoreSessions/${id}`)) as SessionJson;
        return { state: session.state, events: ((await get(`/v8/RestoreSessions/${id}/Events?limit=500`)) as PageJson<Event>).results };
      };
      // Waits for states of the simulated run, not for a time.
      let running: Event | undefined;
      let last = await read();
      while (!running && last.state === 'Working') {
        running = last.events.find((e) => e.status === 'Running');
        if (!running) last = await sleep(20).then(read);
      }
      assert.ok(running, 'a running record was seen while the session ran');
      assert.strictEqual(running.endTime, null);
      while (last.state === 'Working') last = await sleep(20).then(read);
      const ended = last.events.find((e) => e.id === running.id);
      assert.ok(ended);
      assert.strictEqual(ended.order, running.order);
      assert.notStrictEqual(ended.status, 'Running');
      assert.ok(ended.endTime);
      assert.ok(!last.events.some((e) => e.status === 'Running'), 'nothing runs in a stopped session');
      assert.ok(last.events.length > 2, 'the log grew');
      assert.ok(last.events.every((e, i) => e.order === i));
      assert.strictEqual(last.events.filter((e) => e.status === 'Failed').length >= 1, true, 'a failing run ends a record as Failed');
    } finally {
      await fast.stop();
    }
  });

  it('stops running sessions: /Action (v5, 200), /Stop (v6 200, v8 204), after which they are Stopped with an end time', async () => {
    const ids = [sim.addRunningSession('vb365'), sim.addRunningSession('vb365'), sim.addRunningSession('vb365')];
    const v5 = await call(`/v5/RestoreSessions/${ids[0]}/action`, { method: 'POST', body: '{"stop": null}', headers: { 'Content-Type': 'application/json' } });
    assert.strictEqual(v5.status, 200);
    assert.strictEqual((await call(`/v6/RestoreSessions/${ids[1]}/Stop`, { method: 'POST' })).status, 200);
    assert.strictEqual((await call(`/v8/RestoreSessions/${ids[2]}/stop`, { method: 'POST' })).status, 204);
    for (const id of ids) {
      const s = await getJson<SessionJson>(`/v8/RestoreSessions/${id}`);
      assert.strictEqual(s.state, 'Stopped');
      assert.ok(s.endTime && !Number.isNaN(Date.parse(s.endTime)));
    }
    assert.strictEqual((await call(`/v8/RestoreSessions/${ids[0]}/Action`, { method: 'POST', body: '{"stop":null}' })).status, 404, 'no /Action in v8');
  });

  it('answers ServiceInstance from v6 and 404 for unknown versions', async () => {
    const info = await getJson<{ installationId: string; version: string }>('/v6/ServiceInstance');
    assert.match(info.installationId, /^[0-9a-f-]{36}$/);
    assert.strictEqual((await call('/v5/ServiceInstance')).status, 404);
    assert.strictEqual((await call('/v9/RestoreSessions')).status, 404);
  });
});
