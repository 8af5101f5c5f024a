import * as vscode from 'vscode';
import { serverIdOf } from './commandArguments';
import type { CommandContext } from './commandContext';
import { pickServer } from './pickServer';

/** Remove Server: logs off, deletes the password and token, disposes the client. `{ serverId, confirm: false }` skips the question. */
export function registerRemoveServer(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.removeServer', async (arg?: unknown) => {
    const serverId = serverIdOf(arg) ?? (await pickServer(ctx, vscode.l10n.t('Server to remove')));
    const server = serverId ? ctx.registry.get(serverId) : undefined;
    if (!server) return;
    const skipConfirm = typeof arg === 'object' && arg !== null && (arg as { confirm?: unknown }).confirm === false;
    if (!skipConfirm) {
      const remove = vscode.l10n.t('Remove');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove {0}?', server.name),
        { modal: true, detail: vscode.l10n.t('Its password and session token are deleted from this machine.') },
        remove,
      );
      if (choice !== remove) return;
    }
    await ctx.registry.remove(server.id);
    ctx.log.info(`removed server ${server.name}`);
  });
}
