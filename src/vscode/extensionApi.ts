import type { CompletionNotifier } from './monitor/completionNotifier';
import type { SessionPanelManager } from './panel/sessionPanelManager';
import type { SessionMonitor } from './monitor/sessionMonitor';
import type { ServerRegistry } from './serverRegistry';
import type { SessionListStore } from './sessions/sessionListStore';
import type { RestoreActivity } from './timeline/restoreActivity';
import type { RestoreSessionTreeNode, RestoreSessionTreeProvider } from './tree/restoreSessionTreeProvider';
import type * as vscode from 'vscode';

/**
 * TEST-ONLY: the live parts activate() returns to the extension-host tests, and to nobody else. They reach the stored
 * passwords and tokens (`registry`), so a user's installation exports nothing: activate() returns this object only in
 * a development bundle (esbuild's VEEAM_TEST_BUILD; the production bundle in the .vsix does not contain the code) AND
 * when VS Code runs the extension in ExtensionMode.Test. Never widen this into an API for other extensions.
 */
export interface VeeamRestoreSessionsApi {
  readonly registry: ServerRegistry;
  readonly store: SessionListStore;
  readonly tree: RestoreSessionTreeProvider;
  readonly treeView: vscode.TreeView<RestoreSessionTreeNode>;
  readonly monitor: SessionMonitor;
  /** Completion notifications (onDidNotify fires once per notification shown). */
  readonly notifier: CompletionNotifier;
  readonly panels: SessionPanelManager;
  /** The Restore Activity panel (onDidPost fires per message sent to its page). */
  readonly activity: RestoreActivity;
  /** The extension's mementos (server order only; the secrets leak test reads every key of them). */
  readonly storage: { readonly globalState: vscode.Memento; readonly workspaceState: vscode.Memento };
}
