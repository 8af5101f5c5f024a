import * as assert from 'assert';
import { request as httpRequest } from 'node:http';
import { RESTORE_ADJACENT_TYPES, RESTORE_TYPES } from '../simulator/backupReplicationSessionTypes';
import { startSimulator, type RunningSimulator } from '../simulator/simulator';
import { exchange, responseOf } from './simulatorTestClient';

interface TokenAnswer {
  access_token: string;
  token_type: string;
  refresh_token: string;
  expires_in: number;
  '.issued': string;
  '.expires': string;
}

interface VbrError {
  errorCode: string;
  message: string;
  resourceId?: string;
}

interface SessionJson {
  sessionType: string;
  state: string;
  id: string;
  name: string;
  jobId?: string;
  activityId?: string;
  creationTime: string;
  endTime?: string | null;
  progressPercent: number;
  result: { result: string; message: string; isCanceled: boolean } | null;
  platformName?: string | null;
  initiatedBy?: string;
  progress?: Record<string, unknown>;
  [key: string]: unknown;
}

interface Envelope<T> {
  data: T[];
  pagination: { total: number; count: number; skip: number | null; limit: number | null };
}

interface LogRecord {
  id: number;
  status: string;
  startTime: string;
  updateTime: string;
  title: string;
  additionalInfo: unknown;
}

interface LogResult {
  totalRecords: number;
  records: LogRecord[];
}

