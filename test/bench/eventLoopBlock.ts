import * as os from 'os';
import * as path from 'path';
import { Client } from 'undici';
import { csvText } from '../../src/core/export/csvText';
import { SESSION_COLUMNS, sessionRow, sessionsJson, type ExportedSession } from '../../src/core/export/sessionRows';
import type { ServerKind } from '../../src/core/model/restoreSession';
import type { RestoreSessionTreeNode } from '../../src/vscode/tree/restoreSessionTreeProvider';
import type { BenchResult } from './benchResult';
import { CPU_SOURCE, sampleBlocks, type BlockFigures } from './blockSampler';
import { startChildSimulator, type ChildSimulator } from './childSimulator';
import { activateExtensionForBench, type ExtensionUnderBench } from './extensionUnderBench';
import { LIST_PARSERS } from './listParsers';
import { time } from './measurement';

const LIMIT_MS = 50;
const PAGE_SIZE = 100;
/** Five servers of 10,000 sessions: three Enterprise Manager, two Microsoft 365 (Backup & Replication's 10,000 hold ~1,000 restores). */
const SERVERS: ReadonlyArray<{ id: string; kind: ServerKind }> = [
  { id: 'block-em-1', kind: 'em' },
  { id: 'block-vb365-1', kind: 'vb365' },
  { id: 'block-em-2', kind: 'em' },
  { id: 'block-em-3', kind: 'em' },
  { id: 'block-vb365-2', kind: 'vb365' },
];
const POLL_TICKS = 8;

function row(metric: string, figures: BlockFigures, where: string): BenchResult {
  const worst = figures.longestOwnMs;
  return {
    case: '10 responsiveness',
    metric,
    value: worst,
    unit: 'ms',
    target: { description: `no block > ${LIMIT_MS} ms`, met: worst <= LIMIT_MS },
    note:
      `longest own block (gap between 1 ms ticks, capped at the ${CPU_SOURCE} in it) ${worst.toFixed(0)} ms; longest gap of any kind ${figures.longestGapMs.toFixed(0)} ms (on the CPU ${figures.longestGapCpuMs.toFixed(0)} ms of it); ` +
      `monitorEventLoopDelay max ${figures.maxDelayMs.toFixed(0)} ms. ${where}`,
  };
}

/**
 * VS Code's side of a tree refresh: when the provider says a server (or the whole tree) changed, it asks for the
 * children of each expanded server and their items, each request a message of its own from the renderer (so a
 * macrotask of its own here).
 */
