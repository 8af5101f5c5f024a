import * as vscode from 'vscode';
import { fetchAllSessions } from '../../core/export/fetchAllSessions';
import { SESSION_COLUMNS, sessionRow, sessionsJsonInSlices, type ExportedSession } from '../../core/export/sessionRows';
import { isVeeamError } from '../../core/errors';
import type { ServerConfig } from '../../core/model/serverConfig';
import { isPlainArgument, serverIdOf } from '../commands/commandArguments';
import type { CommandContext } from '../commands/commandContext';
import { pageSize, sessionScope } from '../settings';
import { loadProtocol } from '../protocolLoader';
import { exportTarget, safeFileName, writeExport } from './exportTarget';

export type SessionExportFormat = 'csv' | 'json';

/** What the command returns (tests and scripts read it): where it wrote and how many sessions, or undefined when nothing was written. */
export interface SessionExportResult {
  uri: string;
  count: number;
  /** Servers whose sessions could not be read (signed out, unreachable): named in the message, not in the file. */
  skipped: string[];
}

/**
 * Export Sessions…: the sessions of one server (its node) or of all servers, under the tree's filter, to CSV or JSON.
 * Without dialogs when called with `{ serverId?, format, uri, pages?: 'loaded' | 'all' }`.
 */
export function registerExportSessions(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.exportSessions', (arg?: unknown) => exportSessions(ctx, arg)),
    // The view title's button: VS Code hands a title action the focused tree node, which must not narrow it to one server.
    vscode.commands.registerCommand('veeamRestoreSessions.exportAllSessions', () => exportSessions(ctx, undefined)),
  ];
}

async function exportSessions(ctx: CommandContext, arg: unknown): Promise<SessionExportResult | undefined> {
  const options = isPlainArgument(arg) ? arg : {};
  const serverId = serverIdOf(arg);
  const servers = serverId ? ctx.registry.list().filter((s) => s.id === serverId) : ctx.registry.list();
  if (servers.length === 0) {
    void vscode.window.showInformationMessage(serverId ? vscode.l10n.t('That server is no longer configured.') : vscode.l10n.t('There are no servers to export sessions from. Add one first.'));
    return undefined;
  }
  // A server the tree never expanded has no page yet: read its first one, as expanding would.
  await Promise.all(servers.map((s) => ctx.store.ensureLoaded(s.id)));
  const readable = servers.filter((s) => ctx.store.isLoaded(s.id));
  const skipped = servers.filter((s) => !ctx.store.isLoaded(s.id));
  if (readable.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No restore sessions could be read: {0}.', statusText(ctx, skipped)));
    return undefined;
  }

  const format = options.format === 'csv' || options.format === 'json' ? options.format : await pickFormat();
  if (!format) return undefined;

  const partial = readable.filter((s) => ctx.store.hasMore(s.id));
  let pages = options.pages === 'loaded' || options.pages === 'all' ? options.pages : undefined;
  if (partial.length > 0 && pages === undefined) {
    pages = await pickPages(readable.reduce((n, s) => n + (ctx.store.sessions(s.id)?.length ?? 0), 0), partial);
    if (!pages) return undefined;
  }
  const sessions = pages === 'all' && partial.length > 0 ? await fetchEverything(ctx, readable) : loadedSessions(ctx, readable);
  if (!sessions) return undefined;

  const fileName = `${servers.length === 1 ? `${safeFileName(servers[0].name)}-` : ''}restore-sessions.${format}`;
  const uri = await exportTarget(options.uri, fileName, format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] });
  if (!uri) return undefined;
  // In slices, encoded in turns: 50,000 rows in one go held the extension host for most of a second.
  const text = format === 'csv' ? await (await loadProtocol()).csvTextInSlices(SESSION_COLUMNS, sessions, sessionRow) : await sessionsJsonInSlices(sessions);
  const done =
    skipped.length > 0
      ? vscode.l10n.t('Exported {0} restore sessions to {1}. Not included: {2}.', sessions.length, basename(uri), statusText(ctx, skipped))
      : vscode.l10n.t('Exported {0} restore sessions to {1}.', sessions.length, basename(uri));
  await writeExport(uri, text, done);
  return { uri: uri.toString(), count: sessions.length, skipped: skipped.map((s) => s.name) };
}

