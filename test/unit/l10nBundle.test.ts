import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * l10n/bundle.l10n.json is what translators start from: every `vscode.l10n.t` string in src, no leftovers. It is
 * regenerated with `npm run l10n:export`; this fails when a string was added or changed without that.
 */
describe('l10n: the string bundle matches the code', () => {
  it('npm run l10n:export would write the committed l10n/bundle.l10n.json unchanged', async function () {
    this.timeout(60_000);
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-l10n-'));
    try {
      await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', outDir, './src'], { cwd: ROOT });
      const fresh = JSON.parse(fs.readFileSync(path.join(outDir, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const missing = Object.keys(fresh).filter((k) => !(k in committed));
      const stale = Object.keys(committed).filter((k) => !(k in fresh));
      assert.deepStrictEqual({ missing, stale }, { missing: [], stale: [] }, 'run npm run l10n:export');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
