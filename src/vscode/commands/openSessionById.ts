import * as vscode from 'vscode';
import { isVeeamError } from '../../core/errors';
import type { RestoreSession } from '../../core/model/restoreSession';
import type { ServerConfig } from '../../core/model/serverConfig';
import { parseRestoreSessionReference, type RestoreSessionReference } from '../../core/restoreSessionId';
import type { SessionRef } from '../sessionRef';
import { addServerInteractive } from './addServer';
import type { CommandContext } from './commandContext';

/** `{ reference, serverId? }` drives the lookup without UI (tests); the command resolves the opened SessionRef. */
export interface OpenSessionArgs {
  reference: string;
  serverId?: string;
}

interface Found {
  server: ServerConfig;
  session: RestoreSession;
}

const SEARCH_ALL = Symbol('searchAll');

/** Veeam: Open Restore Session… — a GUID, UID or pasted URL; picks (or offers to add) the server, then opens the panel. */
export function registerOpenSessionById(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.openSession', async (arg?: unknown): Promise<SessionRef | undefined> => {
    const args = isArgs(arg) ? arg : undefined;
    const text =
      args?.reference ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Open Restore Session'),
        prompt: vscode.l10n.t('Restore session ID, UID (urn:veeam:RestoreSession:…) or URL'),
        ignoreFocusOut: true,
        validateInput: (value) => {
          if (!value.trim()) return undefined;
          try {
            parseRestoreSessionReference(value);
            return undefined;
          } catch (e) {
            return isVeeamError(e) ? e.message : String(e);
          }
        },
      }));
    if (!text?.trim()) return undefined;
    const reference = parseRestoreSessionReference(text);
    const targets = await chooseTargets(ctx, reference, args);
    if (!targets) return undefined;
    const found = await lookUp(ctx, reference.id, targets, args === undefined);
    if (!found) return undefined;
    const ref: SessionRef = { serverId: found.server.id, sessionId: found.session.id };
    await ctx.recent.touch(found.server.id);
    ctx.notifier.markOpened(ref);
    await ctx.openPanel(ref, found.session);
    // Show where it lives when the list already has it (reveal needs the stable id and getParent).
    const node = ctx.tree.findSessionNode(ref);
    if (node && ctx.treeView.visible) void ctx.treeView.reveal(node, { select: true, focus: false });
    return ref;
  });
}

/** The servers to ask: the URL's server, the one given, the one configured, or the user's pick (MRU first). */
async function chooseTargets(ctx: CommandContext, reference: RestoreSessionReference, args: OpenSessionArgs | undefined): Promise<ServerConfig[] | undefined> {
  if (args?.serverId) {
    const server = ctx.registry.get(args.serverId);
    if (!server) throw new Error(vscode.l10n.t('The server is no longer configured.'));
    return [server];
  }
  if (reference.server) {
    const matches = ctx.registry.findMatching(reference.server.kind, reference.server.origin);
    if (matches.length === 1) return matches;
    // Without UI (arguments) every matching server is searched; interactively the user picks.
    if (matches.length > 1) return args ? matches : pickTargets(ctx, matches);
    if (args) throw new Error(vscode.l10n.t('No configured server matches {0}.', reference.server.origin));
    const add = vscode.l10n.t('Add Server…');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is not one of your servers. Add it?', reference.server.origin), add);
    if (choice !== add) return undefined;
    const id = await addServerInteractive(ctx, { kind: reference.server.kind, url: reference.server.origin, apiVersion: reference.server.apiVersion });
    const server = id ? ctx.registry.get(id) : undefined;
    return server ? [server] : undefined;
  }
  const all = ctx.registry.list();
  if (all.length === 0) {
    const add = vscode.l10n.t('Add Server…');
    if (args) throw new Error(vscode.l10n.t('No Veeam server is configured.'));
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('Add a Veeam server first.'), add)) === add) {
      await vscode.commands.executeCommand('veeamRestoreSessions.addServer');
    }
    return undefined;
  }
  if (all.length === 1 || args) return all;
  return pickTargets(ctx, all);
}

async function pickTargets(ctx: CommandContext, servers: ServerConfig[]): Promise<ServerConfig[] | undefined> {
  type Item = vscode.QuickPickItem & { target: ServerConfig | typeof SEARCH_ALL };
  const ordered = ctx.recent.get().order(servers, (s) => s.id);
  const items: Item[] = [
    ...ordered.map((s) => ({ label: s.name, description: s.url, target: s })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, target: SEARCH_ALL },
    { label: `$(search) ${vscode.l10n.t('Search all servers')}`, target: SEARCH_ALL },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which server has this restore session?') });
  if (!picked) return undefined;
  return picked.target === SEARCH_ALL ? servers : [picked.target];
}

/** Asks the servers in parallel under one cancellable progress; the first that has the session wins, the rest are aborted. */
async function lookUp(ctx: CommandContext, sessionId: string, servers: ServerConfig[], interactive: boolean): Promise<Found | undefined> {
  const controller = new AbortController();
  const search = async (): Promise<Found | undefined> => {
    const failures: Array<{ server: ServerConfig; error: unknown }> = [];
    const attempts = servers.map(async (server) => {
      try {
        const client = await ctx.registry.getClient(server.id);
        const session = await client.getSession(sessionId, { signal: controller.signal });
        return { server, session };
      } catch (error) {
        failures.push({ server, error });
        throw error;
      }
    });
    try {
      const found = await Promise.any(attempts);
      controller.abort();
      return found;
    } catch {
      if (controller.signal.aborted) return undefined;
      const notFoundEverywhere = failures.every((f) => isVeeamError(f.error) && f.error.code === 'notFound');
      const message = notFoundEverywhere
        ? servers.length === 1
          ? vscode.l10n.t('Restore session {0} was not found on {1}.', sessionId, servers[0].name)
          : vscode.l10n.t('Restore session {0} was not found on any of {1} servers.', sessionId, servers.length)
        : failures.map((f) => `${f.server.name}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join(' ');
      for (const f of failures) ctx.log.info(`lookup of ${sessionId} on ${f.server.name}: ${isVeeamError(f.error) ? f.error.toLogString() : String(f.error)}`);
      if (!interactive) throw new Error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  };
  if (!interactive) return search();
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: servers.length === 1 ? vscode.l10n.t('Looking up the restore session on {0}…', servers[0].name) : vscode.l10n.t('Searching {0} servers…', servers.length),
      cancellable: true,
    },
    (_progress, token) => {
      const subscription = token.onCancellationRequested(() => controller.abort());
      return search().finally(() => subscription.dispose());
    },
  );
}

function isArgs(value: unknown): value is OpenSessionArgs {
  return typeof value === 'object' && value !== null && typeof (value as { reference?: unknown }).reference === 'string';
}
