import * as assert from 'assert';
import { parseEnterpriseManagerDocument } from '../../src/core/kinds/enterpriseManager/enterpriseManagerParser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import { parseBackupReplicationDocument } from '../../src/core/kinds/backupReplication/parser';
import type { ParsedDocument } from '../../src/core/parsing/parsedDocument';
import { toRawBody } from '../../src/core/parsing/rawBody';
import type { RestoreSession, ServerKind } from '../../src/core/model/restoreSession';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { assertNoPrototypePollution, expectReadableThrow } from './typedFailure';
import { billionLaughsXml, enterpriseManagerEntityXml, externalEntityXml, microsoft365Session, SESSION_ID } from './veeamBodies';

const AREA = 'Hostile bodies (parsers directly)';
const UID = `urn:veeam:RestoreSession:${SESSION_ID}`;

function parse(kind: ServerKind, body: string, contentType = kind === 'em' && body.trimStart().startsWith('<') ? 'application/xml' : 'application/json'): ParsedDocument {
  record(AREA, { inputsTried: 1, faultsInjected: 1 });
  const raw = toRawBody(body, contentType);
  return kind === 'em' ? parseEnterpriseManagerDocument(raw) : kind === 'vb365' ? parseMicrosoft365Document(raw) : parseBackupReplicationDocument(raw);
}

/** A Backup & Replication SessionModel as 1.3-rev1 writes it, with `fields` on top. */
function backupReplicationSession(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { sessionType: 'RestoreVm', state: 'Stopped', id: SESSION_ID, name: 'n', jobId: SESSION_ID, creationTime: '2026-05-20T10:30:00Z', usn: 0, ...fields };
}

function session(kind: ServerKind, fields: Record<string, unknown>): RestoreSession {
  const base = kind === 'em' ? { UID, Type: 'RestoreSession', Name: 'n' } : microsoft365Session();
  const d = parse(kind, JSON.stringify({ ...base, ...fields }));
  assert.ok(d.kind === 'session', `expected a session, got ${d.kind}`);
  return d.session;
}

