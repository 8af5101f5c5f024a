import * as assert from 'assert';
import { parse as parseCsv } from 'csv-parse/sync';
import { isVeeamError } from '../../src/core/errors';
import { csvText } from '../../src/core/export/csvText';
import { LOG_COLUMNS, logRow, logText as exportedLogText } from '../../src/core/export/logRows';
import { parseBackupReplicationDocument } from '../../src/core/kinds/backupReplication/parser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import type { RestoreSessionEvent } from '../../src/core/model/restoreSession';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { logText } from '../../src/core/text/sessionLogText';
import { logStatusOf } from '../../src/webview/logStatus';
import { record, writeReliabilityFile } from './reliabilityLedger';
import { assertNoPrototypePollution, assertUserReadable } from './typedFailure';

const AREA = 'Hostile log records (parsers and log text)';

/** Server text a log record may carry: markup, a textarea breakout, a bidi override, NUL, C0/C1 controls, line breaks. */
const HOSTILE_TITLE = '<script>window.__veeamPwned=1</script>';
const HOSTILE_MESSAGE = '"><img src=x onerror="window.__veeamPwned=2"></textarea><b>bold</b>';
const BIDI = 'invoice\u202Etxt.exe';
const CONTROLS = 'nul\u0000bel\u0007esc\u001b[31mred\u001b[0m c1\u0085\u009b del\u007f';
/** A line break followed by what a forged record line would look like in each text layout. */
const FORGED = 'ok\r\n2026-01-01 00:00:00Z  [Succeeded]  forged\u2028also forged\nthird';
const MEGABYTE = 'm'.repeat(1_000_000);
const UNKNOWN_STATUS = 'Exploded';

/** Microsoft 365 events (`GET /v8/RestoreSessions/{id}/Events`, results page). */
function microsoft365Events(): unknown[] {
  return [
    { id: 'e1', order: 1, type: 'Item', status: 'Failed', title: HOSTILE_TITLE, message: HOSTILE_MESSAGE, itemName: '</textarea><script>1</script>', startTime: '2026-05-01T10:00:00Z' },
    { id: 'e2', order: 2, status: UNKNOWN_STATUS, title: BIDI, message: CONTROLS, startTime: 'not a time' },
    { id: 'e3', order: 3, status: 'Success', title: FORGED, message: MEGABYTE },
    // Missing fields, and numbers, booleans, objects and arrays where strings belong.
    { id: 'e4' },
    { id: 5, order: '6', status: 7, title: 42, message: true, type: { x: 1 }, itemName: ['a'], startTime: 1_700_000_000_000 },
    { id: 'e7', order: 'seven', status: null, title: { toString: 'x' }, message: [HOSTILE_TITLE] },
    // Not records at all: skipped, not thrown on.
    null,
    'a string',
    12,
    [HOSTILE_TITLE],
    { order: 9, title: 'no id' },
  ];
}

/** Backup & Replication `SessionLogResult.records` (`GET /api/v1/sessions/{id}/logs`). */
function backupReplicationRecords(): unknown[] {
  return [
    { id: 1, status: 'Failed', title: HOSTILE_TITLE, description: HOSTILE_MESSAGE, startTime: '2026-05-01T10:00:00Z', additionalInfo: [{ field: '</textarea>', data: HOSTILE_MESSAGE }, { field: 'bidi', data: BIDI }] },
    { id: 2, status: UNKNOWN_STATUS, title: BIDI, description: CONTROLS, startTime: '2026-05-01T10:00:01', additionalInfo: `line one\n${FORGED}` },
    { id: 3, status: 'Succeeded', title: FORGED, description: MEGABYTE, additionalInfo: [{ field: 'big', data: MEGABYTE }] },
    { id: 4 },
    { id: '5', status: 7, title: 42, description: false, startTime: 1_700_000_000_000, additionalInfo: [{ field: 3, data: { nested: HOSTILE_TITLE } }, null, 'x', { field: '', data: '' }] },
    { id: 6, status: { word: 'Failed' }, title: [HOSTILE_TITLE], description: null, additionalInfo: 12 },
    { id: 'six', title: 'no integer id' },
    { id: 1.5, title: 'fractional id' },
    null,
    'a string',
    [HOSTILE_TITLE],
  ];
}

/** Parses like the clients do; anything but a typed VeeamError escaping is a failure. */
function parsedEvents(parse: () => ReturnType<typeof parseMicrosoft365Document>): RestoreSessionEvent[] {
  record(AREA, { inputsTried: 1, faultsInjected: 1 });
  let d: ReturnType<typeof parseMicrosoft365Document>;
  try {
    d = parse();
  } catch (e) {
    if (!isVeeamError(e)) record(AREA, { untypedFailures: 1 });
    assert.ok(isVeeamError(e), `the parser threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e).slice(0, 200)}`);
    assertUserReadable(e);
    throw e;
  }
  assert.strictEqual(d.kind, 'events');
  return d.kind === 'events' ? d.events : [];
}

const microsoft365 = (results: unknown[]): RestoreSessionEvent[] =>
  parsedEvents(() => parseMicrosoft365Document(toRawBody(JSON.stringify({ offset: 0, limit: 1000, results }), 'application/json'), 'events'));
const backupReplication = (records: unknown[]): RestoreSessionEvent[] =>
  parsedEvents(() => parseBackupReplicationDocument(toRawBody(JSON.stringify({ totalRecords: records.length, records }), 'application/json'), 'events'));

// Characters that must not reach a plain-text log: C0/C1 controls (tab aside), bidi controls, Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;

