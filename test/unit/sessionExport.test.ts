import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import { csvText } from '../../src/core/export/csvText';
import { LOG_COLUMNS, logRow, logText } from '../../src/core/export/logRows';
import { SESSION_COLUMNS, sessionRow, sessionsJson, type ExportedSession } from '../../src/core/export/sessionRows';
import { kindDescriptor, SERVER_KINDS } from '../../src/core/kinds/serverKinds';
import type { RestoreSessionEvent, RestoreSessionSummary } from '../../src/core/model/restoreSession';

function session(overrides: Partial<RestoreSessionSummary> = {}): RestoreSessionSummary {
  return {
    kind: SERVER_KINDS[0].id,
    id: '0f7b6c1e-2a44-4b5e-9c1d-3e2f1a0b9c8d',
    uid: 'urn:veeam:RestoreSession:0f7b6c1e-2a44-4b5e-9c1d-3e2f1a0b9c8d',
    name: 'Restore web01',
    type: 'RestoreVm',
    typeLabel: 'VM restore',
    platform: 'vSphere',
    state: 'finished',
    rawState: 'Stopped',
    result: 'success',
    rawResult: 'Success',
    progress: 100,
    creationTime: '2026-03-01T10:00:00.000Z',
    endTime: '2026-03-01T10:03:12.500Z',
    durationMs: 192_500,
    ...overrides,
  };
}

function sessionsCsv(sessions: readonly ExportedSession[]): string {
  return csvText(SESSION_COLUMNS, sessions.map(sessionRow));
}

/** Parsed back with the CSV library's own reader, one object per row keyed by the header. */
function parseCsv(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
}

describe('session export (rows, CSV, JSON)', () => {
  it('writes a header row and one CRLF-ended record per session, times in ISO 8601 UTC and the duration in seconds', () => {
    const text = sessionsCsv([{ serverName: 'em01', session: session() }]);
    const lines = text.split('\r\n');
    assert.strictEqual(lines[0], SESSION_COLUMNS.join(','));
    assert.strictEqual(lines.length, 3, 'header, one record, and the final line end');
    assert.strictEqual(lines[2], '');
    const [row] = parseCsv(text);
    assert.strictEqual(row.server, 'em01');
    assert.strictEqual(row.kind, kindDescriptor(SERVER_KINDS[0].id).productName);
    assert.strictEqual(row.creationTime, '2026-03-01T10:00:00.000Z');
    assert.strictEqual(row.endTime, '2026-03-01T10:03:12.500Z');
    assert.strictEqual(row.durationSeconds, '192.5');
    assert.strictEqual(row.progress, '100');
    assert.strictEqual(row.state, 'finished');
    assert.strictEqual(row.serverState, 'Stopped');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and they read back unchanged', () => {
    const name = 'Restore "web01", then\r\ncheck\nlogs';
    const text = sessionsCsv([{ serverName: 'Lab, east', session: session({ name }) }]);
    assert.ok(text.includes('"Restore ""web01"", then\r\ncheck\nlogs"'), text);
    assert.ok(text.includes('"Lab, east"'), text);
    const [row] = parseCsv(text);
    assert.strictEqual(row.name, name);
    assert.strictEqual(row.server, 'Lab, east');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves other text and numbers alone', () => {
    const names = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const sessions = names.map((name, i) => ({ serverName: 'em01', session: session({ id: `id-${i}`, name }) }));
    sessions.push({ serverName: '=server', session: session({ id: 'plain', name: 'web-01 = ok', progress: 0 }) });
    const rows = parseCsv(sessionsCsv(sessions));
    assert.deepStrictEqual(
      rows.slice(0, names.length).map((r) => r.name),
      names.map((n) => `'${n}`),
    );
    assert.strictEqual(rows[names.length].name, 'web-01 = ok');
    assert.strictEqual(rows[names.length].server, "'=server");
    assert.strictEqual(rows[names.length].progress, '0');
  });

  it('puts a zone-less time in the server-time column, never in the UTC one', () => {
    const zoneLess = session({ creationTime: undefined, endTime: undefined, durationMs: undefined, creationTimeLocal: '2026-03-01T11:00:00', endTimeLocal: '2026-03-01T11:05:00' });
    const [row] = parseCsv(sessionsCsv([{ serverName: 'vbr01', session: zoneLess }]));
    assert.strictEqual(row.creationTime, '');
    assert.strictEqual(row.endTime, '');
    assert.strictEqual(row.durationSeconds, '');
    assert.strictEqual(row.creationServerTime, '2026-03-01T11:00:00');
    assert.strictEqual(row.endServerTime, '2026-03-01T11:05:00');
  });

  it('shows an unknown state and result as unknown with the server word beside it, and empty fields for what was not sent', () => {
    const odd = session({ state: 'unknown', rawState: 'Postprocessing', result: 'unknown', rawResult: 'Partial', progress: undefined, uid: undefined, endTime: undefined, durationMs: undefined, platform: 'unknown' });
    const [row] = parseCsv(sessionsCsv([{ serverName: 'vbr01', session: odd }]));
    assert.strictEqual(row.state, 'unknown');
    assert.strictEqual(row.serverState, 'Postprocessing');
    assert.strictEqual(row.result, 'unknown');
    assert.strictEqual(row.serverResult, 'Partial');
    assert.strictEqual(row.progress, '');
    assert.strictEqual(row.uid, '');
    assert.strictEqual(row.endTime, '');
    assert.strictEqual(row.platform, 'unknown');
  });

  it('names each kind by its product name', () => {
    const rows = parseCsv(sessionsCsv(SERVER_KINDS.map((k, i) => ({ serverName: `s${i}`, session: session({ kind: k.id, id: `id-${i}` }) }))));
    assert.deepStrictEqual(
      rows.map((r) => r.kind),
      SERVER_KINDS.map((k) => k.productName),
    );
  });

  it('writes only the header for no sessions', () => {
    assert.strictEqual(sessionsCsv([]), `${SESSION_COLUMNS.join(',')}\r\n`);
  });

  it('JSON: one array of the normalised model, each element with its server name', () => {
    const a = session();
    const b = session({ id: 'other', creationTimeLocal: '2026-03-01T11:00:00', creationTime: undefined });
    const parsed = JSON.parse(sessionsJson([{ serverName: 'em01', session: a }, { serverName: 'vbr01', session: b }])) as unknown[];
    assert.deepStrictEqual(parsed, [
      { server: 'em01', ...a },
      { server: 'vbr01', ...JSON.parse(JSON.stringify(b)) },
    ]);
  });
});

