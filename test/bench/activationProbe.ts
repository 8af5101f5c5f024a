/**
 * Child process of case 4: loads one module with the `vscode` stand-in in place and, for the extension, runs
 * `activate`. Prints the load (+ activate) time, which heavy modules ended up loaded, and how many network
 * connections were opened. One process per measurement: a module loads cold only once per process.
 */
import * as net from 'net';
import { createVscodeStandIn, installVscodeStandIn } from './vscodeStandIn';

interface ActivationModule {
  activate?: (context: unknown) => unknown;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'empty' && mode !== 'extension') || !file) throw new Error('usage: activationProbe empty|extension <module>');
  const standIn = createVscodeStandIn({ treeVisible: false });
  installVscodeStandIn(standIn);
  const context = standIn.context();
  let connections = 0;
  // Every TCP or TLS connection goes through Socket#connect: count the calls without changing what they do.
  const socketConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: Parameters<typeof socketConnect>) {
    connections++;
    return socketConnect.apply(this, args);
  } as typeof socketConnect;

  const start = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as ActivationModule;
  if (mode === 'extension') {
    if (typeof loaded.activate !== 'function') throw new Error(`${file} exports no activate()`);
    await loaded.activate(context);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // Anything deferred (timers, promises) gets a moment to start before looking at what was loaded.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const modules = Object.keys(require.cache);
  const heavy = modules.filter((m) => /[\\/]dist[\\/]protocol\.js$|[\\/]node_modules[\\/](undici|fast-xml-parser)[\\/]/.test(m));
  process.stdout.write(`${JSON.stringify({ ms, heavy, connections })}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
