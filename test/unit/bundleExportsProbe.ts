/**
 * Child process of extensionExports.test.ts: loads one extension bundle with the `vscode` stand-in, activates it
 * with the given ExtensionMode and prints what activate() returned (its type and top-level keys, nothing deeper).
 * One process per bundle: the stand-in and the bundle's module state are per process.
 */
import { createVscodeStandIn, installVscodeStandIn } from '../bench/vscodeStandIn';

interface ExtensionModule {
  activate(context: unknown): Promise<unknown>;
}

async function main(): Promise<void> {
  const [bundle, mode] = process.argv.slice(2);
  if (!bundle || !mode) throw new Error('usage: bundleExportsProbe <extension bundle> <ExtensionMode number>');
  const standIn = createVscodeStandIn({ treeVisible: false });
  installVscodeStandIn(standIn);
  const context = { ...standIn.context(), extensionMode: Number(mode) };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = await (require(bundle) as ExtensionModule).activate(context);
  const keys = typeof exported === 'object' && exported !== null ? Object.keys(exported).sort() : [];
  process.stdout.write(`${JSON.stringify({ type: exported === null ? 'null' : typeof exported, keys })}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
