import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

export function registerShowLog(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.showLog', () => ctx.log.show(true));
}
