import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { sessionRefOrExplain } from './sessionArgument';

/** Open Log as Text: the session's log in a read-only `veeam-log` editor, refreshed while the session runs. */
export function registerOpenLogAsText(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.openLogAsText', async (arg?: unknown) => {
      const ref = sessionRefOrExplain(arg);
      if (!ref) return;
      try {
        await ctx.openLog(ref);
      } catch (error) {
        void vscode.window.showInformationMessage(error instanceof Error ? error.message : String(error));
      }
    }),
  ];
}