/** Every line of the text is the header, a record line (starts with its time) or indented continuation: none forged. */
function assertNoForgedLines(text: string, events: readonly RestoreSessionEvent[], recordLine: RegExp, headerLines: number): void {
  const lines = text.replace(/\n$/, '').split('\n').slice(headerLines);
  const recordLines = lines.filter((l) => !l.startsWith('    '));
  assert.strictEqual(recordLines.length, events.length, `record lines: ${recordLines.map((l) => JSON.stringify(l.slice(0, 80))).join('\n')}`);
  for (const line of recordLines) assert.match(line, recordLine);
  const unsafe = UNSAFE_IN_TEXT.exec(text);
  assert.ok(unsafe === null, `U+${(unsafe?.[0].charCodeAt(0) ?? 0).toString(16).padStart(4, '0')} reached the text at ${unsafe?.index}`);
}

describe('Hardening: hostile log records', () => {
  afterEach(() => assertNoPrototypePollution());
  after(() => writeReliabilityFile());

  for (const [api, read, input, expectedOrders] of [
    ['Microsoft 365 events', microsoft365, microsoft365Events, [1, 2, 3, 6, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]],
    ['Backup & Replication log records', backupReplication, backupReplicationRecords, [1, 2, 3, 4, 5, 6]],
  ] as const) {
    describe(api, () => {
      it('parse into records (the unusable ones skipped), never a raw TypeError', () => {
        const events = read(input());
        assert.deepStrictEqual(
          events.map((e) => e.order),
          expectedOrders,
        );
        for (const e of events) {
          for (const key of ['id', 'type', 'status', 'title', 'message'] as const) assert.strictEqual(typeof e[key], 'string', `${key} of record ${e.id}`);
        }
        assert.ok(events.some((e) => e.title === HOSTILE_TITLE), 'the hostile title is kept verbatim (the model does not lose data)');
        assert.ok(events.some((e) => e.title === '42'), 'a number where a string belongs is read as its text');
      });

      it('an unknown status is kept as sent and reads as unknown ("other"), never as success or failure', () => {
        const events = read(input());
        const unknown = events.filter((e) => e.status === UNKNOWN_STATUS || e.status === '' || e.status === '7');
        assert.ok(unknown.length >= 3, `statuses: ${events.map((e) => e.status).join(', ')}`);
        for (const e of unknown) assert.strictEqual(logStatusOf(e.status), 'other', `status ${JSON.stringify(e.status)}`);
        const text = logText('# header', events);
        assert.ok(text.includes(`[${UNKNOWN_STATUS} ]`), 'the unknown word is not shown as sent in Open Log as Text');
        assert.ok(exportedLogText(events).includes(`  ${UNKNOWN_STATUS}  `), 'the unknown word is not shown as sent in the exported log');
      });

      it('Open Log as Text: one line per record, no control, bidi or line-separator character, markup only as inert text', () => {
        const events = read(input());
        const text = logText('# header', events);
        assertNoForgedLines(text, events, /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(server time\)|—) {2}\[/, 2);
        assert.ok(text.includes(HOSTILE_TITLE), 'the markup is shown literally');
        assert.ok(text.includes('invoicetxt.exe'), 'the bidi override is dropped, the text kept');
        // A megabyte message stays one line; the text is not many times the size of what came in.
        assert.ok(text.length < 3 * MEGABYTE.length + 100_000, `text length ${text.length}`);
      });

      it('Export Log (text): one header line per record, no control, bidi or line-separator character', () => {
        const events = read(input());
        const text = exportedLogText(events);
        assertNoForgedLines(text, events, /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|\d{4}-\d\d-\d\dT[\d:.]+ \(server time\)|\(no time\)) {2}/, 0);
        assert.ok(text.includes(HOSTILE_TITLE));
      });

      it('Export Log (CSV): one row per record, server text verbatim inside its field, formulas defused', () => {
        const events = read(input());
        const hostile = [...events, { ...events[0], order: 99, title: '=HYPERLINK("http://x","y")', message: '@SUM(1)' }];
        const rows = parseCsv(csvText(LOG_COLUMNS, hostile.map(logRow)), { columns: true, bom: true }) as Array<Record<string, string>>;
        assert.strictEqual(rows.length, hostile.length);
        assert.ok(rows.some((r) => r.title === HOSTILE_TITLE));
        assert.ok(rows.some((r) => r.title === FORGED || r.title === "'" + FORGED), 'the line breaks stay inside the field');
        assert.strictEqual(rows[rows.length - 1].title, `'=HYPERLINK("http://x","y")`);
        assert.strictEqual(rows[rows.length - 1].message, "'@SUM(1)");
      });
    });
  }

  it('bodies that are not a log at all give a typed error or an empty log, never a TypeError', () => {
    const bodies = ['{"records":null}', '{"records":{"0":{}}}', '{"results":"x"}', '{"results":[]}', '{"totalRecords":"many","records":[]}', '[]', 'null', '"records"', '{}', '{"records":[1,2,3]}'];
    for (const body of bodies) {
      for (const parse of [() => parseMicrosoft365Document(toRawBody(body, 'application/json'), 'events'), () => parseBackupReplicationDocument(toRawBody(body, 'application/json'), 'events')]) {
        record(AREA, { inputsTried: 1, faultsInjected: 1 });
        try {
          const d = parse();
          if (d.kind === 'events') assert.strictEqual(d.events.length, 0, body);
        } catch (e) {
          assert.ok(isVeeamError(e), `${body}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          assertUserReadable(e);
        }
      }
    }
  });
});
