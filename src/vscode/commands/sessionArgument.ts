import * as vscode from 'vscode';
import type { SessionRef } from '../sessionRef';
import { sessionRefOf } from './commandArguments';

/**
 * The session a row command is for. VS Code passes none when the row was replaced while its menu was open (the tree
 * re-read the list): say so rather than do nothing, and never guess from the selection, which may be another row.
 */
export function sessionRefOrExplain(arg: unknown): SessionRef | undefined {
  const ref = sessionRefOf(arg);
  if (!ref) {
    void vscode.window.showWarningMessage(vscode.l10n.t('VS Code passed no restore session to this command (the list was being refreshed). Please choose the session again.'));
  }
  return ref;
}
