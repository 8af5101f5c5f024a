import * as assert from 'assert';
import { VeeamError } from '../../src/core/errors';
import { backupReplicationError, supportedRevisionsIn } from '../../src/core/kinds/backupReplication/errorBody';
import { parseBackupReplicationDocument, type BackupReplicationExpectation, type RequestedPage } from '../../src/core/kinds/backupReplication/parser';
import { summaryOf } from '../../src/core/model/restoreSession';
import { CaseInsensitiveFields } from '../../src/core/parsing/caseInsensitiveFields';
import type { ParsedDocument } from '../../src/core/parsing/parsedDocument';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readFixture } from './fixturePath';

const parse = (text: string, expect?: BackupReplicationExpectation, requested?: RequestedPage): ParsedDocument =>
  parseBackupReplicationDocument(toRawBody(text, 'application/json; charset=utf-8'), expect, requested);
const fixture = (name: string, expect?: BackupReplicationExpectation, requested?: RequestedPage): ParsedDocument => parse(readFixture(`vbr/${name}`), expect, requested);

function list(d: ParsedDocument): Extract<ParsedDocument, { kind: 'list' }> {
  assert.ok(d.kind === 'list', `expected a list, got ${d.kind}`);
  return d;
}

function throwsTyped(fn: () => unknown, code: string, message: RegExp): VeeamError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof VeeamError, `expected a VeeamError, got ${String(caught)}`);
  assert.strictEqual(caught.code, code, caught.message);
  assert.match(caught.message, message);
  return caught;
}

