import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { chromium } from 'playwright-core';
import type { RestoreSessionSummary } from '../../src/core/model/restoreSession';
import { toIso } from '../../src/core/model/veeamTimestamp';
import { timelineData } from '../../src/vscode/timeline/timelineData';
import { untranslated } from '../../src/shared/translate';
import { CHROMIUM_EXECUTABLE } from '../harness/realVsCodeVersions';
import type { BenchResult } from './benchResult';
import { summarise, time } from './measurement';

const WEEK = 7 * 24 * 3_600_000;
/** A frame at 60 Hz: what "smooth" has to fit in. */
const FRAME_MS = 16.7;

/** `count` list rows over the last week across two servers: mostly finished, a few running, four types, 50 objects. */
function syntheticSessions(count: number, now: number): Array<{ serverId: string; session: RestoreSessionSummary }> {
  const results = ['success', 'success', 'success', 'warning', 'failed'] as const;
  const out: Array<{ serverId: string; session: RestoreSessionSummary }> = [];
  for (let i = 0; i < count; i++) {
    // Deterministic spread (no Math.random): every run draws the same picture.
    const start = now - ((i * 7919) % count) * (WEEK / count);
    const running = i % 500 === 0;
    const duration = ((i * 104_729) % 10_800) * 1000;
    const session: RestoreSessionSummary = {
      kind: 'em',
      id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      name: `restore ${i}`,
      type: 'RestoreVm',
      typeLabel: ['VM restore', 'File restore', 'Exchange', 'Instant recovery'][i % 4],
      platform: 'vSphere',
      state: running ? 'running' : 'finished',
      rawState: running ? 'Working' : 'Stopped',
      result: running ? 'pending' : results[i % 5],
      rawResult: running ? 'None' : results[i % 5],
      progress: running ? 40 : undefined,
      creationTime: toIso(start),
      endTime: running ? undefined : toIso(Math.min(now, start + duration)),
      durationMs: running ? undefined : Math.min(now, start + duration) - start,
      vmDisplayName: `vm-${i % 50}`,
    };
    out.push({ serverId: i % 3 === 0 ? 'b' : 'a', session });
  }
  return out;
}

/**
 * Case 7: Restore Activity with `count` loaded sessions. Extension host: building the page's data message and
 * serialising it (one synchronous block per store update, the host's longest). Page (headless Chromium, the real
 * bundle and stylesheet): the first render of the data, a zoom (layout + figures + draw), and a scroll frame.
 */
export async function benchTimelineCost(root: string, count: number, runs: number): Promise<BenchResult[]> {
  const now = Date.now();
  const rows = syntheticSessions(count, now);
  const servers = [
    { id: 'a', name: 'Server A' },
    { id: 'b', name: 'Server B' },
  ];
  const registry = { list: () => servers as never, isSignedOut: () => false };
  const byServer = (id: string) => rows.filter((r) => r.serverId === id).map((r) => r.session);
  const lists = { a: byServer('a'), b: byServer('b') } as Record<string, RestoreSessionSummary[]>;
  const store = { sessions: (id: string) => lists[id], hasMore: () => false, filter: undefined };
  let message = '';
  const hostTimes: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = await time(() => {
      message = JSON.stringify({ type: 'data', data: timelineData(registry, store, undefined, untranslated) });
    });
    if (i >= 2) hostTimes.push(t);
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-timeline-bench-'));
  // The production page bundle, built aside: dist/ may be in use by a test run.
  await promisify(execFile)(process.execPath, ['esbuild.js', '--production', `--outdir=${scratch}`], { cwd: root });
  const page = path.join(scratch, 'page.html');
  const css = fs.readFileSync(path.join(root, 'media/timeline.css'), 'utf8');
  const script = fs.readFileSync(path.join(scratch, 'webview/timeline.js'), 'utf8');
  // The page as VS Code serves it, minus VS Code: a stand-in for acquireVsCodeApi that drops what the page posts.
  fs.writeFileSync(
    page,
    `<!DOCTYPE html><html><head><style>${css}</style></head><body class="vscode-dark"><main id="app"></main>` +
      `<script>window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });</script><script>${script}</script></body></html>`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(`file://${page}`);
    await tab.evaluate((text) => {
      (globalThis as unknown as { benchMessage: string }).benchMessage = text;
    }, message);
    // Runs in the page (the test build has no DOM typings, hence a string).
    const pageTimes = await tab.evaluate<{ first: number[]; zoom: number[]; scroll: number[]; bars: number }>(`(async () => {
      const data = JSON.parse(globalThis.benchMessage);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const first = [], zoom = [], scroll = [];
      const scroller = document.querySelector('.tl-scroller');
      for (let i = 0; i < ${runs}; i++) {
        let t = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data }));
        first.push(performance.now() - t);
        await frame();
        const button = document.querySelector('[data-testid=zoom-' + (i % 2 ? '24h' : '7d') + ']');
        t = performance.now();
        button.click();
        zoom.push(performance.now() - t);
        await frame();
        for (let s = 0; s < 5; s++) {
          scroller.scrollTop += 600;
          t = performance.now();
          scroller.dispatchEvent(new Event('scroll'));
          await frame();
          scroll.push(performance.now() - t);
        }
      }
      return { first, zoom, scroll, bars: document.querySelectorAll('[data-testid=bar]').length };
    })()`);
    const kb = Math.round(message.length / 1024);
    return [
      { case: '11 timeline', metric: `host: build + serialise the data of ${count} sessions`, value: summarise(hostTimes), unit: 'ms', note: `${kb} KB message; one block per store update (debounced 250 ms)` },
      { case: '11 timeline', metric: `page: first render of ${count} sessions`, value: summarise(pageTimes.first), unit: 'ms', note: 'prepare (group, sort) + layout + figures + draw' },
      { case: '11 timeline', metric: '  page: zoom (layout + figures + draw)', value: summarise(pageTimes.zoom), unit: 'ms' },
      {
        case: '11 timeline',
        metric: '  page: scroll, event to next frame',
        value: summarise(pageTimes.scroll),
        unit: 'ms',
        target: { description: `≤ 2 frames (${(2 * FRAME_MS).toFixed(1)} ms)`, met: summarise(pageTimes.scroll).median <= 2 * FRAME_MS },
        note: `${pageTimes.bars} bars in the DOM, whatever the count`,
      },
    ];
  } finally {
    await browser.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
