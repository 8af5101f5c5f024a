import * as vscode from 'vscode';
import { serverIdOf } from './commandArguments';
import type { CommandContext } from './commandContext';
import { pickServer } from './pickServer';

/** Sign Out (logoff, token and password deleted) and Sign In (asks the password; `{ serverId, password }` without UI). */
export function registerSignInOut(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.signOut', async (arg?: unknown) => {
      const serverId = serverIdOf(arg) ?? (await pickServer(ctx, vscode.l10n.t('Server to sign out of')));
      if (!serverId || !ctx.registry.get(serverId)) return;
      await ctx.registry.signOut(serverId);
    }),
    vscode.commands.registerCommand('veeamRestoreSessions.signIn', async (arg?: unknown) => {
      const serverId = serverIdOf(arg) ?? (await pickServer(ctx, vscode.l10n.t('Server to sign in to')));
      if (!serverId || !ctx.registry.get(serverId)) return false;
      const password = typeof arg === 'object' && arg !== null && typeof (arg as { password?: unknown }).password === 'string' ? (arg as { password: string }).password : undefined;
      const signedIn = await ctx.registry.signIn(serverId, password);
      if (signedIn) ctx.monitor.pollNow(serverId);
      return signedIn;
    }),
  ];
}
