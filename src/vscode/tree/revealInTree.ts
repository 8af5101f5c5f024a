import * as vscode from 'vscode';
import type { RestoreSessionTreeNode, RestoreSessionTreeProvider } from './restoreSessionTreeProvider';

/**
 * Moves the tree's selection and keyboard focus to a node. Used where a command replaces the focused row (Load
 * more…) or adds one the user wants next (a new server), so the keyboard user does not land at the top of the view.
 * Best effort: a view that was closed meanwhile, or a node already gone, is not an error worth showing.
 */
export async function revealInTree(
  treeView: vscode.TreeView<RestoreSessionTreeNode>,
  node: RestoreSessionTreeNode | undefined,
  options: { expand?: boolean; log?: vscode.LogOutputChannel } = {},
): Promise<void> {
  if (!node) return;
  try {
    await treeView.reveal(node, { select: true, focus: true, expand: options.expand });
  } catch (e) {
    // The row may have been re-rendered away (refresh, filter) between the command and the reveal.
    options.log?.debug(`could not reveal ${String(node.id)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A server's node, once the tree has listed the servers (a server just added may not have been rendered yet). */
export async function serverTreeNode(tree: RestoreSessionTreeProvider, serverId: string): Promise<RestoreSessionTreeNode | undefined> {
  return tree.serverNode(serverId) ?? (await tree.getChildren()).find((n) => n.id === `server/${serverId}`);
}
