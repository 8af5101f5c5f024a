import * as vscode from 'vscode';
import type { RestoreSessionTreeNode, RestoreSessionTreeProvider } from './restoreSessionTreeProvider';

/**
 * A reveal that reaches VS Code while it applies another refresh of the same rows does nothing, or fails: the row it
 * names is not in the rendered tree yet. It is tried again after the tree's next render, a few times at most.
 */
const REVEAL_ATTEMPTS = 3;
/** A retry does not wait for a render forever: a quiet tree has nothing pending and the next attempt lands. */
const NEXT_RENDER_WAIT_MS = 2000;

/**
 * Moves the tree's selection and keyboard focus to a node. Used where a command replaces the focused row (Load
 * more…) or adds one the user wants next (a new server), so the keyboard user does not land at the top of the view.
 * Best effort: a view that was closed meanwhile, or a node already gone, is not an error worth showing.
 */
export async function revealInTree(
  treeView: vscode.TreeView<RestoreSessionTreeNode>,
  node: RestoreSessionTreeNode | undefined,
  options: { expand?: boolean; log?: vscode.LogOutputChannel; rendered?: vscode.Event<unknown> } = {},
): Promise<void> {
  if (!node) return;
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    try {
      await treeView.reveal(node, { select: true, focus: true, expand: options.expand });
      // VS Code reports the new selection before the reveal returns (one ordered channel): absent, the reveal was lost.
      if (treeView.selection.some((selected) => selected.id === node.id)) return;
      failure = 'the view did not select it';
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    if (attempt === REVEAL_ATTEMPTS || !treeView.visible) {
      options.log?.info(`could not reveal ${String(node.id)} (${attempt} attempts): ${failure}`);
      return;
    }
    options.log?.debug(`reveal ${String(node.id)}, attempt ${attempt}: ${failure}; trying again after the next render`);
    await nextRender(options.rendered);
  }
}

function nextRender(rendered: vscode.Event<unknown> | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, NEXT_RENDER_WAIT_MS);
    const subscription = rendered?.(done);
    function done(): void {
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    }
  });
}

/** A server's node, once the tree has listed the servers (a server just added may not have been rendered yet). */
export async function serverTreeNode(tree: RestoreSessionTreeProvider, serverId: string): Promise<RestoreSessionTreeNode | undefined> {
  return tree.serverNode(serverId) ?? (await tree.getChildren()).find((n) => n.id === `server/${serverId}`);
}
