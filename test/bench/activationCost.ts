import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { BenchResult } from './benchResult';
import { runNodeChild } from './childProcess';
import { pairedRatio, summarise } from './measurement';

const run = promisify(execFile);
const SIGN_IN_PATHS: Record<string, string> = { 'Enterprise Manager': '/api/sessionMngr/', 'Microsoft 365': '/token', 'Backup & Replication': '/api/oauth2/token' };
const SHIPPED_LIMIT_KB = 600;
const ACTIVATION_LIMIT_MS = 10;

interface Probe {
  ms: number;
  heavy: string[];
  connections: number;
}

/**
 * Case 4: the production bundles' sizes (what `vsce` would package), and the time to load dist/extension.js and
 * run `activate` with the `vscode` stand-in, against loading an empty module, one fresh process per figure.
 */
export async function benchActivationCost(root: string, runs: number): Promise<BenchResult[]> {
  await run(process.execPath, ['esbuild.js', '--production'], { cwd: root });
  const { stdout } = await run(path.join(root, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: root });
  // Source maps are not produced by the production build; a stale one from a dev build is not shipped by `npm run package`.
  const files = stdout.split('\n').map((l) => l.trim()).filter((l) => l && !l.endsWith('.map'));
  const sizes = await Promise.all(files.map(async (f) => ({ f, bytes: (await fs.stat(path.join(root, f))).size })));
  const kb = (bytes: number): number => bytes / 1024;
  const total = kb(sizes.reduce((a, s) => a + s.bytes, 0));
  const bundles = sizes.filter((s) => s.f.endsWith('.js'));
  // Every kind's client is in the shipped protocol bundle: each one's sign-in path, as its client writes it.
  const protocolText = await fs.readFile(path.join(root, 'dist/protocol.js'), 'utf8');
  const kindsShipped = Object.entries(SIGN_IN_PATHS).map(([kind, marker]) => `${kind} ${protocolText.includes(marker) ? 'yes' : 'MISSING'}`);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'veeam-bench-'));
  const empty = path.join(dir, 'empty.js');
  await fs.writeFile(empty, '');
  const script = path.join(__dirname, 'activationProbe.js');
  const extension = path.join(root, 'dist/extension.js');
  const baseline: number[] = [];
  const ours: number[] = [];
  const heavy = new Set<string>();
  let connections = 0;
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate the order so a warming disk cache favours neither.
      const pair = i % 2 === 0 ? (['empty', 'extension'] as const) : (['extension', 'empty'] as const);
      for (const mode of pair) {
        const probe = await runNodeChild<Probe>(script, [mode, mode === 'empty' ? empty : extension]);
        if (mode === 'empty') baseline.push(probe.ms);
        else {
          ours.push(probe.ms);
          probe.heavy.forEach((m) => heavy.add(path.relative(root, m)));
          connections += probe.connections;
        }
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const above = summarise(ours.map((v, i) => v - baseline[i]));
  return [
    {
      case: '4 activation',
      metric: 'shipped files (production)',
      value: total,
      unit: 'KB',
      target: { description: `≤ ${SHIPPED_LIMIT_KB} KB, every kind`, met: total <= SHIPPED_LIMIT_KB && kindsShipped.every((k) => k.endsWith('yes')) },
      note: `${bundles.map((b) => `${b.f} ${kb(b.bytes).toFixed(0)} KB`).join(', ')}; kinds in dist/protocol.js: ${kindsShipped.join(', ')}`,
    },
    {
      case: '4 activation',
      metric: 'load + activate() above empty',
      value: above,
      unit: 'ms',
      baseline: { label: 'load empty module', value: summarise(baseline) },
      ratio: pairedRatio(ours, baseline),
      target: { description: `≤ ${ACTIVATION_LIMIT_MS} ms above`, met: above.median <= ACTIVATION_LIMIT_MS },
      note: `load + activate ${summarise(ours).median.toFixed(1)} ms`,
    },
    {
      case: '4 activation',
      metric: 'heavy modules / connections at activation',
      value: heavy.size + connections,
      unit: 'count',
      target: { description: 'none (tree view hidden)', met: heavy.size === 0 && connections === 0 },
      note: heavy.size ? `loaded: ${[...heavy].join(', ')}; ${connections} connections` : `no protocol.js, undici or fast-xml-parser loaded; ${connections} connections`,
    },
  ];
}
