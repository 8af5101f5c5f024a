import * as vscode from 'vscode';

// Placeholder wiring: the extension-UI work replaces this with the real registry, tree, commands and monitor.
export function activate(context: vscode.ExtensionContext): void {
  const tree: vscode.TreeDataProvider<never> = { getTreeItem: (e) => e, getChildren: () => [] };
  context.subscriptions.push(vscode.window.createTreeView('veeamRestoreSessions.sessions', { treeDataProvider: tree }));
  void vscode.commands.executeCommand('setContext', 'veeamRestoreSessions.hasServers', false);
}

export function deactivate(): void {}
