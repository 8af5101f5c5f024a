import * as vscode from 'vscode';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { RestoreSessionSummary } from '../../core/model/restoreSession';
import { stripBidiControls } from '../../core/text/bidiControls';
import { sessionAccessibilityLabel, sessionDescription, sessionIcon, sessionTooltipMarkdown } from '../presentation/sessionPresentation';
import type { SessionRef } from '../sessionRef';
import type { ServerNode } from './serverNode';

// Built on first use, not at module load: a DateTimeFormat loads locale data (~25 ms), which activation must not pay.
let timeFormat: Intl.DateTimeFormat | undefined;

function formatTime(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return timeFormat.format(new Date(iso));
}

/**
 * One restore session: its server node and its list row, nothing else. A browsed list holds tens of thousands, so the
 * TreeItem (label, icon, description, command) is built when VS Code asks for it (getTreeItem) and not kept; a
 * TreeItem per session was ~0.9 KB of retained memory. The getters give the same facts to commands and tests.
 */
export class SessionNode implements SessionRef {
  /** `session` is replaced in place when a poll brings a newer row for the same place in the list (see the provider). */
  constructor(
    readonly parent: ServerNode,
    public session: RestoreSessionSummary,
  ) {}

  get serverId(): string {
    return this.parent.server.id;
  }

  get sessionId(): string {
    return this.session.id;
  }

  /** Stable across refreshes (server/session), so reveal and selection survive. */
  get id(): string {
    return `${this.serverId}/${this.session.id}`;
  }

  get label(): string {
    // Server-provided: bidi overrides could make a name read as another one.
    return stripBidiControls(this.session.name) || this.session.id;
  }

  get description(): string {
    return sessionDescription(this.session, Date.now(), vscode.l10n.t);
  }

  get contextValue(): string {
    const s = this.session;
    const phase = s.state === 'running' || s.state === 'stopping' ? 'running' : s.state === 'unknown' ? 'unknown' : 'finished';
    // `canStop`: a running session of a kind whose API can stop it (the menus show Stop only then).
    const canStop = s.state === 'running' && kindDescriptor(s.kind).capabilities.stop;
    const hasLog = kindDescriptor(s.kind).capabilities.log;
    return `session ${s.kind} ${phase}${s.uid !== undefined ? ' hasUid' : ''}${canStop ? ' canStop' : ''}${hasLog ? ' hasLog' : ''}`;
  }

  get accessibilityInformation(): vscode.AccessibilityInformation {
    return { label: sessionAccessibilityLabel(this.session, Date.now(), vscode.l10n.t) };
  }

  /** The row as VS Code shows it. No tooltip: it is built on hover (resolveTreeItem → tooltipMarkdown). */
  toTreeItem(now = Date.now()): vscode.TreeItem {
    const s = this.session;
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const description = sessionDescription(s, now, vscode.l10n.t);
    item.description = description;
    const icon = sessionIcon(s);
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    item.accessibilityInformation = { label: sessionAccessibilityLabel(s, now, vscode.l10n.t, description) };
    item.contextValue = this.contextValue;
    const ref: SessionRef = { serverId: this.serverId, sessionId: s.id };
    item.command = { command: 'veeamRestoreSessions.open', title: vscode.l10n.t('Open'), arguments: [ref] };
    return item;
  }

  /** The Markdown tooltip (dates in the user's locale): built only when VS Code is about to show it. */
  tooltipMarkdown(now = Date.now()): vscode.MarkdownString {
    return new vscode.MarkdownString(sessionTooltipMarkdown(this.session, now, vscode.l10n.t, formatTime), true);
  }
}
