import * as path from 'path';
import { build } from 'esbuild';
import { csvText } from '../../src/core/export/csvText';
import { LOG_COLUMNS, logRow, logText as exportedLogText } from '../../src/core/export/logRows';
import { parseBackupReplicationDocument } from '../../src/core/kinds/backupReplication/parser';
import { parseMicrosoft365Document } from '../../src/core/kinds/microsoft365/microsoft365Parser';
import type { RestoreSessionEvent } from '../../src/core/model/restoreSession';
import type { ParsedDocument } from '../../src/core/parsing/parsedDocument';
import { toRawBody } from '../../src/core/parsing/rawBody';
import { logText } from '../../src/core/text/sessionLogText';
import { launchHeadlessChromium } from '../harness/headlessChromium';
import { appendLogRecords, generateBackupReplicationData, logsOf } from '../simulator/backupReplicationData';
import { logRecordJson } from '../simulator/backupReplicationJson';
import { LATEST_VBR_REVISION } from '../simulator/backupReplicationRevisions';
import { appendItemEvent, eventsOf, generateMicrosoft365Data, type M365EventStatus } from '../simulator/microsoft365Data';
import { eventJson, pageJson } from '../simulator/microsoft365Json';
import { SeededRandom } from '../simulator/seededRandom';
import type { BenchResult } from './benchResult';
import { pairedRatio, summarise, timeRounds } from './measurement';

const CASE = '7 log cost';
const ORIGIN = 'https://vb365.example:4443';

/**
 * Case 7: one log of `records` records from each API, in the shapes the simulator serves (a Microsoft 365 events
 * page, a Backup & Replication `SessionLogResult`), built in-process: parse (against bare JSON.parse), the text of
 * Open Log as Text, the Export Log text and CSV, and the webview's Log tab rendering the records in headless Chromium.
 */
export async function benchLogCost(records: number, runs: number): Promise<BenchResult[]> {
  const bodies = { m365: microsoft365EventsBody(records), vbr: backupReplicationLogBody(records) };
  const m365Events = events(parseMicrosoft365Document(toRawBody(bodies.m365, 'application/json'), 'events'), records);
  const vbrEvents = events(parseBackupReplicationDocument(toRawBody(bodies.vbr, 'application/json'), 'events'), records);

  const t = await timeRounds(
    {
      m365Parse: () => parseMicrosoft365Document(toRawBody(bodies.m365, 'application/json'), 'events'),
      m365JsonParse: () => JSON.parse(bodies.m365),
      vbrParse: () => parseBackupReplicationDocument(toRawBody(bodies.vbr, 'application/json'), 'events'),
      vbrJsonParse: () => JSON.parse(bodies.vbr),
      m365Text: () => logText('# header', m365Events),
      vbrText: () => logText('# header', vbrEvents),
      vbrExportText: () => exportedLogText(vbrEvents),
      vbrExportCsv: () => csvText(LOG_COLUMNS, vbrEvents.map(logRow)),
    },
    { runs, warmup: 1, beforeEach: collectAndSettle },
  );
  const mb = (text: string): string => `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`;
  const sizes = {
    m365Text: logText('# header', m365Events),
    vbrText: logText('# header', vbrEvents),
    vbrExportText: exportedLogText(vbrEvents),
    vbrExportCsv: csvText(LOG_COLUMNS, vbrEvents.map(logRow)),
  };
  const rows: BenchResult[] = [
    {
      case: CASE,
      metric: `parse VB365 events ${mb(bodies.m365)}`,
      value: summarise(t.m365Parse),
      unit: 'ms',
      baseline: { label: 'bare JSON.parse', value: summarise(t.m365JsonParse) },
      ratio: pairedRatio(t.m365Parse, t.m365JsonParse),
      note: `${records} records`,
    },
    {
      case: CASE,
      metric: `parse VBR logs ${mb(bodies.vbr)}`,
      value: summarise(t.vbrParse),
      unit: 'ms',
      baseline: { label: 'bare JSON.parse', value: summarise(t.vbrJsonParse) },
      ratio: pairedRatio(t.vbrParse, t.vbrJsonParse),
      note: `${records} records`,
    },
    { case: CASE, metric: 'Open Log as Text, VB365', value: summarise(t.m365Text), unit: 'ms', note: `text ${mb(sizes.m365Text)}` },
    { case: CASE, metric: 'Open Log as Text, VBR', value: summarise(t.vbrText), unit: 'ms', note: `text ${mb(sizes.vbrText)}` },
    { case: CASE, metric: 'Export Log text, VBR', value: summarise(t.vbrExportText), unit: 'ms', note: `file ${mb(sizes.vbrExportText)}` },
    { case: CASE, metric: 'Export Log CSV, VBR', value: summarise(t.vbrExportCsv), unit: 'ms', note: `file ${mb(sizes.vbrExportCsv)}` },
  ];
  rows.push(...(await webviewRender(vbrEvents, runs)));
  return rows;
}

function events(d: ParsedDocument, expected: number): RestoreSessionEvent[] {
  if (d.kind !== 'events' || d.events.length !== expected) throw new Error(`expected ${expected} events, parsed ${d.kind === 'events' ? d.events.length : d.kind}`);
  return d.events;
}

/** A VB365 session's events page as `/v8/RestoreSessions/{id}/Events?limit=N` serves it: item events of mixed status. */
function microsoft365EventsBody(records: number): string {
  const random = new SeededRandom(7);
  const nowMs = Date.UTC(2026, 11, 2, 8, 0, 0);
  const data = generateMicrosoft365Data(random.fork(), 1, 1, nowMs);
  const session = data.sessions[0];
  const statuses: M365EventStatus[] = ['Success', 'Success', 'Success', 'Success', 'Warning', 'Failed', 'Skipped'];
  for (let i = eventsOf(session).length; i < records; i++) appendItemEvent(session, random, nowMs + i * 1000, statuses[i % statuses.length]);
  const results = eventsOf(session).map((e) => eventJson(e, session, 8, ORIGIN));
  const page = pageJson(8, ORIGIN, { offset: 0, limit: records, path: `/v8/RestoreSessions/${session.id}/Events`, extra: [] }, results.length, results, random.guid());
  return JSON.stringify(page);
}

