import * as vscode from 'vscode';
import type { ServerNode } from './serverNode';

/** A server without a password (prompt dismissed or signed out): one click signs in again. */
export class SignedOutNode extends vscode.TreeItem {
  constructor(readonly parent: ServerNode) {
    super(vscode.l10n.t('Signed out. Sign in…'), vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.server.id}/signedOut`;
    this.iconPath = new vscode.ThemeIcon('account');
    this.contextValue = 'signedOut';
    this.command = { command: 'veeamRestoreSessions.signIn', title: vscode.l10n.t('Sign In'), arguments: [{ serverId: parent.server.id }] };
  }
}
