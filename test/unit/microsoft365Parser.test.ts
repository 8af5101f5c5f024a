import * as assert from 'assert';
import { VeeamError } from '../../src/core/errors';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readFixture } from './fixturePath';

const parse = (text: string, expect?: 'sessions' | 'events') => parseMicrosoft365Document(toRawBody(text, 'application/json; charset=utf-8'), expect);

describe('Microsoft 365 parser', () => {
  it('normalises the documented v8 page', () => {
    const d = parse(readFixture('vb365/restore-sessions-v8-page.json'));
    assert.ok(d.kind === 'list');
    assert.strictEqual(d.sessions.length, 2);
    const [running, done] = d.sessions;
    assert.strictEqual(running.state, 'running');
    assert.strictEqual(running.result, 'pending', 'Working + Success is still pending');
    assert.strictEqual(running.platform, 'Exchange');
    assert.strictEqual(running.initiatedBy, 'EXAMPLE\\helpdesk01');
    assert.strictEqual(running.reason, 'User request #4711');
    assert.strictEqual(running.restoredObject, 'example-corp.onmicrosoft.com');
    assert.strictEqual(running.progress, undefined);
    assert.strictEqual(done.result, 'warning');
    assert.strictEqual(done.typeLabel, 'SharePoint');
    assert.strictEqual(done.creationTime, '2026-03-03T16:40:51.007Z');
    assert.strictEqual(d.paging?.hasNext, true);
    assert.strictEqual(d.paging?.nextHref, '/v8/RestoreSessions?offset=2&limit=2');
    // List rows leave links, unknown fields and details to the session fetched on its own.
    assert.ok(!('links' in done) && !('extra' in done));
    const page = JSON.parse(readFixture('vb365/restore-sessions-v8-page.json')) as { results: unknown[] };
    const single = parse(JSON.stringify(page.results[1]));
    assert.ok(single.kind === 'session');
    assert.strictEqual(single.session.uidSynthetic, true);
    assert.strictEqual(single.session.details, '12 items processed (11 success, 1 warning)');
    assert.deepStrictEqual(single.session.links.map((l) => l.rel), ['self', 'organization', 'events']);
    assert.deepStrictEqual(Object.keys(single.session.extra), ['eTag']);
  });

  it('reads the v3 bare array, with offsets in timestamps', () => {
    const d = parse(readFixture('vb365/restore-sessions-v3-array.json'));
    assert.ok(d.kind === 'list');
    assert.strictEqual(d.paging, undefined);
    assert.strictEqual(d.sessions[0].name, 'Exchange session 2019-07-04T16:08:20.2882911Z');
    assert.strictEqual(d.sessions[1].endTime, '2019-06-29T05:02:21.067Z');
  });

  it('reads tokens and events', () => {
    const t = parse(readFixture('vb365/token.json'));
    assert.deepStrictEqual(t, { kind: 'token', accessToken: 'illustrative.access.token.value', refreshToken: 'illustrative-refresh-token-value', expiresInSeconds: 3600 });
    const ev = parse('{"offset":0,"limit":30,"results":[{"id":"b","order":1,"title":"Item restored","message":"m","status":"Success","type":"Restore","startTime":"2026-03-04T09:12:05Z"},{"id":"a","order":0,"title":"Restore session started","message":"s","status":"Success","type":"None"}],"_links":{}}', 'events');
    assert.ok(ev.kind === 'events');
    assert.deepStrictEqual(ev.events.map((e) => e.id), ['a', 'b']);
    const empty = parse('{"offset":0,"limit":30,"results":[]}', 'events');
    assert.strictEqual(empty.kind, 'events');
  });

  it('throws typed errors for error bodies', () => {
    assert.throws(() => parse(readFixture('vb365/error-404.json')), (e: unknown) => e instanceof VeeamError && e.code === 'serverError' && /was not found/.test(e.message));
    assert.throws(() => parse('{"error":"invalid_grant","error_description":"The user name or password is incorrect."}'), (e: unknown) => e instanceof VeeamError && e.code === 'authFailed' && /password is incorrect/.test(e.message));
    assert.throws(() => parseMicrosoft365Document(toRawBody('<a/>', 'application/xml')), (e: unknown) => e instanceof VeeamError && e.code === 'malformedResponse');
    assert.throws(() => parse('{"id":"not-a-guid"}'), (e: unknown) => e instanceof VeeamError && e.code === 'malformedResponse');
  });

  it('keeps unknown enum values verbatim and treats them as unknown', () => {
    const d = parse('{"id":"11111111-2222-4333-8444-555555555555","type":"Vnew","state":"Hibernating","result":"Meh","creationTime":null}');
    assert.ok(d.kind === 'session');
    assert.strictEqual(d.session.state, 'unknown');
    assert.strictEqual(d.session.rawState, 'Hibernating');
    assert.strictEqual(d.session.result, 'unknown');
    assert.strictEqual(d.session.typeLabel, 'Vnew');
    assert.strictEqual(d.session.platform, 'unknown');
  });
});
