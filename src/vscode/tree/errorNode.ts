import * as vscode from 'vscode';
import { retryTimeSentence, type ServerNode } from './serverNode';

/** A server that could not be listed: the reason and a Retry action (click, or the inline button). */
export class ErrorNode extends vscode.TreeItem {
  constructor(
    readonly parent: ServerNode,
    message: string,
    retryAt?: number,
  ) {
    super(message, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.server.id}/error`;
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    const tooltip = new vscode.MarkdownString(undefined, true).appendText(message);
    if (retryAt !== undefined) tooltip.appendMarkdown('\n\n').appendText(retryTimeSentence(retryAt));
    this.tooltip = tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click to retry now.')}`);
    if (retryAt !== undefined) this.description = vscode.l10n.t('retrying automatically');
    this.contextValue = 'error';
    this.command = { command: 'veeamRestoreSessions.retry', title: vscode.l10n.t('Retry'), arguments: [{ serverId: parent.server.id }] };
  }
}
