import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { simulatorBootstrapServers, writeBootstrapFile } from './bootstrapFile';
import { startCodeServer } from './codeServer';
import { exitOnSignals } from './harnessLifetime';
import { acquireHarnessLock } from './harnessLock';
import { REPO_ROOT, VSIX_PATH } from './harnessPaths';
import { installRealVsCode } from './installRealVsCode';
import { runCommand } from './runCommand';
import type { SimulatorConnection } from './simulatorConnection';
import { startSimulatorProcess } from './simulatorProcess';
import { SUITE_ENVIRONMENT } from './suiteEnvironment';

const USAGE = `npm run demo [-- --port N] [-- --code-server]
  Starts the simulator (demo data, running restores that progress) and opens a real VS Code with the extension and
  the simulator's two servers preconfigured. Desktop VS Code when \`code\` is on PATH, otherwise code-server on
  127.0.0.1 (port from --port, $PORT, or a free one). Ctrl+C stops everything.`;

function log(line: string): void {
  console.log(`[demo] ${line}`);
}

async function commandOnPath(name: string): Promise<boolean> {
  return runCommand('sh', ['-c', `command -v ${name}`], { capture: true }).then(() => true, () => false);
}

function printSimulator(simulator: SimulatorConnection): void {
  log('simulator');
  console.log(`  Enterprise Manager  ${simulator.emUrl}   user ${simulator.credentials.em.username}   password ${simulator.credentials.em.password}`);
  console.log(`  Microsoft 365       ${simulator.vb365Url}   user ${simulator.credentials.vb365.username}   password ${simulator.credentials.vb365.password}`);
  console.log(`  Backup & Replication ${simulator.vbrUrl}   user ${simulator.credentials.vbr.username}   password ${simulator.credentials.vbr.password}`);
  console.log(`  certificate SHA-256 ${simulator.fingerprint256}`);
  console.log(`  fault control       ${simulator.controlUrl}  (e.g. curl -X POST '${simulator.controlUrl}/down?ms=10000')`);
}

/** Keeps the process alive until Ctrl+C; exitOnSignals then stops every process group the demo started. */
function waitForever(): Promise<never> {
  return new Promise(() => setInterval(() => undefined, 1 << 30));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'code-server': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(USAGE);
  const portText = values.port ?? process.env.PORT;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`not a port: ${portText}`);
  const desktop = !values['code-server'] && port === undefined && (await commandOnPath('code'));

  log('building and packaging the extension');
  const releaseLock = await acquireHarnessLock('demo');
  await runCommand('npm', ['run', '-s', 'package'], { cwd: REPO_ROOT, capture: true });
  await runCommand('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, capture: true });
  const install = desktop ? undefined : await installRealVsCode();

  const simulator = await startSimulatorProcess();
  // The bootstrap file holds the simulator's demo passwords: private folder, removed on exit.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-demo-'));
  process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  const bootstrapFile = writeBootstrapFile(scratch, simulatorBootstrapServers(simulator.connection));
  printSimulator(simulator.connection);
  const env = { [SUITE_ENVIRONMENT.bootstrap]: bootstrapFile };

  if (desktop) {
    log('opening desktop VS Code (Extension Development Host)');
    spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, '--new-window', REPO_ROOT], { stdio: 'inherit', env: { ...process.env, ...env } });
  } else {
    const server = await startCodeServer(install!, { smokeTestDriver: false, installExtensions: [VSIX_PATH], env, port });
    process.on('exit', () => fs.rmSync(server.runDir, { recursive: true, force: true }));
    log(`VS Code (code-server) is running. Open in a browser:\n\n    ${server.workbenchUrl(REPO_ROOT)}\n`);
    log(`code-server log: ${path.join(server.runDir, 'code-server.log')}`);
  }
  // dist/ and the .vsix are in use until here; test runs may rebuild them from now on.
  releaseLock();
  log('Ctrl+C stops the simulator and VS Code server.');
  await waitForever();
}

exitOnSignals();
main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