describe('log export (CSV, text)', () => {
  const events: RestoreSessionEvent[] = [
    { id: '1', type: 'Info', status: 'Success', title: 'Starting restore', message: 'Starting restore', order: 1, startTime: '2026-03-01T10:00:00.000Z', endTime: undefined, duration: '00:00:01' },
    { id: '2', type: 'Info', status: 'Failed', title: 'Restoring disk', message: '=cmd|"/c calc"!A0\nsecond line', order: 2, startTime: undefined, startTimeLocal: '2026-03-01T11:00:05', endTime: undefined, itemName: 'disk, 1' },
    { id: '3', type: 'Info', status: 'Paused', title: 'Waiting', message: '', order: 3, startTime: undefined, endTime: undefined },
  ];

  it('CSV: one row per record, the server status as sent, zone-less times apart, formulas neutralised', () => {
    const text = csvText(LOG_COLUMNS, events.map(logRow));
    assert.strictEqual(text.split('\r\n')[0], LOG_COLUMNS.join(','));
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    assert.strictEqual(rows.length, 3);
    assert.strictEqual(rows[0].startTime, '2026-03-01T10:00:00.000Z');
    assert.strictEqual(rows[1].startTime, '');
    assert.strictEqual(rows[1].startServerTime, '2026-03-01T11:00:05');
    assert.strictEqual(rows[1].message, `'=cmd|"/c calc"!A0\nsecond line`);
    assert.strictEqual(rows[1].item, 'disk, 1');
    assert.strictEqual(rows[2].status, 'Paused');
  });

  it('text: a line per record with time, status and title, the message indented under it, server time named as such', () => {
    assert.strictEqual(
      logText(events),
      [
        '2026-03-01T10:00:00.000Z  Success  Starting restore  [00:00:01]',
        '2026-03-01T11:00:05 (server time)  Failed  Restoring disk',
        '    =cmd|"/c calc"!A0',
        '    second line',
        '    item: disk, 1',
        '(no time)  Paused  Waiting',
        '',
      ].join('\n'),
    );
    assert.strictEqual(logText([]), '');
  });
});
