import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../harness/harnessPaths';

/**
 * Whether the built extension bundle contains `text` (a command id it registers, an environment variable it
 * reads): lets a UI test skip, saying why, while the feature it drives has not been written yet.
 */
export function extensionBundleMentions(text: string): boolean {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  return fs.existsSync(bundle) && fs.readFileSync(bundle, 'utf8').includes(text);
}
