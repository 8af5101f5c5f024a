import * as assert from 'assert';
import { VeeamError } from '../../src/core/errors';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { readFixture } from './fixturePath';

function parse(text: string, contentType = 'application/xml') {
  return parseEnterpriseManagerDocument(toRawBody(text, contentType));
}

function expectError(fn: () => unknown, code: string, messagePart?: RegExp): VeeamError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof VeeamError, `expected VeeamError, got ${String(e)}`);
    assert.strictEqual(e.code, code, e.message);
    if (messagePart) assert.match(e.message, messagePart);
    return e;
  }
  assert.fail('expected an error');
}

describe('Enterprise Manager parser', () => {
  it('normalises the documented entity XML', () => {
    const xml = readFixture('em/restore-session-entity.xml');
    const doc = parse(xml);
    assert.strictEqual(doc.kind, 'session');
    if (doc.kind !== 'session') return;
    const s = doc.session;
    assert.strictEqual(s.id, 'fd166510-607b-4023-882a-334d0b907e87');
    assert.strictEqual(s.uid, 'urn:veeam:RestoreSession:fd166510-607b-4023-882a-334d0b907e87');
    assert.strictEqual(s.uidSynthetic, false);
    assert.strictEqual(s.name, 'web-frontend-02@2026-03-04 09:15:40');
    assert.strictEqual(s.type, 'RestoreVm');
    assert.strictEqual(s.typeLabel, 'VM restore');
    assert.strictEqual(s.platform, 'vSphere');
    assert.strictEqual(s.state, 'finished');
    assert.strictEqual(s.result, 'warning');
    assert.strictEqual(s.progress, 100);
    assert.strictEqual(s.creationTime, '2026-03-04T09:15:40.520Z');
    assert.strictEqual(s.endTime, '2026-03-04T09:41:07.113Z');
    assert.strictEqual(s.durationMs, Date.parse('2026-03-04T09:41:07.113Z') - Date.parse('2026-03-04T09:15:40.520Z'));
    assert.strictEqual(s.vmDisplayName, 'web-frontend-02');
    assert.strictEqual(s.restoredObject, 'urn:VMware:Vm:c2dcf3eb-23de-4ed5-956a-ff959d3978fc.vm-4711');
    assert.deepStrictEqual(s.links.map((l) => l.rel), ['Up', 'Alternate', 'Related']);
    assert.strictEqual(s.links[0].name, 'vbr-east.example.test');
    assert.strictEqual(s.raw?.text, xml, 'raw body kept exactly as received');
    assert.deepStrictEqual(Object.keys(s.extra), []);
  });

  it('normalises the documented entity JSON to the same model as the XML', () => {
    const fromXml = parse(readFixture('em/restore-session-entity.xml'));
    const fromJson = parse(readFixture('em/restore-session-entity.json'), 'application/json');
    assert.ok(fromXml.kind === 'session' && fromJson.kind === 'session');
    const { raw: _a, ...x } = fromXml.session;
    const { raw: _b, ...j } = fromJson.session;
    assert.deepStrictEqual(j, x);
    assert.strictEqual(fromJson.session.raw?.format, 'json');
  });

  it('reads camelCase JSON keys (EM 13) and a UTF-8 BOM', () => {
    const camel = readFixture('em/restore-session-entity.json').replace(/"([A-Z])([A-Za-z]*)":/g, (_m, a: string, b: string) => `"${a.toLowerCase()}${b}":`);
    const doc = parse('\uFEFF' + camel, 'application/json');
    assert.ok(doc.kind === 'session');
    assert.strictEqual(doc.session.state, 'finished');
    assert.strictEqual(doc.session.links.length, 3);
    assert.ok(doc.session.raw?.text.startsWith('\uFEFF'), 'raw keeps the BOM');
  });

  it('reads a query result page with paging links and decoded hrefs', () => {
    const doc = parse(readFixture('em/query-result-page2.xml'));
    assert.strictEqual(doc.kind, 'list');
    if (doc.kind !== 'list') return;
    assert.strictEqual(doc.sessions.length, 2);
    assert.deepStrictEqual(doc.paging && { ...doc.paging, nextHref: undefined }, { page: 2, pageSize: 2, hasNext: true, pagesCount: 3, nextHref: undefined });
    assert.ok(doc.paging?.nextHref?.includes('&format=Entities&'), 'entities in hrefs are decoded');
    assert.strictEqual(doc.sessions[0].type, 'FileLevelRestore');
    assert.strictEqual(doc.sessions[0].result, 'failed');
    assert.strictEqual(doc.sessions[0].platform, 'unknown');
    assert.strictEqual(doc.sessions[1].platform, 'Hyper-V');
    assert.strictEqual(doc.sessions[1].creationTime, '2026-03-01T08:00:12.003Z');
  });

  it('reads a running session: Result None is pending, no end time, duration unknown', () => {
    const xml = `<RestoreSession xmlns="http://www.veeam.com/ent/v1.0" Href="https://h:9398/api/restoreSessions/11111111-2222-4333-8444-555555555555?format=Entity" Type="RestoreSession" Name="x@1" UID="urn:veeam:RestoreSession:11111111-2222-4333-8444-555555555555"><Links /><JobType>RestoreVm</JobType><CreationTimeUTC>2026-03-04T09:15:40Z</CreationTimeUTC><State>Working</State><Result>None</Result><Progress>64</Progress><FutureField a="1">kept</FutureField></RestoreSession>`;
    const doc = parse(xml);
    assert.ok(doc.kind === 'session');
    assert.strictEqual(doc.session.state, 'running');
    assert.strictEqual(doc.session.result, 'pending');
    assert.strictEqual(doc.session.progress, 64);
    assert.strictEqual(doc.session.endTime, undefined);
    assert.strictEqual(doc.session.durationMs, undefined);
    assert.deepStrictEqual(Object.keys(doc.session.extra), ['FutureField'], 'unknown fields are kept');
  });

  it('reads references lists and query JSON with the same-name wrapper', () => {
    const refs = `{"Refs":[{"Links":[],"UID":"urn:veeam:RestoreSession:11111111-2222-4333-8444-555555555555","Name":"a","Href":"https://h/api/restoreSessions/11111111-2222-4333-8444-555555555555","Type":"RestoreSessionReference"}]}`;
    const r = parse(refs, 'application/json');
    assert.ok(r.kind === 'list' && r.sessions.length === 1 && r.sessions[0].state === 'unknown');
    const q = `{"Entities":{"RestoreSessions":{"RestoreSessions":[{"JobType":"RestoreVm","State":"Stopped","Result":"Success","UID":"urn:veeam:RestoreSession:11111111-2222-4333-8444-555555555555","Name":"n","Type":"RestoreSession"}]}},"PagingInfo":{"Links":[],"PageNum":1,"PageSize":100,"PagesCount":1}}`;
    const d = parse(q, 'application/json');
    assert.ok(d.kind === 'list');
    assert.strictEqual(d.sessions[0].result, 'success');
    assert.strictEqual(d.paging?.hasNext, false);
  });

  it('drops rows without an id and duplicate ids, and counts them', () => {
    const row = (id: string) => `{"UID":"urn:veeam:RestoreSession:${id}","Name":"n","Type":"RestoreSession","State":"Stopped"}`;
    const body = `{"RestoreSessions":[${row('11111111-2222-4333-8444-555555555555')},${row('11111111-2222-4333-8444-555555555555')},{"Name":"no id"},${row('21111111-2222-4333-8444-555555555555')}]}`;
    const d = parse(body, 'application/json');
    assert.ok(d.kind === 'list');
    assert.strictEqual(d.sessions.length, 2);
    assert.strictEqual(d.skipped, 2);
  });

  it('reads the logon session', () => {
    const d = parse(readFixture('em/logon-session.xml'));
    assert.deepStrictEqual(d, { kind: 'logon', sessionId: '67a114cf-31a1-4045-8bc7-45c31fabf0c4', userName: 'EXAMPLE\\svc-restore' });
  });

  it('turns Error bodies into serverError with the Veeam message, in both formats', () => {
    const e1 = expectError(() => parse(readFixture('em/error-401.xml')), 'serverError', /session expired or not found/);
    assert.strictEqual(e1.status, 401);
    const e2 = expectError(() => parse(readFixture('em/error-500.json'), 'application/json'), 'serverError', /Object reference not set/);
    assert.strictEqual(e2.veeamMessage, 'Object reference not set to an instance of an object.');
  });

  const bad: Array<[string, string, string | undefined, RegExp]> = [
    ['truncated XML', readFixture('em/restore-session-entity.xml').slice(0, 600), 'application/xml', /malformed XML/],
    ['truncated JSON', readFixture('em/restore-session-entity.json').slice(0, 200), 'application/json', /truncated/],
    ['mismatched tags', '<RestoreSession><State>Working</Result></RestoreSession>', 'application/xml', /malformed XML/],
    ['an HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>', 'text/html', /HTML page/],
    ['HTML with an XML content type', '<html><body>Sign in</body></html>', 'application/xml', /HTML page/],
    ['an empty body', '   ', 'application/xml', /empty response/],
    ['plain text', 'Service Unavailable', 'text/plain', /neither XML nor JSON/],
    ['a DTD', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><RestoreSession>&b;</RestoreSession>', 'application/xml', /DTD/],
    ['an unrelated XML document', '<rss version="2.0"><channel><title>x</title></channel></rss>', 'application/xml', /not an Enterprise Manager/],
    ['an unrelated JSON document', '{"hello":"world"}', 'application/json', /not an Enterprise Manager/],
    ['deep nesting', '<a>'.repeat(20000) + '</a>'.repeat(20000), 'application/xml', /malformed XML|not an Enterprise Manager/],
  ];
  for (const [what, body, type, message] of bad) {
    it(`refuses ${what} with malformedResponse`, () => {
      expectError(() => parse(body, type), 'malformedResponse', message);
    });
  }

  it('keeps hostile JSON keys as plain data without touching prototypes', () => {
    const body = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"UID":"urn:veeam:RestoreSession:11111111-2222-4333-8444-555555555555","Name":"n","Type":"RestoreSession","State":"Stopped","Progress":250,"CreationTimeUTC":"2026-02-31T00:00:00Z"}`;
    const d = parse(body, 'application/json');
    assert.ok(d.kind === 'session');
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(d.session.progress, undefined, 'progress outside 0–100 is unknown');
    assert.strictEqual(d.session.creationTime, undefined, 'invalid date is unknown');
    assert.ok(Object.keys(d.session.extra).includes('__proto__'));
  });
});