describe('Hardening: hostile bodies straight into the parsers', () => {
  afterEach(() => assertNoPrototypePollution());
  after(() => writeReliabilityFile());

  describe('XML that tries to make the parser do work or reach out', () => {
    const cases: Array<[string, string]> = [
      ['an external entity (XXE)', externalEntityXml()],
      ['entity expansion ("billion laughs")', billionLaughsXml()],
      ['a DTD after a BOM, declaration and comment', `\uFEFF<?xml version="1.0"?><!-- hi --><!DOCTYPE RestoreSession SYSTEM "http://127.0.0.1:1/x.dtd"><RestoreSession UID="${UID}"/>`],
      ['a DTD hidden inside the root element', `<RestoreSession UID="${UID}"><!DOCTYPE x [<!ENTITY a "expanded">]><Name>&a;</Name></RestoreSession>`],
      ['a parameter entity', `<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><RestoreSession UID="${UID}"/>`],
    ];
    for (const [what, body] of cases) {
      it(`refuses ${what} as malformedResponse (DTD)`, () => {
        const e = expectReadableThrow(() => parse('em', body), 'malformedResponse');
        assert.match(e.message, /DTD/);
      });
    }

    it('leaves undeclared entity references as text, never resolving them', () => {
      const d = parse('em', `<RestoreSession UID="${UID}" Name="&xxe;&amp;&#x41;"/>`);
      assert.ok(d.kind === 'session');
      assert.strictEqual(d.session.name, '&xxe;&A');
    });

    it('refuses JavaScript-reserved element and attribute names instead of building objects from them', () => {
      for (const body of [
        `<RestoreSession UID="${UID}"><__proto__><polluted>1</polluted></__proto__></RestoreSession>`,
        `<RestoreSession UID="${UID}"><constructor><prototype><polluted>1</polluted></prototype></constructor></RestoreSession>`,
        `<RestoreSession UID="${UID}" __proto__="x"/>`,
      ]) {
        expectReadableThrow(() => parse('em', body), 'malformedResponse');
      }
    });

    it('refuses 100,000 nested elements with a typed error (no stack overflow)', () => {
      expectReadableThrow(() => parse('em', `<RestoreSession UID="${UID}">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</RestoreSession>`), 'malformedResponse');
    });
  });

  describe('bounded, secret-free messages whatever the body holds', () => {
    it('clips a 100 KB tag name in a malformed-XML message', () => {
      const e = expectReadableThrow(() => parse('em', `<RestoreSession><${'a'.repeat(100_000)}></b></RestoreSession>`), 'malformedResponse');
      assert.ok(e.message.length < 400, `message length ${e.message.length}`);
    });

    it('clips a 100 KB root element name of an unrelated document', () => {
      const name = 'x'.repeat(100_000);
      expectReadableThrow(() => parse('em', `<${name}>1</${name}>`), 'malformedResponse');
    });

    it('never quotes the body of malformed JSON (it may hold a token)', () => {
      const token = 'eyJhbGciOiJSUzI1NiJ9-sensitive-token';
      for (const body of [`{"access_token": ${token}}`, `${token}`, `{"refresh_token":"x", "access_token": ${token}`]) {
        expectReadableThrow(() => parse('vb365', body, 'application/json'), 'malformedResponse', [token, token.slice(0, 10)]);
      }
    });

    it('clips huge server messages in VB365 errors and OAuth errors to one bounded line', () => {
      const e1 = expectReadableThrow(() => parse('vb365', JSON.stringify({ message: 'boom\n'.repeat(50_000), errorCode: 'E'.repeat(10_000) })), 'serverError');
      assert.ok((e1.veeamMessage ?? '').length <= 501);
      const e2 = expectReadableThrow(() => parse('vb365', JSON.stringify({ error: 'invalid_grant', error_description: 'no\r\n'.repeat(50_000) })), 'authFailed');
      assert.ok(!/[\r\n]/.test(e2.veeamMessage ?? ''));
      expectReadableThrow(() => parse('em', JSON.stringify({ Message: 'z'.repeat(100_000), StatusCode: 500 })), 'serverError');
    });
  });

  describe('JSON with hostile keys and shapes', () => {
    for (const kind of ['em', 'vb365'] as const) {
      it(`${kind}: __proto__, constructor and prototype keys at every level stay plain data`, () => {
        const hostile = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}';
        const inner = JSON.stringify(kind === 'em' ? { UID, Type: 'RestoreSession', Name: 'n' } : microsoft365Session()).slice(1);
        const wrapped = kind === 'em' ? `{"RestoreSessions":[${hostile},${inner}]}` : `{"results":[${hostile},${inner}],"offset":0,"limit":30}`;
        const single = parse(kind, `${hostile},${inner}`);
        assert.ok(single.kind === 'session');
        assert.ok(Object.keys(single.session.extra).includes('__proto__'), 'the hostile key is kept as data');
        for (const body of [`[${hostile},${inner}]`, wrapped]) {
          const d = parse(kind, body);
          assert.ok(d.kind === 'list');
          assert.strictEqual(d.sessions.length, 1);
          // List rows keep no unknown fields (those come with getSession); the row itself stays an ordinary object.
          assert.ok(!('extra' in d.sessions[0]) && Object.getPrototypeOf(d.sessions[0]) === Object.prototype);
          assertNoPrototypePollution();
        }
      });

      it(`${kind}: 200,000 nested arrays and objects give a typed error or an empty result, never a RangeError`, () => {
        for (const body of ['['.repeat(200_000) + ']'.repeat(200_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
          try {
            const d = parse(kind, body);
            assert.ok(d.kind === 'list' && d.sessions.length === 0, `unexpected ${d.kind}`);
          } catch (e) {
            expectReadableThrow(() => {
              throw e;
            }, 'malformedResponse');
          }
        }
      });
    }

    it('keeps a 5 MB name whole (display code clips, the model does not lose data)', () => {
      assert.strictEqual(session('em', { Name: 'n'.repeat(5_000_000) }).name.length, 5_000_000);
    });
  });

  describe('Backup & Replication bodies', () => {
    it('__proto__, constructor and prototype keys in a session, an envelope and a log stay plain data', () => {
      const hostile = '"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}';
      const inner = JSON.stringify(backupReplicationSession()).slice(1, -1);
      const single = parse('vbr', `{${hostile},${inner}}`);
      assert.ok(single.kind === 'session');
      assert.ok(Object.keys(single.session.extra).includes('__proto__'), 'the hostile key is kept as data');
      const d = parse('vbr', `{"data":[{${hostile}},{${hostile},${inner}}],"pagination":{${hostile},"total":2,"count":2}}`);
      assert.ok(d.kind === 'list' && d.sessions.length === 1 && d.skipped === 1);
      const log = parse('vbr', `{"totalRecords":1,"records":[{${hostile},"id":1,"title":"t","additionalInfo":[{${hostile},"field":"f","data":{${hostile}}}]}]}`);
      assert.ok(log.kind === 'events' && log.events.length === 1);
      assertNoPrototypePollution();
    });

    it('deep nesting, also inside additionalInfo and progress, gives a typed error or a value, never a RangeError', () => {
      const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
      for (const body of ['['.repeat(200_000) + ']'.repeat(200_000), deep, `{"totalRecords":1,"records":[{"id":1,"additionalInfo":[{"field":"f","data":${deep}}]}]}`, JSON.stringify(backupReplicationSession()).replace(/}$/, `,"progress":${deep}}`)]) {
        try {
          const d = parse('vbr', body);
          assert.ok(['events', 'session'].includes(d.kind), `unexpected ${d.kind}`);
        } catch (e) {
          expectReadableThrow(() => {
            throw e;
          }, 'malformedResponse');
        }
      }
    });

    it('clips a huge Error message and errorCode to bounded lines', () => {
      const e = expectReadableThrow(() => parse('vbr', JSON.stringify({ errorCode: 'NotFound\n'.repeat(10_000), message: 'boom\n'.repeat(50_000), resourceId: 'r'.repeat(100_000) })), 'serverError');
      assert.ok((e.veeamMessage ?? '').length <= 501 && !/[\r\n]/.test(e.veeamMessage ?? ''));
    });

    it('keeps 10,000 lines of additionalInfo bounded', () => {
      const info = Array.from({ length: 10_000 }, (_, i) => ({ field: `f${i}`, data: 'x'.repeat(100) }));
      const d = parse('vbr', JSON.stringify({ totalRecords: 1, records: [{ id: 1, title: 't', additionalInfo: info }] }));
      assert.ok(d.kind === 'events' && (d.events[0].additionalInfo ?? '').length <= 10_000);
    });

    it('invalid times are none, and a zone-less one is never presented as UTC', () => {
      for (const value of ['2026-02-30T10:00:00Z', '2026-01-01T24:00:00', '0001-01-01T00:00:00', 'yesterday', '', 1_700_000_000_000, { a: 1 }]) {
        const d = parse('vbr', JSON.stringify(backupReplicationSession({ creationTime: value, endTime: value })));
        assert.ok(d.kind === 'session');
        assert.strictEqual(d.session.creationTime, undefined, JSON.stringify(value));
        assert.strictEqual(d.session.creationTimeLocal, undefined, JSON.stringify(value));
        assert.strictEqual(d.session.durationMs, undefined);
      }
    });
  });

  describe('values outside the vocabulary become unknown, never wrong', () => {
    const invalidDates = ['2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+14:99', '2026-01-01T00:00:00+15:00', '0000-01-01T00:00:00Z', '1753-01-01T00:00:00Z', 'yesterday', '', '2026-01-01', 1_700_000_000_000, true, { a: 1 }, ['2026-01-01T00:00:00Z']];
    for (const kind of ['em', 'vb365'] as const) {
      it(`${kind}: invalid dates are undefined`, () => {
        for (const value of invalidDates) {
          const s = session(kind, kind === 'em' ? { CreationTimeUTC: value, State: 'Stopped', EndTimeUTC: value } : { creationTime: value, state: 'Stopped', endTime: value });
          assert.strictEqual(s.creationTime, undefined, `creationTime from ${JSON.stringify(value)}`);
          assert.strictEqual(s.endTime, undefined);
          assert.strictEqual(s.durationMs, undefined);
        }
      });

      it(`${kind}: an end before the start gives no negative duration`, () => {
        const s = session(kind, kind === 'em' ? { CreationTimeUTC: '2026-05-02T00:00:00Z', EndTimeUTC: '2026-05-01T00:00:00Z', State: 'Stopped' } : { creationTime: '2026-05-02T00:00:00Z', endTime: '2026-05-01T00:00:00Z', state: 'Stopped' });
        assert.strictEqual(s.durationMs, undefined);
      });

      it(`${kind}: unknown states, results and types are kept verbatim and read as unknown`, () => {
        const s = session(kind, kind === 'em' ? { State: 'Pausing', Result: 'Cancelled', JobType: 'InstantRecovery' } : { state: 'Suspended', result: 'Cancelled', type: 'Vexx' });
        assert.strictEqual(s.state, 'unknown');
        assert.strictEqual(s.result, 'unknown');
        assert.ok(['Pausing', 'Suspended'].includes(s.rawState));
        assert.strictEqual(s.rawResult, 'Cancelled');
        assert.ok(['InstantRecovery', 'Vexx'].includes(s.type));
        const odd = session(kind, kind === 'em' ? { State: { x: 1 }, Result: [1], JobType: null } : { state: { x: 1 }, result: [1], type: null });
        assert.strictEqual(odd.state, 'unknown');
        assert.strictEqual(odd.rawState, '');
        assert.strictEqual(odd.type, '');
      });

      it(`${kind}: duplicate ids in a list, in any letter case, are dropped and counted`, () => {
        const upper = SESSION_ID.toUpperCase();
        const rows = [SESSION_ID, upper, SESSION_ID].map((id) => (kind === 'em' ? { UID: `urn:veeam:RestoreSession:${id}`, Type: 'RestoreSession', Name: id } : microsoft365Session({ id, name: id })));
        const d = parse(kind, JSON.stringify(kind === 'em' ? { RestoreSessions: rows } : rows));
        assert.ok(d.kind === 'list');
        assert.strictEqual(d.sessions.length, 1);
        assert.strictEqual(d.sessions[0].name, SESSION_ID, 'the first occurrence wins');
        assert.strictEqual(d.skipped, 2);
      });
    }

    it('em: progress outside 0–100 or not a decimal number is undefined; inside, a whole number', () => {
      const expected: Array<[unknown, number | undefined]> = [
        [-1, undefined], [101, undefined], [100.6, undefined], [Number.MAX_VALUE, undefined], ['NaN', undefined], ['0x10', undefined], ['1e1', undefined], ['', undefined], [true, undefined], [null, undefined], [{}, undefined],
        [0, 0], [-0, 0], [42, 42], ['42', 42], [' 64 ', 64], [99.5, 100], [100, 100],
      ];
      for (const [value, progress] of expected) {
        const s = session('em', { Progress: value, State: 'Working' });
        assert.ok(Object.is(s.progress, progress), `Progress ${JSON.stringify(value)} → ${String(s.progress)}, expected ${String(progress)}`);
      }
      // XML text too: the parser keeps element text as strings.
      const d = parse('em', enterpriseManagerEntityXml({ progress: '250' }));
      assert.ok(d.kind === 'session' && d.session.progress === undefined);
    });
  });
});
