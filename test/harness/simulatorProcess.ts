import * as fs from 'fs';
import * as readline from 'readline';
import { SIMULATOR_MAIN } from './harnessPaths';
import { ProcessGroup } from './processGroup';
import { isSimulatorConnection, type SimulatorConnection } from './simulatorConnection';

const READY_PREFIX = 'SIMULATOR_READY ';

export interface RunningSimulator {
  connection: SimulatorConnection;
  stop(): Promise<void>;
}

/**
 * Starts the simulator CLI (out/test/simulator/main.js) on free ports in its own process group and waits for its
 * SIMULATOR_READY line. `extraArgs` go to the CLI as they are (e.g. demo data options).
 */
export async function startSimulatorProcess(extraArgs: readonly string[] = [], timeoutMs = 30_000): Promise<RunningSimulator> {
  if (!fs.existsSync(SIMULATOR_MAIN)) throw new Error(`${SIMULATOR_MAIN} is missing: run \`npm run compile-tests\` first`);
  const group = new ProcessGroup(process.execPath, [SIMULATOR_MAIN, '--em-port', '0', '--vb365-port', '0', '--vbr-port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  group.child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  try {
    const connection = await new Promise<SimulatorConnection>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the simulator did not report ready within ${timeoutMs} ms`)), timeoutMs);
      // readline keeps reading after the ready line, so a chatty simulator never blocks on a full pipe.
      const lines = readline.createInterface({ input: group.child.stdout! });
      lines.on('line', (line) => {
        if (!line.startsWith(READY_PREFIX)) return;
        clearTimeout(timer);
        const parsed: unknown = JSON.parse(line.slice(READY_PREFIX.length));
        if (isSimulatorConnection(parsed)) resolve(parsed);
        else reject(new Error(`unexpected SIMULATOR_READY payload`));
      });
      group.child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the simulator exited (code ${code}) before it was ready\n${stderr.join('').slice(-2000)}`));
      });
    });
    return { connection, stop: () => group.stop() };
  } catch (error) {
    await group.stop();
    throw error;
  }
}
