import * as vscode from 'vscode';
import { serverIdOf } from './commandArguments';
import type { CommandContext } from './commandContext';
import { revealInTree } from '../tree/revealInTree';

/** Refresh (a server, or the server of a session node), Refresh All, Retry and Load More. */
export function registerRefresh(ctx: CommandContext): vscode.Disposable[] {
  const refreshServer = async (arg?: unknown): Promise<void> => {
    const serverId = serverIdOf(arg) ?? serverIdOf((arg as { parent?: unknown } | undefined)?.parent);
    if (!serverId) return refreshAll();
    ctx.monitor.pollNow(serverId);
    ctx.store.reset(serverId);
    await ctx.store.ensureLoaded(serverId);
  };
  const refreshAll = async (): Promise<void> => {
    for (const server of ctx.registry.list()) ctx.monitor.pollNow(server.id);
    ctx.store.reset();
    await Promise.all(ctx.registry.list().map((s) => ctx.store.ensureLoaded(s.id)));
  };
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.refresh', refreshServer),
    vscode.commands.registerCommand('veeamRestoreSessions.retry', refreshServer),
    vscode.commands.registerCommand('veeamRestoreSessions.refreshAll', refreshAll),
    vscode.commands.registerCommand('veeamRestoreSessions.loadMore', async (arg?: unknown) => {
      const serverId = serverIdOf(arg);
      if (!serverId) return;
      const before = ctx.store.sessions(serverId)?.length ?? 0;
      await ctx.store.loadMore(serverId);
      // The "Load more…" row had the focus and is gone: hand it to the first row that came in.
      const first = ctx.store.sessions(serverId)?.[before];
      if (!first) return;
      // Render the new rows now rather than after the tree's debounce: VS Code reveals after pending refreshes.
      ctx.tree.refresh(serverId);
      await revealInTree(ctx.treeView, ctx.tree.findSessionNode({ serverId, sessionId: first.id }), { log: ctx.log, rendered: ctx.tree.onDidRenderChildren });
    }),
  ];
}
