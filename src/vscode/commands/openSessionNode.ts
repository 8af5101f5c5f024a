import * as vscode from 'vscode';
import type { BodyFormat } from '../../core/model/restoreSession';
import { sessionRefOrExplain } from './sessionArgument';
import type { CommandContext } from './commandContext';
import { defaultFormat } from '../../core/kinds/serverKinds';

/** Open (the session panel) and Open Raw Response (the body as the server sent it), from a node or a SessionRef. */
export function registerOpenSessionNode(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.open', async (arg?: unknown) => {
      const ref = sessionRefOrExplain(arg);
      if (!ref) return;
      ctx.notifier.markOpened(ref);
      await ctx.recent.touch(ref.serverId);
      await ctx.openPanel(ref, ctx.monitor.lastKnown(ref));
    }),
    vscode.commands.registerCommand('veeamRestoreSessions.openRawResponse', async (arg?: unknown, formatArg?: unknown) => {
      const ref = sessionRefOrExplain(arg);
      if (!ref) return;
      const server = ctx.registry.get(ref.serverId);
      const requested = (arg as { format?: unknown }).format ?? formatArg;
      const format: BodyFormat = requested === 'json' || requested === 'xml' ? requested : server ? defaultFormat(server.kind) : 'json';
      await ctx.openRaw(ref, format);
    }),
  ];
}
