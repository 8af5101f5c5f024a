/**
 * The extension activated in this process from its tsc build (out/src/extension.js), with the `vscode` stand-in:
 * the real registry, store, tree provider and monitor, talking HTTPS to simulators. Cases 3, 5 and 6 drive it.
 */
import type { ServerConfig } from '../../src/core/model/serverConfig';
import type { VeeamRestoreSessionsApi } from '../../src/vscode/extensionApi';
import type { RestoreSessionTreeNode } from '../../src/vscode/tree/restoreSessionTreeProvider';
import type { ServerNode } from '../../src/vscode/tree/serverNode';
import { createVscodeStandIn, installVscodeStandIn, type VscodeStandIn } from './vscodeStandIn';

export interface BenchServer {
  config: ServerConfig;
  password: string;
}

export interface ExtensionUnderBench {
  api: VeeamRestoreSessionsApi;
  /** The tree's top-level nodes, by server id. */
  serverNode(serverId: string): ServerNode;
  /** Expands a server the way VS Code does: asks the tree for its children. */
  expand(serverId: string): Promise<RestoreSessionTreeNode[]>;
  dispose(): void;
}

let standIn: VscodeStandIn | undefined;

/** Settings the benchmarks run with (page size as shipped; the fastest polling the settings allow). */
export const BENCH_SETTINGS: ReadonlyArray<[string, unknown]> = [
  ['veeamRestoreSessions.pageSize', 100],
  ['veeamRestoreSessions.polling.runningIntervalSeconds', 1],
  ['veeamRestoreSessions.polling.listIntervalSeconds', 5],
];

export async function activateExtensionForBench(servers: readonly BenchServer[], extraSettings: ReadonlyArray<[string, unknown]> = []): Promise<ExtensionUnderBench> {
  // One stand-in per process: the extension's modules keep the `vscode` object they first received.
  if (!standIn) {
    standIn = createVscodeStandIn({ treeVisible: true });
    installVscodeStandIn(standIn);
  }
  standIn.settings.clear();
  for (const [key, value] of [...BENCH_SETTINGS, ...extraSettings]) standIn.settings.set(key, value);
  const context = standIn.context();
  // The tsc build has no esbuild `define`: opt in to the test-only export the way the development bundle does.
  (globalThis as { VEEAM_TEST_BUILD?: boolean }).VEEAM_TEST_BUILD = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require('../../src/extension') as { activate(context: unknown): Promise<VeeamRestoreSessionsApi | undefined> };
  const api = await extension.activate(context);
  if (!api) throw new Error('activate() exported no live parts: the bench needs the test-only export');
  for (const server of servers) await api.registry.add(server.config, server.password);
  const roots = (await api.tree.getChildren()) as ServerNode[];
  const byId = new Map(roots.map((node) => [node.server.id, node]));
  const serverNode = (serverId: string): ServerNode => {
    const node = byId.get(serverId) ?? api.tree.serverNode(serverId);
    if (!node) throw new Error(`no tree node for server ${serverId}`);
    return node;
  };
  return {
    api,
    serverNode,
    expand: (serverId) => api.tree.getChildren(serverNode(serverId)),
    dispose: () => {
      for (const d of (context.subscriptions as Array<{ dispose(): unknown }>).splice(0)) d.dispose();
    },
  };
}
