import * as vscode from 'vscode';
import { establishServer } from '../addServer/establishServer';
import { runServerForm } from '../addServer/serverForm';
import { serverIdOf } from './commandArguments';
import type { CommandContext } from './commandContext';
import { pickServer } from './pickServer';

/** Edit Server…: the same steps as Add Server, prefilled; connects again before saving. */
export function registerEditServer(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.editServer', async (arg?: unknown) => {
    const serverId = serverIdOf(arg) ?? (await pickServer(ctx, vscode.l10n.t('Server to edit')));
    const server = serverId ? ctx.registry.get(serverId) : undefined;
    if (!server) return;
    const draft = await runServerForm({ ...server }, { editing: true, startAt: 'url' });
    if (!draft) return;
    const established = await establishServer(ctx.registry, draft, { interactive: true, editing: true, log: ctx.log });
    if (!established) return;
    // The test connection was detached; the registry makes its own client for the saved definition.
    await established.client.logoff().catch(() => undefined);
    await established.client.dispose();
    await ctx.registry.update(established.config, established.password);
    ctx.store.reset(server.id);
    ctx.monitor.pollNow(server.id);
  });
}
