import type * as vscode from 'vscode';
import type { RestoreSessionClient } from '../../core/clients/restoreSessionClient';
import type { BodyFormat, RestoreSessionSummary } from '../../core/model/restoreSession';
import type { ServerConfig } from '../../core/model/serverConfig';
import type { SessionLogs } from '../logs/sessionLogSource';
import type { SessionRef } from '../sessionRef';

/** What the panel and raw documents need from the server registry (structurally `Pick<ServerRegistry, 'get' | 'getClient'>`). */
export interface ServerAccess {
  get(id: string): ServerConfig | undefined;
  getClient(serverId: string): Promise<RestoreSessionClient>;
}

/** What the panel needs from the session monitor (structurally `Pick<SessionMonitor, 'watch' | 'onDidUpdateSession'>`). */
export interface SessionUpdates {
  watch(ref: SessionRef): vscode.Disposable;
  /** A list row or a session fetched on its own. */
  onDidUpdateSession: vscode.Event<{ serverId: string; session: RestoreSessionSummary }>;
}

export interface PanelDependencies {
  registry: ServerAccess;
  monitor: SessionUpdates;
  /** Session logs shared with the log documents. */
  logs: SessionLogs;
  log: vscode.LogOutputChannel;
  openRaw(ref: SessionRef, format: BodyFormat): Promise<void>;
  openRawHref(serverId: string, href: string, format: BodyFormat): Promise<void>;
}
