import fc from 'fast-check';

/**
 * fast-check arbitraries for bodies that look like Veeam's (shared/veeam-api.md A.6, B.5) with values
 * drawn from both the documented vocabulary and its edges, plus byte-level mutations on top.
 */

const KNOWN_STATES = ['Starting', 'Working', 'Stopping', 'Stopped', 'working', 'STOPPED', 'Running', 'Finished'];
const KNOWN_RESULTS = ['None', 'Success', 'Warning', 'Failed', 'success', ''];
const KNOWN_TYPES = ['RestoreVm', 'FileLevelRestore', 'Vex', 'Veod', 'Vesp', 'Vet'];
const HOSTILE_STRINGS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '<script>alert(1)</script>', '\u202Egnp.exe', '\u0000', '&amp;', ']]>', '\uFEFF', '\uD800'];

/** Something a lenient server might put into any field. */
const oddScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const oddValue = fc.oneof({ weight: 4, arbitrary: oddScalar }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_STRINGS, 'a', 'Href'), oddScalar, { maxKeys: 3 }) });

/** Timestamps in Veeam's shapes (0–7 fractional digits, Z / offset / none) around the valid range, plus garbage. */
export const veeamTimestamp = fc.oneof(
  { weight: 4, arbitrary: fc
    .tuple(fc.integer({ min: 1700, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.stringMatching(/^\d{0,8}$/), fc.constantFrom('Z', 'z', '', '+02:00', '-07:00', '+14:00', '+14:99', '-23:59'))
    .map(([y, mo, d, h, mi, s, frac, zone]) => {
      const p = (n: number, w = 2): string => String(n).padStart(w, '0');
      return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${frac ? `.${frac}` : ''}${zone}`;
    }) },
  { weight: 1, arbitrary: oddValue },
);

const progress = fc.oneof(fc.integer({ min: -20, max: 120 }), fc.double({ min: -1, max: 101, noNaN: false }), fc.integer({ min: -20, max: 120 }).map(String), fc.constantFrom('0x10', '1e1', ' 50 ', '', '-0'), oddValue);

/** A session id: mostly GUIDs in any case, sometimes not. */
const sessionId = fc.oneof({ weight: 5, arbitrary: fc.uuid().map((u) => u) }, { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) }, { weight: 1, arbitrary: oddScalar });

function maybe<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 4 });
}

const fromVocabulary = (values: string[]): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: oddValue });

/** Fields of one EM RestoreSession (JSON names; the XML form uses the same names). */
export const enterpriseManagerSessionFields = fc.record(
  {
    id: sessionId,
    Name: maybe(fc.oneof(fc.string({ maxLength: 60 }), oddValue)),
    JobType: maybe(fromVocabulary(KNOWN_TYPES)),
    State: maybe(fromVocabulary(KNOWN_STATES)),
    Result: maybe(fromVocabulary(KNOWN_RESULTS)),
    Progress: maybe(progress),
    CreationTimeUTC: maybe(veeamTimestamp),
    EndTimeUTC: maybe(veeamTimestamp),
    RestoredObjRef: maybe(fc.oneof(fc.constantFrom('urn:VMware:Vm:7f3b.vm-1618', 'urn:HyperV:Vm:a.b', 'urn:vCloud:Vm:x.y'), oddValue)),
    extraKey: maybe(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 5), 'FailureMessage', 'JobUid')),
    extraValue: oddValue,
  },
  { requiredKeys: ['id', 'extraValue'] },
);
export type EnterpriseManagerSessionFields = typeof enterpriseManagerSessionFields extends fc.Arbitrary<infer T> ? T : never;

function enterpriseManagerJsonObject(f: EnterpriseManagerSessionFields): Record<string, unknown> {
  const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const { id, extraKey, extraValue, ...rest } = f;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) o[k] = v;
  o.UID = `urn:veeam:RestoreSession:${String(id)}`;
  o.Href = `https://localhost:9398/api/restoreSessions/${String(id)}?format=Entity`;
  o.Type = 'RestoreSession';
  o.Links = [{ Rel: 'Up', Href: 'https://localhost:9398/api/backupServers/1', Type: 'BackupServerReference' }];
  if (extraKey) o[extraKey] = extraValue;
  return o;
}

function xmlEscape(v: unknown): string {
  const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // XML 1.0 cannot carry most control characters at all; a real server would not send them.
  const printable = [...text].filter((ch) => ch.charCodeAt(0) >= 0x20 || ch === '\t' || ch === '\n' || ch === '\r').join('');
  return printable.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function enterpriseManagerXmlElement(f: EnterpriseManagerSessionFields): string {
  const elements = (['JobType', 'CreationTimeUTC', 'EndTimeUTC', 'State', 'Result', 'Progress', 'RestoredObjRef'] as const)
    .filter((k) => f[k] !== undefined)
    .map((k) => `<${k}>${xmlEscape(f[k])}</${k}>`)
    .join('');
  const name = f.Name === undefined ? '' : ` Name="${xmlEscape(f.Name)}"`;
  return `<RestoreSession Href="https://localhost:9398/api/restoreSessions/${xmlEscape(f.id)}?format=Entity" Type="RestoreSession"${name} UID="urn:veeam:RestoreSession:${xmlEscape(f.id)}"><Links><Link Href="https://localhost:9398/api/backupServers/1" Rel="Up"/></Links>${elements}</RestoreSession>`;
}

const EM_NS = 'xmlns="http://www.veeam.com/ent/v1.0"';

/** A whole EM body: a single entity or a list/query page, as XML or JSON. */
export const enterpriseManagerBody = fc
  .tuple(fc.array(enterpriseManagerSessionFields, { minLength: 1, maxLength: 6 }), fc.constantFrom('entity', 'list', 'query'), fc.constantFrom('xml', 'json'), fc.boolean())
  .map(([sessions, shape, format, bom]) => {
    let text: string;
    if (format === 'json') {
      const objects = sessions.map(enterpriseManagerJsonObject);
      const paging = { Links: [{ Rel: 'Next', Href: 'https://localhost:9398/api/query?page=2' }], PageNum: 1, PageSize: 6, PagesCount: 2 };
      text = JSON.stringify(shape === 'entity' ? objects[0] : shape === 'list' ? { RestoreSessions: objects } : { Entities: { RestoreSessions: { RestoreSessions: objects } }, PagingInfo: paging });
    } else {
      const items = sessions.map(enterpriseManagerXmlElement);
      const decl = '<?xml version="1.0" encoding="utf-8"?>';
      text =
        shape === 'entity'
          ? `${decl}${items[0].replace('<RestoreSession ', `<RestoreSession ${EM_NS} `)}`
          : shape === 'list'
            ? `${decl}<RestoreSessions ${EM_NS}>${items.join('')}</RestoreSessions>`
            : `${decl}<QueryResult ${EM_NS}><Entities><RestoreSessions>${items.join('')}</RestoreSessions></Entities><PagingInfo PageNum="1" PageSize="6" PagesCount="2"><Links><Link Rel="Next" Href="https://localhost:9398/api/query?page=2"/></Links></PagingInfo></QueryResult>`;
    }
    return { text: bom ? `\uFEFF${text}` : text, contentType: format === 'xml' ? 'application/xml' : 'application/json', sessions };
  });

/** Fields of one VB365 RESTRestoreSession (camelCase, B.5.1). */
export const microsoft365SessionObject = fc
  .record(
    {
      id: sessionId,
      name: maybe(fc.oneof(fc.string({ maxLength: 60 }), oddValue)),
      organization: maybe(fc.oneof(fc.constant('contoso.onmicrosoft.com'), oddValue)),
      type: maybe(fromVocabulary(KNOWN_TYPES)),
      state: maybe(fromVocabulary(KNOWN_STATES)),
      result: maybe(fromVocabulary(KNOWN_RESULTS)),
      creationTime: maybe(veeamTimestamp),
      endTime: maybe(veeamTimestamp),
      initiatedBy: maybe(oddValue),
      _links: maybe(fc.oneof(fc.constant({ self: { href: '/v8/RestoreSessions/x' }, events: { href: '/v8/RestoreSessions/x/Events' } }), oddValue)),
      hostile: maybe(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 5))),
    },
    { requiredKeys: ['id'] },
  )
  .map(({ hostile, ...fields }) => {
    const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) o[k] = v;
    if (hostile) o[hostile] = { polluted: 1 };
    return o;
  });

/** A whole VB365 body: one session, a v3 bare array, a v4+ page, an events page, a token or an error. */
export const microsoft365Body = fc
  .tuple(fc.array(microsoft365SessionObject, { minLength: 1, maxLength: 6 }), fc.constantFrom('session', 'array', 'page', 'events', 'token', 'error'), fc.nat({ max: 100 }))
  .map(([sessions, shape, offset]) => {
    const events = sessions.map((s, i) => ({ id: s.id, order: i, type: 'Restore', status: s.state, title: s.name, message: 'm', startTime: s.creationTime }));
    const body =
      shape === 'session' ? sessions[0]
      : shape === 'array' ? sessions
      : shape === 'page' ? { offset, limit: 6, results: sessions, _links: { next: { href: '/v8/RestoreSessions?offset=6&limit=6' } } }
      : shape === 'events' ? { offset: 0, limit: 30, results: events }
      : shape === 'token' ? { access_token: sessions[0].name ?? 'a', token_type: 'bearer', expires_in: sessions[0].state, refresh_token: 'r' }
      : { message: sessions[0].name, errorCode: sessions[0].type };
    return { text: JSON.stringify(body) ?? 'null', contentType: 'application/json', shape };
  });

const VBR_STATES = ['Stopped', 'Working', 'Starting', 'Stopping', 'WaitingRepository', 'ActionRequired', 'Idle', 'stopped', 'Hibernating'];
const VBR_RESULTS = ['None', 'Success', 'Warning', 'Failed', 'success', ''];
const VBR_TYPES = ['RestoreVm', 'InstantRecovery', 'FileLevelRestore', 'EntraIdRestore', 'QuickMigration', 'Failover', 'BackupJob', 'Job', 'SomethingNewer'];
const VBR_PLATFORMS = ['VMware', 'HyperV', 'CloudDirector', 'Vcd', 'WindowsPhysical', 'EntraID', 'Kubernetes', ''];

/** Fields of one Backup & Replication SessionModel (shared/veeam-api-vbr.md §5.1): nulls or omissions, both job-id names. */
export const backupReplicationSessionObject = fc
  .record(
    {
      sessionType: fromVocabulary(VBR_TYPES),
      state: maybe(fromVocabulary(VBR_STATES)),
      platformName: maybe(fromVocabulary(VBR_PLATFORMS)),
      id: sessionId,
      name: maybe(fc.oneof(fc.string({ maxLength: 60 }), oddValue)),
      jobId: maybe(sessionId),
      activityId: maybe(sessionId),
      creationTime: veeamTimestamp,
      endTime: maybe(fc.oneof(veeamTimestamp, fc.constant('0001-01-01T00:00:00'))),
      progressPercent: maybe(progress),
      result: maybe(fc.oneof(fromVocabulary(VBR_RESULTS).map((result) => ({ result, message: 'm', isCanceled: false })), fc.record({ result: oddValue, message: oddValue, isCanceled: oddValue }), oddValue)),
      resourceReference: maybe(oddValue),
      parentSessionId: maybe(sessionId),
      usn: maybe(fc.oneof(fc.integer(), oddValue)),
      progress: maybe(fc.oneof(fc.record({ duration: oddValue, processingRate: oddValue, processedSize: oddValue, transferedSize: oddValue, progressPercent: progress }), oddValue)),
      hostile: maybe(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 5))),
    },
    { requiredKeys: ['sessionType', 'id', 'creationTime'] },
  )
  .map(({ hostile, ...fields }) => {
    const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) o[k] = v;
    if (hostile) o[hostile] = { polluted: 1 };
    return o;
  });

