import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OLDEST_VSCODE_VERSIONS } from '../harness/realVsCodeVersions';

/** The manifest may claim only VS Code releases that `npm test` runs the extension-host suite on. */
describe('manifest: engines.vscode names the oldest VS Code that is tested', () => {
  it('its minimum is the major.minor of the oldest code-server toolchain', () => {
    const manifestFile = path.resolve(__dirname, '../../../package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { engines?: { vscode?: string } };
    const [major, minor] = OLDEST_VSCODE_VERSIONS.vscode.split('.');
    assert.strictEqual(manifest.engines?.vscode, `^${major}.${minor}.0`);
  });
});
