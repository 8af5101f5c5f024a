import * as vscode from 'vscode';
import type { ServerNode } from './serverNode';

/** "Load more…": the next page of a server's sessions, only on request. */
export class LoadMoreNode extends vscode.TreeItem {
  constructor(readonly parent: ServerNode) {
    super(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.server.id}/loadMore`;
    this.iconPath = new vscode.ThemeIcon('ellipsis');
    this.contextValue = 'loadMore';
    this.command = { command: 'veeamRestoreSessions.loadMore', title: vscode.l10n.t('Load More'), arguments: [{ serverId: parent.server.id }] };
  }
}