/** A Backup & Replication session's `SessionLogResult` (1.3-rev2: additionalInfo as `{field, data}` pairs). */
function backupReplicationLogBody(records: number): string {
  const random = new SeededRandom(11);
  const nowMs = Date.UTC(2026, 11, 2, 8, 0, 0);
  const data = generateBackupReplicationData(random.fork(), 1, 0, nowMs, LATEST_VBR_REVISION);
  const session = data.sessions[0];
  const statuses = ['Succeeded', 'Succeeded', 'Succeeded', 'Succeeded', 'Warning', 'Failed', 'None'];
  const more = Array.from({ length: records - logsOf(session).length }, (_, i) => ({
    status: statuses[i % statuses.length],
    title: `Restoring disk ${i % 8} of winsrv${String(i % 100).padStart(3, '0')} (Hard disk ${i % 4} ${random.int(10, 500)} GB)`,
    description: i % 5 === 0 ? `Processing item ${i}: ${random.int(1, 9999)} blocks read` : '',
    info: random.chance(0.4) ? [{ field: 'ProcessedSize', data: `${random.int(1, 120)} GB` }, { field: 'ProcessingRate', data: `${random.int(20, 900)} MB/s` }] : [],
  }));
  appendLogRecords(data, session, more, nowMs);
  return JSON.stringify({ totalRecords: records, records: logsOf(session).map((r) => logRecordJson(r, LATEST_VBR_REVISION)) });
}

interface RenderTimes {
  /** render() and the layout it causes: what the reader waits for before the tab shows records. */
  firstWindow: number;
  /** Rows in the page after render() (the Log tab shows a window of the log). */
  rows: number;
  /** Later… pressed until the end of the log: how many moves, each with its layout. */
  moves: number;
  perMove: number;
  /** The order number of the last row once at the end (must be the log's last record). */
  lastOrder: number;
}

/**
 * The Log tab's LogView (src/webview/logView.ts, bundled as the extension bundles the page script) rendering the
 * records in Debian's headless Chromium, outside VS Code: its DOM work, style and layout, not the message passing.
 */
async function webviewRender(events: readonly RestoreSessionEvent[], runs: number): Promise<BenchResult[]> {
  let browser: Awaited<ReturnType<typeof launchHeadlessChromium>> | undefined;
  try {
    const bundle = await build({
      stdin: { contents: "import { LogView } from './src/webview/logView';\n(globalThis as Record<string, unknown>).LogView = LogView;\n", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    browser = await launchHeadlessChromium();
    const { page } = browser;
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    // The panel's own stylesheet: table layout is most of the cost of a long table.
    await page.addStyleTag({ path: path.join(ROOT, 'media', 'webview.css') });
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const times: RenderTimes[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const measured = await page.evaluate(RENDER_ONCE, events);
      const lastOrder = Math.max(...events.map((e) => e.order));
      if (measured.rows === 0 || measured.rows > 500) throw new Error(`the log view put ${measured.rows} rows in the page`);
      if (measured.lastOrder !== lastOrder) throw new Error(`Later… ended at record ${measured.lastOrder}, not at the last (${lastOrder})`);
      if (run > 0) times.push(measured); // the first run warms up
    }
    return [
      {
        case: CASE,
        metric: `webview Log tab: ${events.length} records, first window rendered and laid out`,
        value: summarise(times.map((x) => x.firstWindow)),
        unit: 'ms',
        note: `headless Chromium; the tab shows ${times[0]?.rows ?? 0} records at a time`,
      },
      {
        case: CASE,
        metric: 'webview Log tab: one Earlier/Later move, laid out',
        value: summarise(times.map((x) => x.perMove)),
        unit: 'ms',
        note: `${times[0]?.moves ?? 0} moves from the first window to the last`,
      },
    ];
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return [{ case: CASE, metric: 'webview Log tab render', value: Number.NaN, unit: 'ms', note: `not measured: ${reason}` }];
  } finally {
    await browser?.close();
  }
}

/** Runs in the page: a fresh LogView, render() and its layout, then Later… to the end of the log, each move laid out. */
const RENDER_ONCE_SOURCE = `async (events) => {
  document.body.replaceChildren();
  const view = new LogView(() => {}, () => {});
  document.body.append(view.element);
  const body = view.element.querySelector('tbody');
  let start = performance.now();
  view.render(events);
  void document.body.offsetHeight;
  const firstWindow = performance.now() - start;
  const rows = body.rows.length;
  const later = view.element.querySelector('[data-testid=log-later]');
  let moves = 0;
  start = performance.now();
  while (!later.hidden && !later.disabled) {
    later.click();
    void document.body.offsetHeight;
    moves++;
  }
  const perMove = moves ? (performance.now() - start) / moves : 0;
  const lastOrder = Number(body.rows[body.rows.length - 1].cells[0].textContent);
  return { firstWindow, rows, moves, perMove, lastOrder };
}`;
// Written as page source (the test build has no DOM types); Playwright sends a function's source text to the page.
const RENDER_ONCE = new Function(`return ${RENDER_ONCE_SOURCE}`)() as (events: readonly RestoreSessionEvent[]) => Promise<RenderTimes>;

/** The checkout: this file runs as out/test/bench/logCost.js. */
const ROOT = path.resolve(__dirname, '../../..');

async function collectAndSettle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