/** Plain HTTP to the loopback control endpoint. */
function control(url: string, method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits for a condition by polling the server; fails after `timeoutMs` (never sleeps a fixed time and hopes). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('simulator: Backup & Replication API', () => {
  let sim: RunningSimulator;
  let bearer: string;

  const call = async (sim0: RunningSimulator, path: string, options: { method?: string; body?: string; revision?: string | null; token?: string | null; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const revision = options.revision === undefined ? '1.3-rev2' : options.revision;
    if (revision !== null) headers['x-api-version'] = revision;
    const token = options.token === undefined ? bearer : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    return responseOf(await exchange(sim0.certificatePem, `${sim0.vbrUrl}${path}`, { method: options.method, body: options.body, headers }));
  };
  const api = (path: string, options: Parameters<typeof call>[2] = {}) => call(sim, path, options);
  const getJson = async <T>(path: string, revision = '1.3-rev2'): Promise<T> => {
    const r = await api(path, { revision });
    assert.strictEqual(r.status, 200, r.body);
    return JSON.parse(r.body) as T;
  };
  const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, token: null });
  const passwordGrant = (sim0: RunningSimulator, password = sim0.credentials.vbr.password, revision = '1.3-rev2') =>
    call(sim0, '/api/oauth2/token', { ...form({ grant_type: 'password', username: sim0.credentials.vbr.username, password }), revision });
  const allSessions = async (revision = '1.3-rev2'): Promise<SessionJson[]> => {
    const out: SessionJson[] = [];
    for (let skip = 0; ; ) {
      const page = await getJson<Envelope<SessionJson>>(`/api/v1/sessions?skip=${skip}&limit=1000`, revision);
      out.push(...page.data);
      skip += page.data.length;
      if (page.data.length === 0 || skip >= page.pagination.total) return out;
    }
  };

  before(async () => {
    sim = await startSimulator({ emPort: 0, vb365Port: 0, seed: 5, sessionCount: 3, vb365SessionCount: 3, vbrSessionCount: 2000, runningCount: 2, progressStepMs: 600_000 });
    bearer = (JSON.parse((await passwordGrant(sim)).body) as TokenAnswer).access_token;
  });

  afterEach(() => sim.clearFaults());
  after(() => sim.stop());

  it('listens on its own port when the other two ask for free ports, and names itself in the connection details', () => {
    assert.match(sim.vbrUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.notStrictEqual(sim.vbrUrl, sim.emUrl);
    assert.notStrictEqual(sim.vbrUrl, sim.vb365Url);
    assert.notStrictEqual(new URL(sim.vbrUrl).port, '9419');
    assert.strictEqual(typeof sim.openConnections().vbr, 'number');
  });

  it('refuses a too-new, unknown or missing x-api-version with 400 NotImplemented, on every route including the token call', async () => {
    for (const revision of ['1.4-rev0', '1.3-REV2', 'v1.3-rev2', null]) {
      for (const r of [await api('/api/v1/sessions', { revision }), await call(sim, '/api/oauth2/token', { ...form({ grant_type: 'password', username: 'x', password: 'y' }), revision })]) {
        assert.strictEqual(r.status, 400, `${revision}: ${r.body}`);
        assert.deepStrictEqual(JSON.parse(r.body), { errorCode: 'NotImplemented', message: 'The specified API version is not supported.' });
      }
    }
    sim.setFaults({ vbrListSupportedRevisions: true });
    const listed = await api('/api/v1/sessions', { revision: '1.4-rev0' });
    assert.strictEqual(listed.status, 400);
    assert.deepStrictEqual(JSON.parse(listed.body), {
      errorCode: 'NotImplemented',
      message: 'Unsupported RESTAPI version. The following versions are supported: v1.1-rev0, v1.1-rev1, v1.1-rev2, v1.2-rev0, v1.2-rev1, v1.3-rev0, v1.3-rev1, v1.3-rev2.',
    });
    // 1.0 revisions are "Unsupported" in the 1.3-rev2 document; every later one still answers.
    assert.strictEqual((await api('/api/v1/sessions?limit=1', { revision: '1.0-rev2' })).status, 400);
    for (const revision of ['1.1-rev0', '1.1-rev2', '1.2-rev1', '1.3-rev0', '1.3-rev1']) assert.strictEqual((await api('/api/v1/sessions?limit=1', { revision })).status, 200, revision);
  });

  it('a server of an older revision refuses newer ones and lists what it answers', async () => {
    const old = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 1, vb365SessionCount: 1, vbrSessionCount: 50, runningCount: 0, vbrRevision: '1.1-rev0', faults: { vbrListSupportedRevisions: true } });
    try {
      const refused = await call(old, '/api/oauth2/token', { ...form({ grant_type: 'password', username: old.credentials.vbr.username, password: old.credentials.vbr.password }), revision: '1.2-rev1' });
      assert.strictEqual(refused.status, 400);
      assert.strictEqual((JSON.parse(refused.body) as VbrError).message, 'Unsupported RESTAPI version. The following versions are supported: v1.0-rev1, v1.0-rev2, v1.1-rev0.');
      const token = (JSON.parse((await passwordGrant(old, undefined, '1.0-rev1')).body) as TokenAnswer).access_token;
      const list = await call(old, '/api/v1/sessions', { revision: '1.1-rev0', token });
      assert.strictEqual(list.status, 200);
      const page = JSON.parse(list.body) as Envelope<SessionJson>;
      assert.strictEqual(page.pagination.total, 50, 'a 1.1-rev0 server only has 1.1-rev0 session types');
    } finally {
      await old.stop();
    }
  });

  it('issues bearer tokens, spends a refresh token on first use, and logout kills both tokens', async () => {
    const first = await passwordGrant(sim);
    assert.strictEqual(first.status, 200);
    const t = JSON.parse(first.body) as TokenAnswer;
    assert.deepStrictEqual(Object.keys(t), ['access_token', 'token_type', 'refresh_token', 'expires_in', '.issued', '.expires']);
    assert.strictEqual(t.token_type, 'bearer');
    assert.strictEqual(t.expires_in, 900);
    assert.match(t['.issued'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.strictEqual(Date.parse(t['.expires']) - Date.parse(t['.issued']), 900_000);
    assert.strictEqual(t.access_token.split('.').length, 3, 'JWT-shaped');

    const refresh = (rt: string) => call(sim, '/api/oauth2/token', form({ grant_type: 'refresh_token', refresh_token: rt }));
    const second = await refresh(t.refresh_token);
    assert.strictEqual(second.status, 200);
    const pair = JSON.parse(second.body) as TokenAnswer;
    assert.notStrictEqual(pair.refresh_token, t.refresh_token);
    const reused = await refresh(t.refresh_token);
    assert.strictEqual(reused.status, 401, 'a refresh token works once');
    assert.strictEqual((JSON.parse(reused.body) as VbrError).errorCode, 'InvalidToken');

    assert.strictEqual((await api('/api/v1/sessions?limit=1', { token: pair.access_token })).status, 200);
    const logout = await api('/api/oauth2/logout', { method: 'POST', token: pair.access_token });
    assert.strictEqual(logout.status, 200);
    assert.strictEqual(logout.body, '{}');
    assert.strictEqual((await api('/api/v1/sessions?limit=1', { token: pair.access_token })).status, 401);
    assert.strictEqual((await refresh(pair.refresh_token)).status, 401, 'logout also kills the refresh token');
    assert.ok(sim.issuedSecrets().vbr.accessTokens.includes(pair.access_token));
    assert.ok(sim.issuedSecrets().vbr.refreshTokens.includes(pair.refresh_token));
  });

  it('answers 401 AccessDenied without or with a bad token, 401 for a wrong password, ExpiredToken once expired', async () => {
    const none = await api('/api/v1/sessions', { token: null });
    assert.strictEqual(none.status, 401);
    assert.deepStrictEqual(JSON.parse(none.body), { errorCode: 'AccessDenied', message: 'Unauthorized. Get bearer JWT token at /api/login' });
    assert.strictEqual((await api('/api/v1/sessions', { token: 'not-a-token' })).status, 401);
    const wrong = await passwordGrant(sim, 'wrong');
    assert.strictEqual(wrong.status, 401);
    assert.strictEqual((JSON.parse(wrong.body) as VbrError).errorCode, 'AccessDenied');

    const short = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 1, vb365SessionCount: 1, vbrSessionCount: 5, runningCount: 0, vbrTokenLifetimeSeconds: 1 });
    try {
      const t = JSON.parse((await passwordGrant(short)).body) as TokenAnswer;
      assert.strictEqual(t.expires_in, 1);
      assert.strictEqual((await call(short, '/api/v1/sessions', { token: t.access_token })).status, 200);
      const expired = await eventually('the token to expire', async () => {
        const r = await call(short, '/api/v1/sessions', { token: t.access_token });
        return r.status === 401 ? r : undefined;
      });
      assert.deepStrictEqual((JSON.parse(expired.body) as VbrError).errorCode, 'ExpiredToken');
      const fresh = JSON.parse((await passwordGrant(short)).body) as TokenAnswer;
      short.expireAllTokens();
      assert.strictEqual((await call(short, '/api/v1/sessions', { token: fresh.access_token })).status, 401);
    } finally {
      await short.stop();
    }
  });

  it('pages with skip/limit (default 200 from 1.3-rev0, 100 before), without duplicates, over every visible session', async () => {
    const first = await getJson<Envelope<SessionJson>>('/api/v1/sessions');
    assert.deepStrictEqual(Object.keys(first), ['data', 'pagination']);
    assert.strictEqual(first.pagination.limit, 200);
    assert.strictEqual(first.data.length, 200);
    assert.strictEqual(first.pagination.total, 2000);
    assert.strictEqual((await getJson<Envelope<SessionJson>>('/api/v1/sessions', '1.2-rev1')).pagination.limit, 100);
    const all = await allSessions();
    assert.strictEqual(all.length, 2000);
    assert.strictEqual(new Set(all.map((s) => s.id)).size, 2000);
    const capped = await getJson<Envelope<SessionJson>>('/api/v1/sessions?limit=5000');
    assert.strictEqual(capped.data.length, 1000, 'pages above the simulator maximum are cut');
    assert.strictEqual(capped.pagination.count, 1000);
    const tail = await getJson<Envelope<SessionJson>>('/api/v1/sessions?skip=1995&limit=10');
    assert.strictEqual(tail.data.length, 5);
    for (const bad of ['skip=-1', 'limit=0', 'limit=ten', 'skip=1.5']) {
      const r = await api(`/api/v1/sessions?${bad}`);
      assert.strictEqual(r.status, 400, bad);
      assert.strictEqual((JSON.parse(r.body) as VbrError).errorCode, 'UnexpectedContent');
    }
  });

  it('has no time order without orderColumn, orders on request (case-sensitive names, InitiatedBy from 1.3-rev0)', async () => {
    const unordered = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?limit=50')).data.map((s) => Date.parse(s.creationTime));
    const descending = unordered.every((t, i) => i === 0 || unordered[i - 1] >= t);
    const ascending = unordered.every((t, i) => i === 0 || unordered[i - 1] <= t);
    assert.ok(!descending && !ascending, 'the default order must not be by time');
    const again = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?limit=50')).data.map((s) => Date.parse(s.creationTime));
    assert.deepStrictEqual(again, unordered, 'but it is stable');

    const newest = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?orderColumn=CreationTime&orderAsc=false&limit=300')).data.map((s) => Date.parse(s.creationTime));
    assert.ok(newest.every((t, i) => i === 0 || newest[i - 1] >= t), 'newest first');
    const oldest = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?orderColumn=CreationTime&limit=300')).data.map((s) => Date.parse(s.creationTime));
    assert.ok(oldest.every((t, i) => i === 0 || oldest[i - 1] <= t), 'ascending when orderAsc is absent');
    const names = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?orderColumn=Name&orderAsc=true&limit=300')).data.map((s) => s.name.toLowerCase());
    assert.deepStrictEqual(names, [...names].sort());

    // A parameter name in the wrong case is a different (unknown) parameter: ignored, so no order.
    const wrongCase = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?OrderColumn=CreationTime&limit=50')).data.map((s) => Date.parse(s.creationTime));
    assert.deepStrictEqual(wrongCase, unordered);
    for (const bad of ['orderColumn=creationTime', 'orderColumn=StartTime', 'orderAsc=yes']) assert.strictEqual((await api(`/api/v1/sessions?${bad}`)).status, 400, bad);
    assert.strictEqual((await api('/api/v1/sessions?orderColumn=InitiatedBy', { revision: '1.3-rev0' })).status, 200);
    assert.strictEqual((await api('/api/v1/sessions?orderColumn=InitiatedBy', { revision: '1.2-rev1' })).status, 400);
  });

  it('filters by type and result (repeated keys only from 1.3-rev0; an older server takes the first), state, times, job and name', async () => {
    const all = await allSessions();
    const count = (pred: (s: SessionJson) => boolean): number => all.filter(pred).length;
    const total = async (query: string, revision = '1.3-rev2'): Promise<number> => (await getJson<Envelope<SessionJson>>(`/api/v1/sessions?limit=1&${query}`, revision)).pagination.total;

    assert.strictEqual(await total('typeFilter=RestoreVm'), count((s) => s.sessionType === 'RestoreVm'));
    assert.strictEqual(await total('typeFilter=RestoreVm&typeFilter=InstantRecovery'), count((s) => s.sessionType === 'RestoreVm' || s.sessionType === 'InstantRecovery'));
    const olderAll = await allSessions('1.2-rev1');
    assert.strictEqual(await total('typeFilter=RestoreVm&typeFilter=InstantRecovery', '1.2-rev1'), olderAll.filter((s) => s.sessionType === 'RestoreVm').length, 'before 1.3-rev0 only the first value counts');
    assert.strictEqual(await total('resultFilter=Failed&resultFilter=Warning'), count((s) => s.result?.result === 'Failed' || s.result?.result === 'Warning'));
    assert.strictEqual(await total('stateFilter=Working'), count((s) => s.state === 'Working'));
    assert.ok((await total('stateFilter=Working')) > 0);
    for (const bad of ['typeFilter=Restore', 'typeFilter=RestoreVm,InstantRecovery', 'typeFilter=restorevm', 'resultFilter=Cancelled', 'stateFilter=Running', 'jobIdFilter=42', 'createdAfterFilter=yesterday']) {
      const r = await api(`/api/v1/sessions?${bad}`);
      assert.strictEqual(r.status, 400, bad);
      assert.strictEqual((JSON.parse(r.body) as VbrError).errorCode, 'UnexpectedContent', bad);
    }
    // Values from a newer enum are not values of an older one.
    assert.strictEqual((await api('/api/v1/sessions?typeFilter=BackupCopyJob', { revision: '1.3-rev0' })).status, 400);
    assert.strictEqual((await api('/api/v1/sessions?typeFilter=Job', { revision: '1.3-rev0' })).status, 400);
    assert.strictEqual((await api('/api/v1/sessions?typeFilter=Job', { revision: '1.1-rev0' })).status, 200);

    const times = all.map((s) => Date.parse(s.creationTime)).sort((a, b) => a - b);
    const cut = new Date(times[1000]).toISOString();
    assert.strictEqual(await total(`createdAfterFilter=${encodeURIComponent(cut)}`), count((s) => Date.parse(s.creationTime) > Date.parse(cut)));
    assert.strictEqual(await total(`endedBeforeFilter=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`), count((s) => typeof s.endTime === 'string'));
    const job = all.find((s) => s.sessionType === 'BackupJob')!;
    assert.strictEqual(await total(`jobIdFilter=${job.jobId!.toUpperCase()}`), count((s) => s.jobId === job.jobId));
    assert.strictEqual(await total('nameFilter=*frontend*'), count((s) => /frontend/i.test(s.name)));
    assert.ok((await total('nameFilter=*frontend*')) > 0);
    assert.strictEqual(await total('nameFilter=frontend'), 0, 'without a wildcard the whole value must match');
  });

  it('shapes sessions by the requested revision: activityId/Job/nulls (1.1-rev0), jobId and nulls (1.2-rev1), omitted absent fields (1.3-rev1), progress (1.3-rev2)', async () => {
    const running = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?stateFilter=Working&typeFilter=RestoreVm&typeFilter=InstantRecovery&typeFilter=FileLevelRestore')).data[0];
    assert.ok(running, 'a running restore');
    const v11 = await getJson<SessionJson>(`/api/v1/sessions/${running.id}`, '1.1-rev0');
    assert.ok('activityId' in v11 && !('jobId' in v11) && !('platformName' in v11) && !('initiatedBy' in v11));
    assert.strictEqual(v11.endTime, null);
    assert.strictEqual(v11.result, null, 'a running session has result null in 1.1-rev0');
    const v12 = await getJson<SessionJson>(`/api/v1/sessions/${running.id}`, '1.2-rev1');
    assert.ok('jobId' in v12 && !('activityId' in v12) && 'platformName' in v12);
    assert.strictEqual(v12.endTime, null);
    assert.strictEqual(v12.parentSessionId, null);
    const v130 = await getJson<SessionJson>(`/api/v1/sessions/${running.id}`, '1.3-rev0');
    assert.deepStrictEqual(v130.result, { result: 'None', message: '', isCanceled: false });
    assert.strictEqual(typeof v130.initiatedBy, 'string');
    const v131 = await getJson<SessionJson>(`/api/v1/sessions/${running.id}`, '1.3-rev1');
    assert.ok(!('endTime' in v131) && !('parentSessionId' in v131), 'absent values are omitted from 1.3-rev1');
    assert.ok(!('progress' in v131));
    const v132 = await getJson<SessionJson>(`/api/v1/sessions/${running.id}`, '1.3-rev2');
    assert.ok(v132.progress && typeof v132.progress.duration === 'string', 'progress object in 1.3-rev2');
    assert.deepStrictEqual(Object.keys(v132).slice(0, 4), ['sessionType', 'state', 'platformName', 'id']);

    const v11All = await allSessions('1.1-rev0');
    assert.ok(v11All.some((s) => s.sessionType === 'Job') && !v11All.some((s) => s.sessionType === 'BackupJob'), '1.1-rev0 calls backup jobs Job');
    assert.ok(!v11All.some((s) => s.sessionType === 'FileLevelRestore' || s.sessionType === 'EntraIdRestore'), 'no types the revision does not have');
    const v130All = await allSessions('1.3-rev0');
    assert.ok(v130All.some((s) => s.sessionType === 'Job'), 'a few 1.3-rev0 bodies still say Job, as the published examples do');
    assert.ok(v130All.every((s) => s.state !== 'ActionRequired'));
    const v132All = await allSessions();
    assert.ok(v132All.some((s) => s.state === 'ActionRequired'), 'ActionRequired exists in 1.3-rev2');
    assert.ok(v132All.some((s) => s.state === 'WaitingRepository'), 'a running state other than Working');
    assert.ok(v132All.some((s) => s.creationTime.endsWith('Z')) && v132All.some((s) => /\+01:00$/.test(s.creationTime)), 'times with offset and with Z');
  });

  it('has a realistic mix: mostly jobs and housekeeping, a minority of restore types, some restore-adjacent ones', async () => {
    const all = await allSessions();
    const restores = all.filter((s) => RESTORE_TYPES.has(s.sessionType));
    const share = restores.length / all.length;
    assert.ok(share > 0.03 && share < 0.2, `restore share ${share}`);
    const restoreTypes = new Set(restores.map((s) => s.sessionType));
    for (const t of ['RestoreVm', 'InstantRecovery', 'FileLevelRestore', 'NasRestore', 'EntraIdRestore']) assert.ok(restoreTypes.has(t), t);
    assert.ok(all.some((s) => RESTORE_ADJACENT_TYPES.has(s.sessionType)));
    assert.ok(all.filter((s) => s.sessionType === 'BackupJob').length > all.length / 3);
    assert.ok(all.some((s) => typeof s.parentSessionId === 'string'));
  });

  it('serves one session, 404 NotFound with resourceId for an unknown id, 400 for a non-GUID', async () => {
    const [listed] = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?limit=1')).data;
    assert.deepStrictEqual(await getJson<SessionJson>(`/api/v1/sessions/${listed.id.toUpperCase()}`), listed);
    const unknown = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const missing = await api(`/api/v1/sessions/${unknown}`);
    assert.strictEqual(missing.status, 404);
    assert.deepStrictEqual(JSON.parse(missing.body), { errorCode: 'NotFound', message: (JSON.parse(missing.body) as VbrError).message, resourceId: unknown });
    assert.strictEqual((await api('/api/v1/sessions/not-a-guid')).status, 400);
    assert.strictEqual((await api(`/api/v1/sessions/${unknown}/logs`)).status, 404);
  });

  it('logs: not ordered by id, additionalInfo string up to 1.3-rev1 and an array in 1.3-rev2, statusFilter from 1.3-rev0', async () => {
    const stopped = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?typeFilter=BackupJob&stateFilter=Stopped&limit=50')).data;
    let unorderedSeen = false;
    for (const s of stopped) {
      const log = await getJson<LogResult>(`/api/v1/sessions/${s.id}/logs`);
      assert.strictEqual(log.totalRecords, log.records.length);
      const updates = log.records.map((r) => Date.parse(r.updateTime));
      assert.ok(updates.every((t, i) => i === 0 || updates[i - 1] >= t), 'newest update first');
      const ids = log.records.map((r) => r.id);
      if (ids.some((id, i) => i > 0 && ids[i - 1] < id)) unorderedSeen = true;
      assert.ok(log.records.every((r) => Array.isArray(r.additionalInfo)));
    }
    assert.ok(unorderedSeen, 'some log is not in id order');
    const old = await getJson<LogResult>(`/api/v1/sessions/${stopped[0].id}/logs`, '1.3-rev1');
    assert.ok(old.records.every((r) => typeof r.additionalInfo === 'string'));
    const succeeded = await getJson<LogResult>(`/api/v1/sessions/${stopped[0].id}/logs?statusFilter=Succeeded`, '1.3-rev0');
    assert.ok(succeeded.records.length > 0 && succeeded.records.every((r) => r.status === 'Succeeded'));
    assert.strictEqual((await api(`/api/v1/sessions/${stopped[0].id}/logs?statusFilter=Success`)).status, 400);
    const ignored = await getJson<LogResult>(`/api/v1/sessions/${stopped[0].id}/logs?statusFilter=Succeeded`, '1.2-rev1');
    assert.strictEqual(ignored.totalRecords, old.totalRecords, 'no statusFilter before 1.3-rev0');
  });

  it('running sessions grow their log, a step changes status, and the session ends Stopped with a result', async () => {
    const fast = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 1, vb365SessionCount: 1, vbrSessionCount: 5, runningCount: 0, progressStepMs: 20 });
    try {
      const token = (JSON.parse((await passwordGrant(fast)).body) as TokenAnswer).access_token;
      const get = async <T>(path: string): Promise<T> => JSON.parse((await call(fast, path, { token })).body) as T;
      const id = fast.addRunningSession('vbr', { name: 'apache05', finalResult: 'Failed', durationSeconds: 2 });
      const first = await get<LogResult>(`/api/v1/sessions/${id}/logs`);
      const open = first.records.find((r) => r.status === 'None');
      assert.ok(open, 'a step in progress');
      const changed = await eventually('the open step to finish', async () => {
        const log = await get<LogResult>(`/api/v1/sessions/${id}/logs`);
        const again = log.records.find((r) => r.id === open.id);
        return again && again.status !== 'None' ? { log, again } : undefined;
      });
      assert.ok(changed.log.totalRecords > first.totalRecords, 'the log grew');
      assert.notStrictEqual(changed.again.updateTime, open.updateTime);
      // Remember every step seen running, until the session ends.
      const seenRunning = new Set<number>();
      const ended = await eventually('the session to stop', async () => {
        const log = await get<LogResult>(`/api/v1/sessions/${id}/logs`);
        for (const r of log.records) if (r.status === 'None') seenRunning.add(r.id);
        const s = await get<SessionJson>(`/api/v1/sessions/${id}`);
        return s.state === 'Stopped' ? s : undefined;
      });
      assert.strictEqual(ended.result?.result, 'Failed');
      assert.strictEqual(ended.result?.isCanceled, false);
      assert.ok(typeof ended.endTime === 'string');
      const final = await get<LogResult>(`/api/v1/sessions/${id}/logs`);
      assert.ok(final.records.some((r) => seenRunning.has(r.id) && r.status === 'Failed'), 'a step seen running failed later');
    } finally {
      await fast.stop();
    }
  });

  it('stop: 200 {} and the session is Stopping (on a server whose clock does not tick)', async () => {
    const id = sim.addRunningSession('vbr');
    const stopped = await api(`/api/v1/sessions/${id}/stop`, { method: 'POST' });
    assert.strictEqual(stopped.status, 200);
    assert.strictEqual(stopped.body, '{}');
    const after = await getJson<SessionJson>(`/api/v1/sessions/${id}`);
    assert.strictEqual(after.state, 'Stopping');
    assert.strictEqual((await api(`/api/v1/sessions/${id}/stop`, { method: 'POST' })).status, 200, 'a second request while Stopping changes nothing');
  });

  it('stop: then Stopped with isCanceled; 400 when already stopped; 404 unknown; 403 when refused', async () => {
    const fast = await startSimulator({ emPort: 0, vb365Port: 0, sessionCount: 1, vb365SessionCount: 1, vbrSessionCount: 5, runningCount: 0, progressStepMs: 20 });
    try {
      const token = (JSON.parse((await passwordGrant(fast)).body) as TokenAnswer).access_token;
      const id = fast.addRunningSession('vbr', { durationSeconds: 600 });
      fast.setFaults({ vbrRefuseStop: true });
      const refused = await call(fast, `/api/v1/sessions/${id}/stop`, { method: 'POST', token });
      assert.strictEqual(refused.status, 403);
      assert.deepStrictEqual(JSON.parse(refused.body), { errorCode: 'AccessDenied', message: 'Forbidden' });
      fast.clearFaults();
      const stopped = await call(fast, `/api/v1/sessions/${id}/stop`, { method: 'POST', token });
      assert.strictEqual(stopped.status, 200);
      assert.strictEqual(stopped.body, '{}');
      const ended = await eventually('the stopped session to end', async () => {
        const s = JSON.parse((await call(fast, `/api/v1/sessions/${id}`, { token })).body) as SessionJson;
        return s.state === 'Stopped' ? s : undefined;
      });
      assert.strictEqual(ended.result?.isCanceled, true);
      assert.strictEqual(ended.result?.result, 'Failed');
      const again = await call(fast, `/api/v1/sessions/${id}/stop`, { method: 'POST', token });
      assert.strictEqual(again.status, 400);
      assert.strictEqual((await call(fast, '/api/v1/sessions/0f0e0d0c-0b0a-4908-8706-050403020100/stop', { method: 'POST', token })).status, 404);
    } finally {
      await fast.stop();
    }
  });

  it('task sessions: Restore type with zone-less times from 1.2-rev1, 404 in 1.1-rev0, empty for non-restores', async () => {
    const restore = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?typeFilter=RestoreVm&stateFilter=Stopped&limit=1')).data[0];
    const tasks = await getJson<Envelope<Record<string, unknown>>>(`/api/v1/sessions/${restore.id}/taskSessions`);
    assert.ok(tasks.data.length >= 1);
    assert.strictEqual(tasks.pagination.total, tasks.data.length);
    for (const t of tasks.data) {
      assert.deepStrictEqual(Object.keys(t), ['id', 'type', 'sessionId', 'sessionType', 'creationTime', 'endTime', 'name', 'state', 'usn', 'result']);
      assert.strictEqual(t.type, 'Restore');
      assert.strictEqual(t.sessionId, restore.id);
      assert.match(String(t.creationTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/, 'no zone');
    }
    const v121 = await getJson<Envelope<Record<string, unknown>>>(`/api/v1/sessions/${restore.id}/taskSessions`, '1.2-rev1');
    assert.strictEqual(v121.pagination.skip, null);
    assert.strictEqual((await api(`/api/v1/sessions/${restore.id}/taskSessions`, { revision: '1.1-rev0' })).status, 404);
    const job = (await getJson<Envelope<SessionJson>>('/api/v1/sessions?typeFilter=Infrastructure&limit=1')).data[0];
    assert.strictEqual((await getJson<Envelope<unknown>>(`/api/v1/sessions/${job.id}/taskSessions`)).data.length, 0);
  });

  it('control endpoint: POST /sessions?api=vbr adds a running restore, GET /requests counts vbr', async () => {
    const added = await control(`${sim.controlUrl}/sessions?api=vbr&name=ctl-restore&finalResult=Warning`, 'POST');
    assert.strictEqual(added.status, 201, added.body);
    const { id } = JSON.parse(added.body) as { id: string };
    const s = await getJson<SessionJson>(`/api/v1/sessions/${id}`);
    assert.strictEqual(s.name, 'ctl-restore');
    assert.strictEqual(s.sessionType, 'RestoreVm');
    assert.notStrictEqual(s.state, 'Stopped');
    const counts = JSON.parse((await control(`${sim.controlUrl}/requests`, 'GET')).body) as { vbr: number };
    assert.ok(counts.vbr > 0);
  });

  it('goes down with the others (POST /down) and comes back on the same port', async () => {
    const down = await control(`${sim.controlUrl}/down?ms=300`, 'POST');
    assert.strictEqual(down.status, 202);
    const during = await exchange(sim.certificatePem, `${sim.vbrUrl}/api/v1/sessions?limit=1`, { headers: { 'x-api-version': '1.3-rev2', Authorization: `Bearer ${bearer}` } });
    assert.strictEqual(during.kind, 'failure', 'the VBR listener is closed during the outage');
    await eventually('the VBR listener to come back', async () => {
      const r = await exchange(sim.certificatePem, `${sim.vbrUrl}/api/v1/sessions?limit=1`, { headers: { 'x-api-version': '1.3-rev2', Authorization: `Bearer ${bearer}` } });
      return r.kind === 'response' && r.status === 200 ? r : undefined;
    });
  });

  it('counts its requests under api vbr and is covered by the error fault with a VBR Error body', async () => {
    sim.resetRequestCount();
    await api('/api/v1/sessions?limit=1');
    assert.strictEqual(sim.requestCount({ api: 'vbr' }), 1);
    assert.strictEqual(sim.requestCount({ api: 'em' }), 0);
    sim.setFaults({ errorRate: 1 });
    const failed = await api('/api/v1/sessions?limit=1');
    assert.strictEqual(failed.status, 500);
    assert.strictEqual((JSON.parse(failed.body) as VbrError).errorCode, 'ServiceUnavailable');
  });
});