const additionalInfo = fc.oneof(oddValue, fc.array(fc.record({ field: oddValue, data: oddValue }), { maxLength: 4 }));

/** A whole VBR body: a session, a sessions or task-sessions envelope, a session log, a token, an Error body or `{}`. */
export const backupReplicationBody = fc
  .tuple(fc.array(backupReplicationSessionObject, { minLength: 1, maxLength: 6 }), fc.constantFrom('session', 'envelope', 'tasks', 'log', 'token', 'error', 'empty'), fc.nat({ max: 100 }), additionalInfo)
  .map(([sessions, shape, total, info]) => {
    const pagination = { total, count: sessions.length, skip: total % 3 === 0 ? null : 0, limit: 200 };
    const tasks = sessions.map((s) => ({ type: 'Restore', id: s.id, sessionId: s.jobId ?? s.id, sessionType: s.sessionType, creationTime: s.creationTime, endTime: s.endTime, name: s.name, state: s.state, result: s.result }));
    const records = sessions.map((s, i) => ({ id: i % 2 === 0 ? sessions.length - i : s.usn, status: s.state, startTime: s.creationTime, updateTime: s.endTime, title: s.name, description: s.platformName, additionalInfo: info }));
    const body =
      shape === 'session' ? sessions[0]
      : shape === 'envelope' ? { data: sessions, pagination }
      : shape === 'tasks' ? { data: tasks, pagination }
      : shape === 'log' ? { totalRecords: records.length, records }
      : shape === 'token' ? { access_token: sessions[0].name ?? 'a', token_type: 'bearer', refresh_token: 'r', expires_in: sessions[0].usn, '.issued': sessions[0].creationTime }
      : shape === 'error' ? { errorCode: sessions[0].sessionType, message: sessions[0].name, resourceId: sessions[0].id }
      : {};
    const expect = shape === 'tasks' ? 'taskSessions' : shape === 'log' ? 'events' : 'sessions';
    return { text: JSON.stringify(body) ?? 'null', contentType: 'application/json', shape, expect, sessions } as const;
  });

