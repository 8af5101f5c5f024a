import type * as vscode from 'vscode';
import type { BodyFormat, RestoreSessionSummary } from '../../core/model/restoreSession';
import type { RecentServersMemento } from '../lookup/recentServersMemento';
import type { CompletionNotifier } from '../monitor/completionNotifier';
import type { SessionMonitor } from '../monitor/sessionMonitor';
import type { ServerRegistry } from '../serverRegistry';
import type { SessionListStore } from '../sessions/sessionListStore';
import type { SessionLogs } from '../logs/sessionLogSource';
import type { SessionRef } from '../sessionRef';
import type { RestoreSessionTreeNode, RestoreSessionTreeProvider } from '../tree/restoreSessionTreeProvider';

/** Everything a command may use; extension.ts builds it once. */
export interface CommandContext {
  registry: ServerRegistry;
  store: SessionListStore;
  tree: RestoreSessionTreeProvider;
  treeView: vscode.TreeView<RestoreSessionTreeNode>;
  monitor: SessionMonitor;
  notifier: CompletionNotifier;
  recent: RecentServersMemento;
  log: vscode.LogOutputChannel;
  /** Session logs shared by the panels, the log documents and Export Log. */
  logs: SessionLogs;
  openPanel(ref: SessionRef, initial?: RestoreSessionSummary): Promise<void>;
  openRaw(ref: SessionRef, format: BodyFormat): Promise<void>;
  /** The session's log as a read-only text document. */
  openLog(ref: SessionRef): Promise<void>;
}
