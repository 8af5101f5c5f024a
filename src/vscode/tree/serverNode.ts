import * as vscode from 'vscode';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import type { ServerConfig } from '../../core/model/serverConfig';
import { escapeMarkdown } from '../presentation/sessionPresentation';
import type { ServerStatus } from '../sessions/serverStatus';

/** A configured server; its children are its restore sessions (or a state node). */
export class ServerNode extends vscode.TreeItem {
  /** `expanded`: the initial state only (VS Code remembers the user's choice per id afterwards). */
  /** `running`: sessions known to run on the server, so a collapsed node still tells. */
  constructor(
    public server: ServerConfig,
    public status: ServerStatus,
    public version: string | undefined,
    expanded: boolean,
    public running = 0,
  ) {
    super(server.name, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `server/${server.id}`;
    this.render();
  }

  update(server: ServerConfig, status: ServerStatus, version: string | undefined, running: number): void {
    this.server = server;
    this.status = status;
    this.version = version;
    this.running = running;
    this.label = server.name;
    this.render();
  }

  private render(): void {
    const { server, status } = this;
    const kind = kindDescriptor(server.kind);
    const kindLabel = `${vscode.l10n.t(kind.shortName)} ${kind.apiVersions ? (server.apiVersion ?? '') : ''}`;
    this.iconPath = new vscode.ThemeIcon(kind.icon);
    const runningLabel = this.running > 0 ? vscode.l10n.t('{0} running', this.running) : undefined;
    // What changes first (failed, signed out, 2 running), then the product and version: a narrow side bar cuts the
    // end of the line, and "Enterprise Manager (REST API v1_8)" is the part that can go (the tooltip has it).
    this.description = [statusLabel(status) ?? runningLabel, this.version ?? kindLabel.trim()].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(server.name)}**\n\n`);
    tooltip.appendText(`${this.version ?? kindLabel.trim()} — ${server.url}\n\n`);
    tooltip.appendText(vscode.l10n.t('User: {0}', server.username));
    if (status.kind === 'error') {
      tooltip.appendMarkdown('\n\n$(error) ');
      tooltip.appendText(status.message);
      if (status.retryAt !== undefined) {
        tooltip.appendMarkdown('\n\n$(sync) ');
        tooltip.appendText(retryTimeSentence(status.retryAt));
      }
    }
    this.tooltip = tooltip;
    this.contextValue = `server ${server.kind} ${status.kind}`;
    this.accessibilityInformation = { label: vscode.l10n.t('Server {0}, {1}', server.name, this.description) };
  }
}

function statusLabel(status: ServerStatus): string | undefined {
  switch (status.kind) {
    case 'loading':
      if (status.sessionsRead === undefined) return vscode.l10n.t('Connecting…');
      return status.totalCount === undefined
        ? vscode.l10n.t('Reading sessions… {0}', status.sessionsRead)
        : vscode.l10n.t('Reading sessions… {0} of {1}', status.sessionsRead, status.totalCount);
    case 'ready':
      return undefined;
    case 'signedOut':
      return vscode.l10n.t('Signed out');
    case 'error':
      return status.retryAt === undefined ? errorLabel(status.code) : vscode.l10n.t('{0} · retrying', errorLabel(status.code));
    default:
      return undefined;
  }
}

function errorLabel(code: string): string {
  switch (code) {
    case 'unreachable':
    case 'timeout':
      return vscode.l10n.t('Unreachable');
    case 'tlsUntrusted':
      return vscode.l10n.t('Untrusted certificate');
    case 'certificateChanged':
      return vscode.l10n.t('Certificate changed');
    case 'authFailed':
    case 'sessionExpired':
      return vscode.l10n.t('Sign-in failed');
    case 'forbidden':
      return vscode.l10n.t('Access denied');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    default:
      return vscode.l10n.t('Error');
  }
}

/** "Retrying automatically at 10:15:03 (or use Retry)." */
export function retryTimeSentence(retryAt: number): string {
  const time = new Date(retryAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return vscode.l10n.t('Retrying automatically at {0}. Retry tries now.', time);
}
