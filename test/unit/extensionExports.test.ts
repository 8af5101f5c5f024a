import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../harness/harnessPaths';
import { runCommand } from '../harness/runCommand';

/** vscode.ExtensionMode: a user's installation runs in Production, a test runner's extension in Test. */
const EXTENSION_MODE = { Production: 1, Development: 2, Test: 3 } as const;
const PROBE = path.join(__dirname, 'bundleExportsProbe.js');

interface Exported {
  type: string;
  keys: string[];
}

async function exportsOf(bundle: string, mode: number): Promise<Exported> {
  const output = await runCommand(process.execPath, [PROBE, bundle, String(mode)], { capture: true });
  const line = output.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Exported;
}

/**
 * activate()'s live parts reach the stored passwords: only the development bundle in ExtensionMode.Test hands them
 * out. Both bundles are built here, from esbuild.js, into a scratch folder (dist/ stays as it is).
 */
describe('what activate() exports, per bundle and ExtensionMode', function () {
  this.timeout(120_000);
  let scratch: string;
  let development: string;
  let production: string;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-extension-exports-'));
    await runCommand(process.execPath, ['esbuild.js', `--outdir=${path.join(scratch, 'development')}`], { cwd: REPO_ROOT, capture: true });
    await runCommand(process.execPath, ['esbuild.js', '--production', `--outdir=${path.join(scratch, 'production')}`], { cwd: REPO_ROOT, capture: true });
    development = path.join(scratch, 'development', 'extension.js');
    production = path.join(scratch, 'production', 'extension.js');
  });

  after(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('the development bundle in Test mode hands the extension-host tests the live parts', async () => {
    const exported = await exportsOf(development, EXTENSION_MODE.Test);
    assert.strictEqual(exported.type, 'object');
    for (const part of ['registry', 'store', 'tree', 'monitor', 'panels']) assert.ok(exported.keys.includes(part), `no ${part} in ${exported.keys.join(', ')}`);
  });

  it('the development bundle outside Test mode (F5, or copied into an extensions folder) exports nothing', async () => {
    assert.deepStrictEqual(await exportsOf(development, EXTENSION_MODE.Development), { type: 'undefined', keys: [] });
    assert.deepStrictEqual(await exportsOf(development, EXTENSION_MODE.Production), { type: 'undefined', keys: [] });
  });

  it('the production bundle (the .vsix) exports nothing, even in Test mode', async () => {
    assert.deepStrictEqual(await exportsOf(production, EXTENSION_MODE.Test), { type: 'undefined', keys: [] });
  });

  it('the production bundle does not even contain the code that hands the live parts out', () => {
    const text = fs.readFileSync(production, 'utf8');
    // The export's `storage` entry is the only place the bundle names workspaceState or ExtensionMode.
    assert.ok(!/workspaceState|ExtensionMode/.test(text), 'the production bundle still builds the test-only export');
    // And the development bundle does: the check above looks for something that exists.
    assert.ok(/workspaceState/.test(fs.readFileSync(development, 'utf8')), 'the development bundle has no test-only export');
  });
});
