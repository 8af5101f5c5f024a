import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './harnessPaths';
import { runCommand } from './runCommand';

/** Plain-JS extensions under test/fixtures that tests install next to ours (another extension, as a user has them). */
export const FIXTURE_EXTENSIONS_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
const VSCE = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/**
 * Packages test/fixtures/<name> into `<outDir>/<name>.vsix` with the repository's vsce, offline (no dependencies, no
 * repository, no licence). Packs a copy: vsce must not write next to the fixture's sources in the checkout.
 */
export async function packageFixtureExtension(name: string, outDir: string): Promise<string> {
  const source = path.join(FIXTURE_EXTENSIONS_DIR, name);
  if (!fs.existsSync(path.join(source, 'package.json'))) throw new Error(`no fixture extension at ${source}`);
  const copy = path.join(outDir, `${name}-source`);
  fs.cpSync(source, copy, { recursive: true });
  const vsix = path.join(outDir, `${name}.vsix`);
  await runCommand(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: copy, capture: true });
  if (!fs.existsSync(vsix)) throw new Error(`vsce did not produce ${vsix}`);
  return vsix;
}