describe('Backup & Replication parser', () => {
  describe('sessions, revision by revision', () => {
    it('1.1-rev0: activityId, nulls, result null while working, "Job" kept raw', () => {
      const d = list(fixture('sessions-1.1-rev0.json'));
      assert.strictEqual(d.skipped, 0);
      const [restore, instant, job] = d.sessions;
      assert.strictEqual(restore.kind, 'vbr');
      assert.strictEqual(restore.id, '3c1e9a3e-5b0a-4b43-9a0f-6c2b7d0e11a1');
      assert.strictEqual(restore.uid, undefined, 'VBR sends no UID: a list row has none');
      assert.strictEqual(restore.typeLabel, 'VM restore');
      assert.strictEqual(restore.state, 'finished');
      assert.strictEqual(restore.result, 'success');
      assert.strictEqual(restore.creationTime, '2023-12-04T05:13:34.983Z', 'offset converted to UTC');
      assert.strictEqual(restore.endTime, '2023-12-04T05:41:02.117Z');
      assert.strictEqual(restore.durationMs, 27 * 60_000 + 27_134);
      assert.strictEqual(restore.platform, 'unknown', '1.1-rev0 has no platformName');
      assert.strictEqual(instant.typeLabel, 'Instant Recovery');
      assert.strictEqual(instant.state, 'running');
      assert.strictEqual(instant.result, 'pending', 'a null result while working is pending');
      assert.strictEqual(instant.rawResult, '');
      assert.strictEqual(instant.endTime, undefined);
      assert.strictEqual(instant.progress, 0);
      assert.strictEqual(job.type, 'Job');
      assert.strictEqual(job.typeLabel, 'Job');
      assert.strictEqual(job.result, 'warning');
      assert.deepStrictEqual(d.paging, { page: 1, pageSize: 3, hasNext: false, totalCount: 3 });
      const single = parse(JSON.stringify((JSON.parse(readFixture('vbr/sessions-1.1-rev0.json')) as { data: unknown[] }).data[0]));
      assert.ok(single.kind === 'session');
      assert.strictEqual(single.session.jobId, '6d6c3d1e-2b0c-4f9e-8a53-0c3a0d4f9b21', 'activityId is 1.1-rev0\'s jobId');
      assert.strictEqual(single.session.resourceReference, '/api/v1/backups/9e0c5f1a-7a5e-4d0e-bb8c-1d2f3a4b5c6d');
      assert.strictEqual(single.session.parentSessionId, undefined, 'null parentSessionId is absent');
      assert.strictEqual(single.session.resultMessage, undefined, 'an empty message is no message');
      assert.strictEqual(single.session.isCanceled, false);
      assert.deepStrictEqual(Object.keys(single.session.extra), ['usn']);
    });

    it('1.2-rev1: jobId, platformName, a cancelled Stopped session with result None is unknown, null skip/limit ignored', () => {
      const d = list(fixture('sessions-1.2-rev1.json', 'sessions', { skip: 0, limit: 3 }));
      const [job, flr, failover] = d.sessions;
      assert.strictEqual(job.type, 'Job', 'the examples still say "Job" although the enum dropped it');
      assert.strictEqual(job.platform, 'vSphere');
      assert.strictEqual(flr.platform, 'Windows');
      assert.strictEqual(flr.typeLabel, 'File-level restore');
      assert.strictEqual(flr.state, 'finished');
      assert.strictEqual(flr.rawResult, 'None');
      assert.strictEqual(flr.result, 'unknown', 'Stopped + None is not read as success');
      assert.strictEqual(failover.platform, 'Hyper-V');
      assert.strictEqual(failover.progress, 35);
      assert.strictEqual(failover.result, 'pending');
      assert.deepStrictEqual(d.paging, { page: 1, pageSize: 3, hasNext: true, totalCount: 7 });
      const next = list(fixture('sessions-1.2-rev1.json', 'sessions', { skip: 4, limit: 3 }));
      assert.deepStrictEqual(next.paging, { page: 2, pageSize: 3, hasNext: false, totalCount: 7 }, 'skip 4 + 3 items reach the total');
    });

    it('1.3-rev1: omitted fields, Z times, initiatedBy with backslashes, undocumented type/platform/state kept raw', () => {
      const d = list(fixture('sessions-1.3-rev1.json'));
      const [entra, share, future] = d.sessions;
      assert.strictEqual(entra.platform, 'Entra ID');
      assert.strictEqual(entra.result, 'failed');
      assert.strictEqual(entra.initiatedBy, '.\\lu01');
      assert.strictEqual(entra.durationMs, 750_250);
      assert.strictEqual(share.state, 'running');
      assert.strictEqual(share.rawState, 'WaitingRepository');
      assert.strictEqual(share.endTime, undefined);
      assert.strictEqual(share.typeLabel, 'Instant file share recovery');
      assert.strictEqual(future.id, 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d', 'upper-case GUID normalised');
      assert.strictEqual(future.type, 'SomethingNewer');
      assert.strictEqual(future.typeLabel, 'SomethingNewer');
      assert.strictEqual(future.platform, 'Kubernetes');
      assert.strictEqual(future.result, 'unknown', 'Stopped without any result is unknown');
      assert.strictEqual(future.progress, undefined);
      const single = parse(JSON.stringify((JSON.parse(readFixture('vbr/sessions-1.3-rev1.json')) as { data: unknown[] }).data[1]));
      assert.ok(single.kind === 'session');
      assert.deepStrictEqual(Object.keys(single.session.extra).sort(), ['relatedSessionId', 'usn']);
    });

    it('1.3-rev2: the progress object, result message and cancel flag, retry fields kept as unknown fields', () => {
      const d = fixture('session-1.3-rev2.json');
      assert.ok(d.kind === 'session');
      const s = d.session;
      assert.strictEqual(s.uid, 'urn:veeam:RestoreSession:b8c9d0e1-f2a3-4b4c-9d5e-6f7a8b9c0d1e');
      assert.strictEqual(s.uidSynthetic, true);
      assert.deepStrictEqual(s.links, []);
      assert.strictEqual(s.typeLabel, 'Instant disk recovery');
      assert.strictEqual(s.result, 'warning');
      assert.strictEqual(s.resultMessage, '<StateXml/>');
      assert.strictEqual(s.isCanceled, true);
      assert.strictEqual(s.progress, 100, 'progress.progressPercent when there is no top-level progressPercent');
      assert.deepStrictEqual(s.progressDetails, { duration: '00:25:30', processingRate: '85 MB', bottleneck: 'Source', processedSize: 107374182400, readSize: 53687091200, transferredSize: 26843545600 });
      assert.strictEqual(s.parentSessionId, 'd0e1f2a3-b4c5-4d6e-9f7a-8b9c0d1e2f3a');
      assert.strictEqual(s.jobId, '55555555-6666-4777-8888-999999999999');
      assert.strictEqual(s.creationTime, '2026-09-14T05:00:00.123Z');
      assert.deepStrictEqual(Object.keys(s.extra), ['usn', 'platformId', 'algorithm', 'originalSessionId', 'retryInfo']);
      assert.deepStrictEqual(s.extra.retryInfo, { isRecheckRetry: false, retryNumber: 1 });
      assert.ok(s.raw, 'a session fetched on its own keeps its body');
    });
  });

  describe('times', () => {
    const base = { sessionType: 'RestoreVm', id: '11111111-2222-4333-8444-555555555555', name: 'vm', usn: 0, result: { result: 'Success' } };
    const session = (fields: Record<string, unknown>) => {
      const d = parse(JSON.stringify({ ...base, ...fields }));
      assert.ok(d.kind === 'session');
      return d.session;
    };

    it('keeps zone-less times as server-local text, never as UTC, and still measures their duration', () => {
      const s = session({ state: 'Stopped', creationTime: '2024-11-09T18:00:30.407023', endTime: '2024-11-09T18:12:30.407023' });
      assert.strictEqual(s.creationTime, undefined);
      assert.strictEqual(s.endTime, undefined);
      assert.strictEqual(s.creationTimeLocal, '2024-11-09T18:00:30.407023');
      assert.strictEqual(s.endTimeLocal, '2024-11-09T18:12:30.407023');
      assert.strictEqual(s.durationMs, 12 * 60_000, 'two times on the same clock');
      const row = list(parse(JSON.stringify({ data: [{ ...base, state: 'Stopped', creationTime: '2024-11-09T18:00:30' }], pagination: { total: 1, count: 1 } }))).sessions[0];
      assert.strictEqual(row.creationTime, undefined);
      assert.strictEqual(row.creationTimeLocal, '2024-11-09T18:00:30');
    });

    it('gives no duration across a zoned and a zone-less time, and reads the .NET empty date as none', () => {
      const mixed = session({ state: 'Stopped', creationTime: '2024-11-09T18:00:30Z', endTime: '2024-11-09T19:00:30' });
      assert.strictEqual(mixed.creationTime, '2024-11-09T18:00:30.000Z');
      assert.strictEqual(mixed.endTimeLocal, '2024-11-09T19:00:30');
      assert.strictEqual(mixed.durationMs, undefined);
      for (const never of ['0001-01-01T00:00:00', '1753-01-01T00:00:00Z']) {
        const s = session({ state: 'Stopped', creationTime: '2024-11-09T18:00:30Z', endTime: never });
        assert.strictEqual(s.endTime, undefined, never);
        assert.strictEqual(s.endTimeLocal, undefined, never);
        assert.strictEqual(s.durationMs, undefined, never);
      }
    });

    it('keeps server-local times when a fetched session goes back into a list (summaryOf)', () => {
      const s = session({ state: 'Stopped', creationTime: '2024-11-09T18:00:30', endTime: '2024-11-09T18:12:30' });
      const row = summaryOf(s);
      assert.strictEqual(row.creationTimeLocal, '2024-11-09T18:00:30');
      assert.strictEqual(row.endTimeLocal, '2024-11-09T18:12:30');
      assert.ok(!('creationTimeLocal' in summaryOf(session({ state: 'Stopped', creationTime: '2024-11-09T18:00:30Z' }))), 'added only when present');
    });

    it('ignores an end time while the session still runs', () => {
      const s = session({ state: 'Working', creationTime: '2024-11-09T18:00:30Z', endTime: '2024-11-09T18:01:30Z' });
      assert.strictEqual(s.endTime, undefined);
      assert.strictEqual(s.durationMs, undefined);
    });
  });

  describe('task sessions and logs', () => {
    it('reads a TaskSessionsResult with zone-less times, an empty date and the task progress', () => {
      const d = fixture('task-sessions-1.3-rev1.json', 'taskSessions');
      assert.ok(d.kind === 'taskSessions');
      const [restore, backup] = d.tasks;
      assert.strictEqual(restore.type, 'Restore');
      assert.strictEqual(restore.state, 'finished');
      assert.strictEqual(restore.result, 'success');
      assert.strictEqual(restore.creationTime, undefined);
      assert.strictEqual(restore.creationTimeLocal, '2024-11-09T18:00:30.407023');
      assert.strictEqual(restore.endTimeLocal, '2024-11-09T18:12:02.1');
      assert.strictEqual(backup.state, 'running');
      assert.strictEqual(backup.result, 'pending');
      assert.strictEqual(backup.progress, 40);
      assert.strictEqual(backup.endTimeLocal, undefined, '0001-01-01 is no end time');
      assert.deepStrictEqual(d.paging, { page: 1, pageSize: 2, hasNext: false, totalCount: 2 });
      const one = parse(JSON.stringify((JSON.parse(readFixture('vbr/task-sessions-1.3-rev1.json')) as { data: unknown[] }).data[0]));
      assert.ok(one.kind === 'taskSessions' && one.tasks.length === 1 && one.paging === undefined);
    });

    it('refuses task sessions where sessions were asked for, and sessions where task sessions were', () => {
      throwsTyped(() => fixture('task-sessions-1.3-rev1.json', 'sessions'), 'malformedResponse', /a list of task sessions, not restore sessions/);
      throwsTyped(() => fixture('sessions-1.3-rev1.json', 'taskSessions'), 'malformedResponse', /a list of sessions, not task sessions/);
      throwsTyped(() => fixture('jobs-page.json'), 'malformedResponse', /a list of jobs, not restore sessions/);
      throwsTyped(() => parse('{"data":[{"id":"x","name":"b","platformName":"VMware","policyTag":"","repositoryId":"r"}],"pagination":{"total":1,"count":1}}'), 'malformedResponse', /a list of backups/);
    });

    it('reads an empty envelope as an empty list of what was asked', () => {
      const sessions = parse('{"data":[],"pagination":{"total":0,"count":0}}');
      assert.deepStrictEqual(sessions, { kind: 'list', sessions: [], paging: { page: 1, pageSize: 0, hasNext: false, totalCount: 0 }, skipped: 0 });
      const tasks = parse('{"data":[],"pagination":{"total":0,"count":0}}', 'taskSessions');
      assert.ok(tasks.kind === 'taskSessions' && tasks.tasks.length === 0);
    });

    it('turns a session log into events sorted by record id, keeping additionalInfo text and zone-less times', () => {
      const d = fixture('session-log-1.3-rev1.json', 'events');
      assert.ok(d.kind === 'events');
      assert.deepStrictEqual(d.events.map((e) => e.id), ['4', '5', '6', '9', '10', '11']);
      const warning = d.events[4];
      assert.strictEqual(warning.status, 'Warning');
      assert.strictEqual(warning.title, 'Processing winsrv100');
      assert.strictEqual(warning.message, '1 object skipped');
      assert.strictEqual(warning.additionalInfo, 'Skipped: guest credentials missing');
      assert.strictEqual(warning.startTime, '2026-05-20T10:41:00.000Z');
      assert.strictEqual(warning.updateTime, '2026-05-20T10:42:29.000Z');
      assert.strictEqual(warning.endTime, undefined);
      const waiting = d.events[2];
      assert.strictEqual(waiting.startTime, undefined);
      assert.strictEqual(waiting.startTimeLocal, '2026-05-20T10:31:00');
      assert.strictEqual(waiting.updateTimeLocal, '2026-05-20T10:34:00');
      assert.strictEqual(d.events[5].additionalInfo, undefined, 'an empty additionalInfo is none');
      const rev2 = fixture('session-log-1.3-rev2.json', 'events');
      assert.ok(rev2.kind === 'events');
      assert.deepStrictEqual(rev2.events.map((e) => e.id), ['1', '2']);
      assert.strictEqual(rev2.events[1].additionalInfo, 'Disk: Hard disk 2\nRate: 85 MB/s');
      assert.strictEqual(rev2.events[0].additionalInfo, undefined);
    });
  });

  describe('tokens, empty answers and errors', () => {
    it('reads the TokenModel, with or without offsets on .issued/.expires', () => {
      const expected = { kind: 'token', accessToken: 'illustrative.vbr.access.jwt', refreshToken: 'illustrative.vbr.refresh.jwt', expiresInSeconds: 900 };
      assert.deepStrictEqual(fixture('token.json'), expected);
      assert.deepStrictEqual(fixture('token-overview.json'), expected);
    });

    it('reads the {} of stop and logout as an EmptySuccessResponse', () => {
      assert.deepStrictEqual(fixture('empty-success.json'), { kind: 'other', rootName: 'EmptySuccessResponse', data: {} });
    });

    it('throws the typed error for each published Error body', () => {
      const version = throwsTyped(() => fixture('error-400-not-implemented.json'), 'serverError', /does not support the requested API revision.*The specified API version is not supported/);
      assert.strictEqual(version.veeamMessage, 'The specified API version is not supported.');
      assert.match(version.detail ?? '', /errorCode=NotImplemented/);
      // AccessDenied alone cannot tell 401 from 403: no guess without the status.
      throwsTyped(() => fixture('error-401.json'), 'serverError', /Unauthorized\. Get bearer JWT token/);
      const notFound = throwsTyped(() => fixture('error-404.json'), 'notFound', /did not find object 00000000-1111-4222-8333-444444444444/);
      assert.match(notFound.detail ?? '', /resourceId=00000000-1111-4222-8333-444444444444/);
      throwsTyped(() => parse('{"errorCode":"ExpiredToken","message":"Token expired"}'), 'sessionExpired', /no longer accepts the sign-in token/);
    });

    it('maps an Error body by HTTP status first when the caller has one', () => {
      const body = (name: string) => new CaseInsensitiveFields(JSON.parse(readFixture(`vbr/${name}`)) as Record<string, unknown>);
      assert.strictEqual(backupReplicationError(body('error-401.json'), 401).code, 'sessionExpired');
      assert.strictEqual(backupReplicationError(body('error-401.json'), 403).code, 'forbidden');
      assert.strictEqual(backupReplicationError(body('error-404.json'), 404).code, 'notFound');
      assert.strictEqual(backupReplicationError(body('error-400-not-implemented.json'), 400).status, 400);
      assert.match(backupReplicationError(body('error-404.json'), 500).message, /failed \(HTTP 500\)/);
      assert.deepStrictEqual(supportedRevisionsIn('Unsupported RESTAPI version. The following versions are supported: v1.0-rev1.'), ['1.0-rev1']);
      assert.deepStrictEqual(supportedRevisionsIn('The specified API version is not supported.'), []);
    });
  });

  describe('bodies of the other APIs and bad bodies', () => {
    it('names Enterprise Manager bodies (XML, JSON, error)', () => {
      throwsTyped(() => parseBackupReplicationDocument(toRawBody(readFixture('em/restore-session-entity.xml'), 'application/xml')), 'malformedResponse', /looks like a Veeam Backup Enterprise Manager document.*not Veeam Backup & Replication/);
      throwsTyped(() => parse(readFixture('em/restore-session-entity.json')), 'malformedResponse', /Enterprise Manager/);
      throwsTyped(() => parse(readFixture('em/error-500.json')), 'malformedResponse', /Enterprise Manager document \(an Enterprise Manager error body\)/);
      throwsTyped(() => parseBackupReplicationDocument(toRawBody('<a/>', 'application/xml')), 'malformedResponse', /sent XML; its REST API answers JSON.*9419/);
    });

    it('names Microsoft 365 bodies (page, v3 array, single session, error)', () => {
      throwsTyped(() => parse(readFixture('vb365/restore-sessions-v8-page.json')), 'malformedResponse', /Veeam Backup for Microsoft 365 document/);
      throwsTyped(() => parse(readFixture('vb365/restore-sessions-v3-array.json')), 'malformedResponse', /Veeam Backup for Microsoft 365 document/);
      throwsTyped(() => parse('{"id":"11111111-2222-4333-8444-555555555555","type":"Vex","state":"Working","result":"Success","creationTime":"2026-03-04T09:12:05Z"}'), 'malformedResponse', /Microsoft 365 document \(a restore session of type "Vex"\)/);
      throwsTyped(() => parse(readFixture('vb365/error-404.json')), 'malformedResponse', /Microsoft 365/);
      // A newer service type than this version knows: the HAL links still give it away.
      throwsTyped(() => parse('{"id":"11111111-2222-4333-8444-555555555555","type":"Vnew","state":"Stopped","_links":{"self":{"href":"/v8/RestoreSessions/11111111-2222-4333-8444-555555555555"}}}'), 'malformedResponse', /Microsoft 365 document \(it has "_links"\)/);
    });

    it('refuses malformed JSON, HTML and unrelated objects with the shared clear errors', () => {
      throwsTyped(() => parse('{"data":[{"id":'), 'malformedResponse', /malformed JSON \(the body ends too early/);
      assert.throws(() => toRawBody('<!doctype html><html><body>Login</body></html>', 'text/html'), (e: unknown) => e instanceof VeeamError && e.code === 'malformedResponse' && /HTML page/.test(e.message));
      throwsTyped(() => parse('{"vbrId":"x","buildVersion":"13.0.1"}'), 'malformedResponse', /not a Backup & Replication session document/);
      throwsTyped(() => parse('[1,2]'), 'malformedResponse', /a bare JSON array/);
      throwsTyped(() => parse('{"sessionType":"RestoreVm","state":"Stopped","id":"nope"}'), 'malformedResponse', /id is not a GUID/);
    });

    it('drops list rows without a GUID id and repeated ids, counting them', () => {
      const row = (id: string) => ({ sessionType: 'RestoreVm', state: 'Stopped', id, name: 'n', creationTime: '2026-01-01T00:00:00Z', usn: 0 });
      const d = list(parse(JSON.stringify({ data: [row('11111111-2222-4333-8444-555555555555'), row('bad'), row('11111111-2222-4333-8444-555555555555'), 'x'], pagination: { total: 4, count: 4 } })));
      assert.strictEqual(d.sessions.length, 1);
      assert.strictEqual(d.skipped, 3);
    });
  });
});
