import * as vscode from 'vscode';
import type { ServerNode } from './serverNode';

/** An informational state under a server ("No restore sessions"), optionally with one action. */
export class MessageNode extends vscode.TreeItem {
  constructor(
    readonly parent: ServerNode,
    message: string,
    command?: vscode.Command,
  ) {
    super(message, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.server.id}/message`;
    this.iconPath = new vscode.ThemeIcon('info');
    this.contextValue = 'message';
    this.command = command;
  }
}