/** Ways a body goes wrong on the wire or at a broken server. `none` keeps it intact. */
export type Mutation = { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'splice'; at: number; remove: number; insert: string } | { kind: 'duplicate'; at: number; length: number } | { kind: 'contentType'; value: string | undefined };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.nat().map((at): Mutation => ({ kind: 'truncate', at })) },
  { weight: 3, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('<', '>', '"', '{', '}', '[', ']', ',', '&', '<!DOCTYPE x>', '&lol;', '\\u0000', '</RestoreSession>', '"__proto__":{"polluted":1},')) }).map((r): Mutation => ({ kind: 'splice', ...r })) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), length: fc.nat({ max: 200 }) }).map((r): Mutation => ({ kind: 'duplicate', ...r })) },
  { weight: 1, arbitrary: fc.constantFrom<string | undefined>('text/html', 'text/plain', undefined, 'application/octet-stream', 'application/json', 'application/xml').map((value): Mutation => ({ kind: 'contentType', value })) },
);

export function applyMutation(body: { text: string; contentType: string | undefined }, m: Mutation): { text: string; contentType: string | undefined } {
  const { text } = body;
  switch (m.kind) {
    case 'none':
      return body;
    case 'truncate':
      return { ...body, text: text.slice(0, m.at % (text.length + 1)) };
    case 'splice': {
      const at = m.at % (text.length + 1);
      return { ...body, text: text.slice(0, at) + m.insert + text.slice(at + m.remove) };
    }
    case 'duplicate': {
      const at = m.at % (text.length + 1);
      return { ...body, text: text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at) };
    }
    case 'contentType':
      return { ...body, contentType: m.value };
  }
}
