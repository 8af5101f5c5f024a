import * as vscode from 'vscode';
import { isPlainArgument, serverIdOf } from '../commands/commandArguments';
import type { RestoreActivity } from './restoreActivity';

/**
 * Restore Activity: from a server's context menu for that server, from the palette or the view title for all.
 * The view title passes the focused tree node, which must not narrow the picture: it has its own command.
 */
export function registerShowActivity(activity: RestoreActivity): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.showActivity', (arg?: unknown) => {
      activity.show(isPlainArgument(arg) || (typeof arg === 'object' && arg !== null && 'server' in arg) ? serverIdOf(arg) : undefined);
    }),
    vscode.commands.registerCommand('veeamRestoreSessions.showAllActivity', () => activity.show(undefined)),
  ];
}
