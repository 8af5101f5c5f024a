/**
 * Preloaded (`node --require`) into code-server builds without `--vscode-option` (before 4.100, e.g. 4.96.4 = VS Code
 * 1.96): declares VS Code's own `--enable-smoke-test-driver` flag in code-server's option table, so its parser
 * accepts the flag and hands it on to VS Code like any other option. The extension-host suite needs that driver
 * (it reads the `payload` URL parameter and reports the exit code). Does nothing in any other process.
 */
import * as fs from 'fs';
import * as path from 'path';

const entry = process.argv[1] ?? '';
const cliModule = path.join(path.dirname(entry), 'cli.js');
if (path.basename(entry, '.js') === 'entry' && fs.existsSync(cliModule)) {
  // code-server's own compiled module: required by path, no typings.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(cliModule) as { options?: Record<string, unknown> };
  if (cli.options && !('enable-smoke-test-driver' in cli.options)) {
    cli.options['enable-smoke-test-driver'] = { type: 'boolean', description: 'Enable the smoke-test driver (tests only).' };
  }
}
