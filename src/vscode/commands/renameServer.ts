import * as vscode from 'vscode';
import { serverIdOf } from './commandArguments';
import type { CommandContext } from './commandContext';
import { pickServer } from './pickServer';

/** Rename…: accepts `{ serverId, name }` without UI. */
export function registerRenameServer(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.renameServer', async (arg?: unknown) => {
    const serverId = serverIdOf(arg) ?? (await pickServer(ctx, vscode.l10n.t('Server to rename')));
    const server = serverId ? ctx.registry.get(serverId) : undefined;
    if (!server) return;
    const given = typeof arg === 'object' && arg !== null && typeof (arg as { name?: unknown }).name === 'string' ? (arg as { name: string }).name : undefined;
    const name =
      given ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename Server'),
        value: server.name,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
      }));
    if (!name?.trim() || name.trim() === server.name) return;
    await ctx.registry.update({ ...server, name: name.trim() });
  });
}
