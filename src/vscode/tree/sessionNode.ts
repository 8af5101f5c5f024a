import * as vscode from 'vscode';
import type { RestoreSession } from '../../core/model/restoreSession';
import { sessionAccessibilityLabel, sessionDescription, sessionIcon, sessionTooltipMarkdown } from '../presentation/sessionPresentation';
import type { SessionRef } from '../sessionRef';
import type { ServerNode } from './serverNode';

// Built on first use, not at module load: a DateTimeFormat loads locale data (~25 ms), which activation must not pay.
let timeFormat: Intl.DateTimeFormat | undefined;

function formatTime(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return timeFormat.format(new Date(iso));
}

/** One restore session. Its id (server/session) is stable across refreshes so reveal and selection survive. */
export class SessionNode extends vscode.TreeItem implements SessionRef {
  readonly serverId: string;
  readonly sessionId: string;

  constructor(
    readonly parent: ServerNode,
    readonly session: RestoreSession,
    now: number,
  ) {
    super(session.name || session.id, vscode.TreeItemCollapsibleState.None);
    this.serverId = parent.server.id;
    this.sessionId = session.id;
    this.id = `${this.serverId}/${session.id}`;
    this.description = sessionDescription(session, now, vscode.l10n.t);
    const icon = sessionIcon(session);
    this.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    const tooltip = new vscode.MarkdownString(sessionTooltipMarkdown(session, now, vscode.l10n.t, formatTime), true);
    this.tooltip = tooltip;
    this.accessibilityInformation = { label: sessionAccessibilityLabel(session, now, vscode.l10n.t) };
    const running = session.state === 'running' || session.state === 'stopping';
    this.contextValue = `session ${session.kind} ${running ? 'running' : 'finished'}${session.uidSynthetic ? '' : ' hasUid'}`;
    const ref: SessionRef = { serverId: this.serverId, sessionId: session.id };
    this.command = { command: 'veeamRestoreSessions.open', title: vscode.l10n.t('Open'), arguments: [ref] };
  }
}
