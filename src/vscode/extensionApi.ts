import type { CompletionNotifier } from './monitor/completionNotifier';
import type { SessionPanelManager } from './panel/sessionPanelManager';
import type { SessionMonitor } from './monitor/sessionMonitor';
import type { ServerRegistry } from './serverRegistry';
import type { SessionListStore } from './sessions/sessionListStore';
import type { RestoreSessionTreeNode, RestoreSessionTreeProvider } from './tree/restoreSessionTreeProvider';
import type * as vscode from 'vscode';

/** What activate() returns: the live parts, for extension-host tests and other extensions (no test-only globals). */
export interface VeeamRestoreSessionsApi {
  readonly registry: ServerRegistry;
  readonly store: SessionListStore;
  readonly tree: RestoreSessionTreeProvider;
  readonly treeView: vscode.TreeView<RestoreSessionTreeNode>;
  readonly monitor: SessionMonitor;
  /** Completion notifications (onDidNotify fires once per notification shown). */
  readonly notifier: CompletionNotifier;
  readonly panels: SessionPanelManager;
  /** The extension's mementos (server order only; the secrets leak test reads every key of them). */
  readonly storage: { readonly globalState: vscode.Memento; readonly workspaceState: vscode.Memento };
}
