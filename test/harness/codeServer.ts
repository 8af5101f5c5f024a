import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freeLoopbackPort } from './freePort';
import type { RealVsCodeInstall } from './installRealVsCode';
import { ProcessGroup } from './processGroup';
import { runCommand } from './runCommand';

export interface CodeServerOptions {
  /** Needed for the extension-host suite (`payload` URL parameter); it also hides notification toasts. */
  smokeTestDriver: boolean;
  /** .vsix files installed into the fresh extensions folder before start. */
  installExtensions?: readonly string[];
  /** Extra environment for the server and therefore for the extension host (e.g. the bootstrap file); a function gets the run folder. */
  env?: NodeJS.ProcessEnv | ((runDir: string) => NodeJS.ProcessEnv);
  /** A fixed port (the demo's --port); otherwise a free one. */
  port?: number;
  /** Keep code-server's log in this file (default: inside the run folder, deleted on stop). */
  logFile?: string;
}

export interface RunningCodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Per-run folder holding user data, extensions, config and XDG data; removed by stop(). */
  runDir: string;
  /** Returns the workbench URL for a folder, optionally with a smoke-test `payload`. */
  workbenchUrl(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** `vscode-remote://` URI of a path on the server: the form `payload` entries need. */
  remoteUri(absolutePath: string): string;
  stop(): Promise<void>;
}

/** User settings that keep a test workbench quiet and offline. */
const TEST_USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

async function waitForHealth(url: string, server: ProcessGroup, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server.child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited during start:\n${log().slice(-3000)}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${log().slice(-3000)}`);
}

/**
 * Starts an isolated code-server (the real VS Code workbench + extension host) on 127.0.0.1: fresh user data and
 * extensions folders, explicit config without auth, no gallery, no telemetry, in its own process group.
 */
export async function startCodeServer(install: RealVsCodeInstall, options: CodeServerOptions): Promise<RunningCodeServer> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-code-server-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const configFile = path.join(runDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(TEST_USER_SETTINGS, null, 2));
  // Without an explicit config code-server writes ~/.config/code-server/config.yaml with password auth.
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env: NodeJS.ProcessEnv = {
    ...install.env,
    ...(typeof options.env === 'function' ? options.env(runDir) : options.env),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    // An empty gallery: no requests to an extension marketplace host on every start.
    EXTENSIONS_GALLERY: '{}',
  };
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of options.installExtensions ?? []) {
    await runCommand(install.node, [install.codeServerEntry, ...common, '--install-extension', vsix], { env, capture: true });
  }

  const port = options.port ?? (await freeLoopbackPort());
  const args = [
    ...install.nodeOptions,
    install.codeServerEntry,
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? install.smokeTestDriverArgs : []),
  ];
  const logFile = options.logFile ?? path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  const server = new ProcessGroup(install.node, args, { env, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  const readLog = (): string => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

  const stop = async (): Promise<void> => {
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server, 60_000, readLog);
  } catch (error) {
    await stop();
    throw error;
  }

  const remoteUri = (absolutePath: string): string => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const workbenchUrl = (folder: string, payload?: ReadonlyArray<readonly [string, string]>): string => {
    const query = new URLSearchParams({ folder });
    if (payload) query.set('payload', JSON.stringify(payload));
    return `${url}/?${query.toString()}`;
  };
  return { url, port, runDir, workbenchUrl, remoteUri, stop };
}