function loadedSessions(ctx: CommandContext, servers: readonly ServerConfig[]): ExportedSession[] {
  return servers.flatMap((server) => (ctx.store.sessions(server.id) ?? []).map((session) => ({ serverName: server.name, session })));
}

/**
 * Every session of every server (those fully loaded as they are), with a cancellable progress notification that
 * counts them. Cancelled or failed: undefined, and nothing is written (a partial file would pass for the whole list).
 */
async function fetchEverything(ctx: CommandContext, servers: readonly ServerConfig[]): Promise<ExportedSession[] | undefined> {
  const controller = new AbortController();
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading restore sessions for the export'), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        const out: ExportedSession[] = [];
        for (const server of servers) {
          if (!ctx.store.hasMore(server.id)) {
            out.push(...loadedSessions(ctx, [server]));
            continue;
          }
          progress.report({ message: vscode.l10n.t('{0}: reading…', server.name) });
          const client = await ctx.registry.getClient(server.id);
          const all = await fetchAllSessions(client, {
            pageSize: pageSize(),
            filter: ctx.store.filter,
            scope: sessionScope(),
            signal: controller.signal,
            onProgress: (read, total) =>
              progress.report({ message: total !== undefined ? vscode.l10n.t('{0}: {1} of {2} sessions', server.name, read, total) : vscode.l10n.t('{0}: {1} sessions', server.name, read) }),
          });
          out.push(...all.map((session) => ({ serverName: server.name, session })));
        }
        return out;
      },
    );
  } catch (e) {
    if (controller.signal.aborted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled: nothing was written.'));
      return undefined;
    }
    const reason = isVeeamError(e) || e instanceof Error ? e.message : String(e);
    ctx.log.warn(`Export Sessions: reading every session failed: ${reason}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read every restore session: {0} Nothing was written; you can export the loaded sessions instead.', reason));
    return undefined;
  }
}

async function pickFormat(): Promise<SessionExportFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: SessionExportFormat }> = [
    { label: 'CSV', description: vscode.l10n.t('for spreadsheets: one row per session, UTC times'), format: 'csv' },
    { label: 'JSON', description: vscode.l10n.t('the sessions as the extension reads them, one array'), format: 'json' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Restore Sessions'), placeHolder: vscode.l10n.t('File format') });
  return picked?.format;
}

async function pickPages(loadedCount: number, partial: readonly ServerConfig[]): Promise<'loaded' | 'all' | undefined> {
  const items: Array<vscode.QuickPickItem & { pages: 'loaded' | 'all' }> = [
    { label: vscode.l10n.t('Export loaded ({0})', loadedCount), description: vscode.l10n.t('the sessions the tree has read so far'), pages: 'loaded' },
    { label: vscode.l10n.t('Fetch all first'), description: vscode.l10n.t('read every page of {0} (cancellable)', names(partial)), pages: 'all' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export Restore Sessions'),
    placeHolder: vscode.l10n.t('{0} has more sessions than are loaded', names(partial)),
  });
  return picked?.pages;
}

function names(servers: readonly ServerConfig[]): string {
  return servers.map((s) => s.name).join(', ');
}

function statusText(ctx: CommandContext, servers: readonly ServerConfig[]): string {
  return servers
    .map((s) => {
      const status = ctx.store.status(s.id);
      return status.kind === 'signedOut' ? vscode.l10n.t('{0} is signed out', s.name) : status.kind === 'error' ? `${s.name}: ${status.message}` : vscode.l10n.t('{0} did not answer', s.name);
    })
    .join('; ');
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
