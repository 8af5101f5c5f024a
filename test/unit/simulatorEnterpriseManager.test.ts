import * as assert from 'assert';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { basicAuth, child, children, exchange, parseXml, responseOf, sleep, text } from './simulatorTestClient';

/** Entity fields as the JSON list gives them, to compute expected query results independently of the query code. */
interface JsonSession {
  JobType: string;
  CreationTimeUTC: string;
  EndTimeUTC: string | null;
  State: string;
  Result: string;
  Progress: number | null;
  VmDisplayName: string;
  Name: string;
  UID: string;
  Links: Array<{ Rel: string; Href: string; Name?: string; Type?: string }>;
  Href: string;
  Type: string;
}

describe('simulator: Enterprise Manager API', () => {
  let sim: RunningSimulator;
  let token: string;
  let all: JsonSession[];

  const get = async (path: string, headers: Record<string, string> = {}) =>
    responseOf(await exchange(sim.certificatePem, path.startsWith('https:') ? path : `${sim.emUrl}${path}`, { headers: { 'X-RestSvcSessionId': token, ...headers } }));
  const getJson = async <T>(path: string): Promise<T> => {
    const r = await get(path, { Accept: 'application/json' });
    assert.strictEqual(r.status, 200, r.body);
    return JSON.parse(r.body) as T;
  };
  const logon = async (password = sim.credentials.em.password) =>
    responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/sessionMngr/?v=latest`, { method: 'POST', headers: { Authorization: basicAuth(sim.credentials.em.username, password) } }));

  before(async () => {
    // Slow ticks: the data must not move while a test compares two reads.
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 7, sessionCount: 90, runningCount: 3, progressStepMs: 600_000 });
    const r = await logon();
    token = String(r.headers['x-restsvcsessionid']);
    all = (await getJson<{ RestoreSessions: JsonSession[] }>('/api/restoreSessions?format=Entity')).RestoreSessions;
  });

  after(() => sim.stop());

  it('answers the entry point without credentials, listing v1_5..v1_7', async () => {
    const r = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/`));
    assert.strictEqual(r.status, 200);
    assert.match(r.body, /^<\?xml version="1.0" encoding="utf-8"\?>/);
    const em = child(parseXml(r.body), 'EnterpriseManager');
    assert.strictEqual(em.xmlns, 'http://www.veeam.com/ent/v1.0');
    assert.deepStrictEqual(children(child(em, 'SupportedVersions'), 'SupportedVersion').map((v) => v.Name), ['v1_5', 'v1_6', 'v1_7']);
  });

  it('logs on with Basic: 201, token = base64(SessionId), cookie, Location and a LogonSession with many links', async () => {
    const r = await logon();
    assert.strictEqual(r.status, 201);
    const session = child(parseXml(r.body), 'LogonSession');
    const sessionId = text(session, 'SessionId') ?? '';
    assert.match(sessionId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.strictEqual(r.headers['x-restsvcsessionid'], Buffer.from(sessionId).toString('base64'));
    assert.ok(String(r.headers['set-cookie']).includes(`X-RestSvcSessionId=${r.headers['x-restsvcsessionid']}`));
    assert.ok(String(r.headers.location).endsWith(`/api/logonSessions/${sessionId}`));
    const links = children(child(session, 'Links'), 'Link');
    assert.ok(links.filter((l) => l.Rel === 'Down').length >= 40);
    assert.ok(links.some((l) => l.Type === 'RestoreSessionReferenceList' && String(l.Href).endsWith('/api/restoreSessions')));
    assert.strictEqual(text(session, 'UserName'), sim.credentials.em.username);
  });

  it('refuses a wrong password with 401, WWW-Authenticate and an Error body', async () => {
    const r = await logon('not-the-password');
    assert.strictEqual(r.status, 401);
    assert.strictEqual(r.headers['www-authenticate'], 'Basic Realm=RestSvc');
    assert.strictEqual(child(parseXml(r.body), 'Error').StatusCode, '401');
    assert.ok(!r.body.includes('not-the-password'));
  });

  it('lists every session as references (XML) and entities (JSON) with the same names', async () => {
    const r = await get('/api/restoreSessions');
    const refs = children(child(parseXml(r.body), 'EntityReferences'), 'Ref');
    assert.strictEqual(refs.length, 90);
    assert.strictEqual(all.length, 90);
    assert.deepStrictEqual(new Set(refs.map((x) => x.Name)), new Set(all.map((s) => s.Name)));
    assert.ok(refs.every((x) => x.Type === 'RestoreSessionReference' && String(x.Href).startsWith(`${sim.emUrl}/api/restoreSessions/`)));
  });

  it('gives one session as reference and entity, in XML and JSON, with the documented order and nulls', async () => {
    const running = all.find((s) => s.State !== 'Stopped');
    assert.ok(running, 'a running session exists at start');
    const id = running.UID.split(':').pop() ?? '';
    const ref = child(parseXml((await get(`/api/restoreSessions/${id}`)).body), 'EntityRef');
    assert.strictEqual(ref.Name, running.Name);
    assert.deepStrictEqual(children(child(ref, 'Links'), 'Link').map((l) => l.Rel), ['Up', 'Alternate']);

    const xml = await get(`/api/restoreSessions/${id}?format=Entity`);
    const entity = child(parseXml(xml.body), 'RestoreSession');
    assert.strictEqual(entity.Name, running.Name);
    assert.strictEqual(text(entity, 'Result'), 'None');
    assert.strictEqual(text(entity, 'EndTimeUTC'), undefined, 'no EndTimeUTC while running');

    const json = await getJson<Record<string, unknown>>(`/api/restoreSessions/${id}?format=Entity`);
    const keys = Object.keys(json);
    assert.strictEqual(keys[0], 'JobType');
    assert.deepStrictEqual(keys.slice(-5), ['Name', 'UID', 'Links', 'Href', 'Type']);
    assert.strictEqual(json.EndTimeUTC, null);
    const refJson = await getJson<Record<string, unknown>>(`/api/restoreSessions/${id}`);
    assert.deepStrictEqual(Object.keys(refJson), ['Links', 'UID', 'Name', 'Href', 'Type']);
  });

  it('matches paths, parameter names and format values case-insensitively', async () => {
    const id = all[5].UID.split(':').pop() ?? '';
    const r = await get(`/API/RESTORESESSIONS/${id.toUpperCase()}?FORMAT=entity`);
    assert.strictEqual(r.status, 200);
    assert.strictEqual(child(parseXml(r.body), 'RestoreSession').Name, all[5].Name);
  });

  it('answers 404 for an unknown id and 405 for other methods, with Error bodies in the negotiated format', async () => {
    const missing = await get('/api/restoreSessions/00000000-0000-4000-8000-000000000000', { Accept: 'application/json' });
    assert.strictEqual(missing.status, 404);
    const error = JSON.parse(missing.body) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(error), ['FirstChanceExceptionMessage', 'Message', 'StackTrace', 'Status', 'StatusCode']);
    assert.strictEqual(error.StatusCode, 404);
    const id = all[0].UID.split(':').pop() ?? '';
    const del = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/restoreSessions/${id}`, { method: 'DELETE', headers: { 'X-RestSvcSessionId': token } }));
    assert.strictEqual(del.status, 405);
    assert.strictEqual(child(parseXml(del.body), 'Error').StatusCode, '405');
  });

  it('takes the session from header or cookie, the cookie winning; logoff makes the token invalid', async () => {
    const fresh = String((await logon()).headers['x-restsvcsessionid']);
    const viaCookie = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/querySvc`, { headers: { Cookie: `X-RestSvcSessionId=${fresh}`, 'X-RestSvcSessionId': 'bogus' } }));
    assert.strictEqual(viaCookie.status, 200);
    const badCookie = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/querySvc`, { headers: { Cookie: 'X-RestSvcSessionId=bogus', 'X-RestSvcSessionId': fresh } }));
    assert.strictEqual(badCookie.status, 401);
    const sessionId = Buffer.from(fresh, 'base64').toString('utf8');
    const off = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/logonSessions/${sessionId}`, { method: 'DELETE', headers: { 'X-RestSvcSessionId': fresh } }));
    assert.strictEqual(off.status, 204);
    assert.strictEqual(off.body, '');
    const after = responseOf(await exchange(sim.certificatePem, `${sim.emUrl}/api/querySvc`, { headers: { 'X-RestSvcSessionId': fresh } }));
    assert.strictEqual(after.status, 401);
    assert.strictEqual(child(parseXml(after.body), 'Error').StatusCode, '401');
  });

  it('filters with OR, parentheses and AND, comparing enums by declaration order', async () => {
    const filter = '(Result==Failed,Result==Warning);Type==FileLevelRestore';
    const r = await getJson<{ Refs: Array<{ UID: string }> }>(`/api/query?type=RestoreSession&pageSize=1000&filter=${encodeURIComponent(filter)}`);
    const expected = all.filter((s) => (s.Result === 'Failed' || s.Result === 'Warning') && s.JobType === 'FileLevelRestore').map((s) => s.UID);
    assert.ok(expected.length > 0, 'the seed yields failed or warning FLR sessions');
    assert.deepStrictEqual(new Set(r.Refs.map((x) => x.UID)), new Set(expected));

    const worse = await getJson<{ Refs: Array<{ UID: string }> }>(`/api/query?type=restoresession&pageSize=1000&filter=${encodeURIComponent('result>success')}`);
    assert.deepStrictEqual(new Set(worse.Refs.map((x) => x.UID)), new Set(all.filter((s) => s.Result === 'Warning' || s.Result === 'Failed').map((s) => s.UID)));
  });

  it('filters by a quoted name with a doubled quote, and by date', async () => {
    const id = sim.addRunningSession('em', { name: 'say "hi" @ 2026' });
    const quoted = await getJson<{ Refs: Array<{ UID: string }> }>(`/api/query?type=RestoreSession&filter=${encodeURIComponent('Name=="say ""hi"" @ 2026"')}`);
    assert.deepStrictEqual(quoted.Refs.map((x) => x.UID), [`urn:veeam:RestoreSession:${id}`]);

    const times = all.map((s) => Date.parse(s.CreationTimeUTC)).sort((a, b) => a - b);
    const cut = new Date(times[Math.floor(times.length / 2)]).toISOString();
    const recent = await getJson<{ Refs: Array<{ UID: string }> }>(`/api/query?type=RestoreSession&pageSize=1000&filter=${encodeURIComponent(`CreationTime>="${cut}";Name!="say ""hi"" @ 2026"`)}`);
    assert.strictEqual(recent.Refs.length, all.filter((s) => Date.parse(s.CreationTimeUTC) >= Date.parse(cut)).length);
  });

  it('sorts, pages with PagingInfo links (&amp;-escaped, filter percent-encoded) and follows Next to the end', async () => {
    const filter = 'State==Stopped';
    const first = await get(`/api/query?type=RestoreSession&format=Entities&filter=${encodeURIComponent(filter)}&sortDesc=creationtime&pageSize=7`);
    assert.ok(first.body.includes('&amp;page=2'), 'paging hrefs escape & as &amp;');
    assert.ok(first.body.includes('filter=State%3D%3DStopped'), 'filter is percent-encoded in hrefs');
    const stopped = all.filter((s) => s.State === 'Stopped');
    const seen: string[] = [];
    let doc = parseXml(first.body);
    for (let guard = 0; guard < 50; guard++) {
      const paging = child(doc, 'QueryResult', 'PagingInfo');
      assert.strictEqual(paging.PagesCount, String(Math.ceil(stopped.length / 7)));
      const items = children(child(doc, 'QueryResult', 'Entities', 'RestoreSessions'), 'RestoreSession');
      seen.push(...items.map((x) => String(x.UID)));
      const links = children(child(paging, 'Links'), 'Link');
      assert.deepStrictEqual([links[0].Rel, links[links.length - 1].Rel], ['First', 'Last']);
      const next = links.find((l) => l.Rel === 'Next');
      if (!next) break;
      assert.ok(links.some((l) => l.Rel === 'Previous') === (paging.PageNum !== '1'));
      doc = parseXml((await get(String(next.Href))).body);
    }
    assert.strictEqual(seen.length, stopped.length);
    const expectedOrder = stopped.slice().sort((a, b) => Date.parse(b.CreationTimeUTC) - Date.parse(a.CreationTimeUTC)).map((s) => s.UID);
    assert.deepStrictEqual(seen, expectedOrder);
  });

  it('answers an empty result with an empty container and First/Last only; a bad filter with 400', async () => {
    const empty = await getJson<{ Refs: unknown[]; PagingInfo: { PageNum: number; PagesCount: number; Links: Array<{ Rel: string }> } }>(
      `/api/query?type=RestoreSession&filter=${encodeURIComponent('Name=="no such session"')}`,
    );
    assert.deepStrictEqual(empty.Refs, []);
    assert.strictEqual(empty.PagingInfo.PagesCount, 1);
    assert.deepStrictEqual(empty.PagingInfo.Links.map((l) => l.Rel), ['First', 'Last']);
    for (const bad of ['State==', 'Colour==Red', 'Result==Great', '(State==Working']) {
      const r = await get(`/api/query?type=RestoreSession&filter=${encodeURIComponent(bad)}`);
      assert.strictEqual(r.status, 400, bad);
      assert.strictEqual(child(parseXml(r.body), 'Error').StatusCode, '400');
    }
    assert.strictEqual((await get('/api/query?type=Nonsense')).status, 400);
  });

  it('serves the related backup server and VM restore point, the point telling the platform', async () => {
    const withPoint = all.find((s) => s.Links.some((l) => l.Rel === 'Related'));
    assert.ok(withPoint);
    const up = withPoint.Links.find((l) => l.Rel === 'Up');
    const related = withPoint.Links.find((l) => l.Rel === 'Related');
    const server = child(parseXml((await get(`${up?.Href}?format=Entity`)).body), 'BackupServer');
    assert.strictEqual(server.Name, up?.Name);
    assert.strictEqual(text(server, 'Port'), '9392');
    const point = child(parseXml((await get(`${related?.Href}?format=Entity`)).body), 'VmRestorePoint');
    assert.match(text(point, 'HierarchyObjRef') ?? '', /^urn:(VMware|HyperV|vCloud):Vm:/);
    const svc = child(parseXml((await get('/api/querySvc')).body), 'QuerySvc');
    assert.strictEqual(svc.Type, 'QueryService');
  });

  it('varies fractional-second precision and covers every result, job type and platform', () => {
    const digits = new Set(all.map((s) => /\.(\d+)Z$/.exec(s.CreationTimeUTC)?.[1].length ?? 0));
    assert.ok(digits.size >= 4, `precisions seen: ${[...digits].join(',')}`);
    assert.deepStrictEqual(new Set(all.filter((s) => s.State === 'Stopped').map((s) => s.Result)), new Set(['Success', 'Warning', 'Failed']));
    assert.deepStrictEqual(new Set(all.map((s) => s.JobType)), new Set(['RestoreVm', 'FileLevelRestore']));
    assert.ok(all.some((s) => s.Name.startsWith('FLR_[')));
  });

  it('expires an idle logon session', async () => {
    const short = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 3, runningCount: 0, emIdleTimeoutSeconds: 0.2 });
    try {
      const r = responseOf(await exchange(short.certificatePem, `${short.emUrl}/api/sessionMngr/?v=v1_6`, { method: 'POST', headers: { Authorization: basicAuth(short.credentials.em.username, short.credentials.em.password) } }));
      const t = String(r.headers['x-restsvcsessionid']);
      const call = async (): Promise<number> => responseOf(await exchange(short.certificatePem, `${short.emUrl}/api/restoreSessions`, { headers: { 'X-RestSvcSessionId': t } })).status;
      assert.strictEqual(await call(), 200);
      await sleep(400);
      assert.strictEqual(await call(), 401);
    } finally {
      await short.stop();
    }
  });
});