function renderLikeVsCode(ext: ExtensionUnderBench, expanded: Set<string>): { dispose(): void } {
  const due = new Set<string>();
  let queued = false;
  const subscription = ext.api.tree.onDidChangeTreeData((changed) => {
    const nodes = changed === undefined ? undefined : Array.isArray(changed) ? changed : [changed];
    const servers = nodes?.map((n) => (n as { server?: { id: string } }).server?.id).filter((id): id is string => id !== undefined);
    for (const id of servers && servers.length > 0 ? servers : expanded) if (expanded.has(id)) due.add(id);
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      void (async () => {
        for (const id of [...due]) {
          due.delete(id);
          await render(ext, id);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
    });
  });
  return subscription;
}

async function render(ext: ExtensionUnderBench, serverId: string): Promise<RestoreSessionTreeNode[]> {
  const nodes = await ext.expand(serverId);
  for (const node of nodes) ext.api.tree.getTreeItem(node);
  return nodes;
}

/** "Load more" until the end, re-rendering the server after each page as the tree does. */
async function loadAll(ext: ExtensionUnderBench, serverId: string, renderEachPage: boolean): Promise<void> {
  while (ext.api.store.hasMore(serverId)) {
    await ext.api.store.loadMore(serverId);
    if (renderEachPage) await render(ext, serverId);
  }
}

/**
 * Case 10: the longest event-loop block while the extension does its heaviest work, simulator in a child process
 * (10,000 sessions per API, its rendering on another core): first paint and load-all of a server per kind, five
 * servers of 10,000 loaded sessions polled, an export of their 50,000 rows; and the EM XML parse of list pages.
 */
export async function benchEventLoopBlock(sessionCount: number): Promise<BenchResult[]> {
  const count = String(sessionCount);
  const sim = await startChildSimulator(['--sessions', count, '--vb365-sessions', count, '--vbr-sessions', '200', '--running', '1', '--progress-step', '1000']);
  const rows: BenchResult[] = [];
  const ext = await activateExtensionForBench(SERVERS.map((s) => ({ config: sim.config(s.kind, s.id), password: sim.password(s.kind) })));
  const expanded = new Set<string>();
  const vscodeSide = renderLikeVsCode(ext, expanded);
  try {
    for (const [i, server] of SERVERS.slice(0, 2).entries()) {
      const label = server.kind === 'em' ? 'EM (JSON list)' : 'Microsoft 365';
      const paint = await sampleBlocks(async () => {
        await render(ext, server.id);
        expanded.add(server.id);
      });
      rows.push(
        row(
          `first paint, ${label}, ${sessionCount} sessions`,
          paint,
          i === 0 ? 'The first expansion after activation: it loads the protocol layer (here the tsc build, out/src/core, module by module; the .vsix loads one dist/protocol.js), connects and signs in.' : 'Protocol layer already loaded.',
        ),
      );
      const all = await sampleBlocks(() => loadAll(ext, server.id, true));
      const rerender = await time(() => render(ext, server.id));
      rows.push(row(`load all, ${label}, ${sessionCount} sessions (Load more × ${sessionCount / PAGE_SIZE - 1}, re-rendered after each)`, all, `One re-render of the ${ext.api.store.sessions(server.id)?.length ?? 0} loaded rows (getChildren + getTreeItem each, as VS Code asks after every page): ${rerender.toFixed(0)} ms.`));
    }
    rows.push(await emXmlPages(sim, sessionCount));
    // The other three servers loaded unsampled, then all five polled with their 10,000 rows loaded and shown.
    for (const server of SERVERS.slice(2)) {
      await render(ext, server.id);
      expanded.add(server.id);
      await loadAll(ext, server.id, false);
    }
    await Promise.all(SERVERS.map((s) => render(ext, s.id)));
    let polls = 0;
    const counting = ext.api.store.onDidLoadList(() => polls++);
    const polled = await sampleBlocks(async () => {
      while (polls < POLL_TICKS * SERVERS.length) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    counting.dispose();
    rows.push(row(`${SERVERS.length} servers × ${sessionCount} loaded, polled (${polls} list polls, tree re-rendered as VS Code would)`, polled, 'Each poll merges the first page into the loaded list and the tree re-renders that server.'));
    vscodeSide.dispose();
    expanded.clear();
    rows.push(...(await exportRows(ext)));
  } finally {
    vscodeSide.dispose();
    ext.dispose();
    await sim.stop();
  }
  return rows;
}

/** Export Sessions (CSV, then JSON) of everything loaded: the five servers' 50,000 rows. */
async function exportRows(ext: ExtensionUnderBench): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const uri = path.join(os.tmpdir(), 'veeam-bench-export');
  const sessions: ExportedSession[] = SERVERS.flatMap((s) => (ext.api.store.sessions(s.id) ?? []).map((session) => ({ serverName: s.id, session })));
  for (const format of ['csv', 'json'] as const) {
    let result: unknown;
    const figures = await sampleBlocks(async () => {
      result = await executeExport(format, `${uri}.${format}`);
    });
    const exported = (result as { count?: number } | undefined)?.count ?? 0;
    if (exported !== sessions.length) throw new Error(`Export Sessions wrote ${exported} of ${sessions.length} rows: ${JSON.stringify(result)}`);
    // Where the time goes: the synchronous steps of the command, timed alone.
    let rowsMs = 0;
    let textMs = 0;
    let encodeMs = 0;
    let text = '';
    if (format === 'csv') {
      let mapped: ReturnType<typeof sessionRow>[] = [];
      rowsMs = await time(() => void (mapped = sessions.map(sessionRow)));
      textMs = await time(() => void (text = csvText(SESSION_COLUMNS, mapped)));
    } else textMs = await time(() => void (text = sessionsJson(sessions)));
    encodeMs = await time(() => void new TextEncoder().encode(text));
    rows.push(
      row(`export ${exported} rows to ${format.toUpperCase()} (Export Sessions, loaded)`, figures, `In one go (as before slicing): ${format === 'csv' ? `rows ${rowsMs.toFixed(0)} ms, csv-stringify ${textMs.toFixed(0)} ms` : `sessionsJson ${textMs.toFixed(0)} ms`}, UTF-8 encode ${encodeMs.toFixed(0)} ms (${(text.length / 1e6).toFixed(1)} MB), each one synchronous stretch.`),
    );
  }
  return rows;
}

async function executeExport(format: 'csv' | 'json', file: string): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as { commands: { executeCommand(id: string, ...args: unknown[]): Promise<unknown> } };
  return vscode.commands.executeCommand('veeamRestoreSessions.exportSessions', { format, uri: file, pages: 'loaded' });
}

/**
 * EM XML: the extension reads EM lists as JSON, so no XML list is parsed on its thread. What an XML list would cost:
 * the 10,000 sessions in pages of 100 parsed one after the other (a turn of the event loop between pages), as a
 * load-all would, and the same 10,000 in one body (the CLI's `--format xml` reading, not an extension path).
 */
async function emXmlPages(sim: ChildSimulator, sessionCount: number): Promise<BenchResult> {
  const bare = new Client(sim.url('em'), { connect: { ca: sim.certificatePem } });
  const pages: string[] = [];
  let whole = '';
  try {
    const logon = await bare.request({ method: 'POST', path: '/api/sessionMngr/?v=latest', headers: { authorization: `Basic ${Buffer.from(`${sim.connection.credentials.em.username}:${sim.password('em')}`).toString('base64')}` } });
    await logon.body.text();
    const token = String(logon.headers['x-restsvcsessionid']);
    const get = async (page: number, size: number): Promise<string> => {
      const res = await bare.request({ method: 'GET', path: `/api/query?type=RestoreSession&format=Entities&sortDesc=CreationTime&pageSize=${size}&page=${page}`, headers: { accept: 'application/xml', 'x-restsvcsessionid': token } });
      return res.body.text();
    };
    for (let page = 1; page <= sessionCount / PAGE_SIZE; page++) pages.push(await get(page, PAGE_SIZE));
    whole = await get(1, sessionCount);
  } finally {
    await bare.close();
  }
  // Parser code loaded and compiled first: a lookup in XML has done that long before anyone loads a list.
  LIST_PARSERS.oursXml(pages[0]);
  const figures = await sampleBlocks(async () => {
    for (const page of pages) {
      LIST_PARSERS.oursXml(page);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  const wholeMs = await time(() => LIST_PARSERS.oursXml(whole));
  return row(
    `EM XML, ${sessionCount} sessions in pages of ${PAGE_SIZE} parsed + normalised (no extension path: EM lists are read as JSON)`,
    figures,
    `The same ${sessionCount} in one ${(whole.length / 1e6).toFixed(1)} MB XML body: ${wholeMs.toFixed(0)} ms in one stretch (the CLI with --format xml, its own process).`,
  );
}
