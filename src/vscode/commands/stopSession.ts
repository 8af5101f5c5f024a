import * as vscode from 'vscode';
import { isVeeamError } from '../../core/errors';
import { kindDescriptor } from '../../core/kinds/serverKinds';
import { isPossiblyRunning, type RestoreSessionSummary } from '../../core/model/restoreSession';
import { stripBidiControls } from '../../core/text/bidiControls';
import type { SessionRef } from '../sessionRef';
import type { CommandContext } from './commandContext';
import { sessionRefOrExplain } from './sessionArgument';

/**
 * Stop Restore Session…: always after a modal confirmation that names the session, its server and what stopping means
 * for its kind (also from the palette or another extension: the command has no way around it), never twice at once
 * for one session. Afterwards the session stays watched, so the tree, panel and notification show where it ends.
 */
export function registerStopSession(ctx: CommandContext): vscode.Disposable[] {
  const inFlight = new Set<string>();
  return [
    vscode.commands.registerCommand('veeamRestoreSessions.stopSession', async (arg?: unknown) => {
      // From the palette (no row): choose among the running sessions that can be stopped.
      const ref = arg === undefined ? await pickRunningSession(ctx) : sessionRefOrExplain(arg);
      if (!ref) return;
      const server = ctx.registry.get(ref.serverId);
      if (!server) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The server of this session is no longer configured.'));
        return;
      }
      const kind = kindDescriptor(server.kind);
      if (!kind.capabilities.stop || !kind.stopMeaning) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} offers no way to stop a restore session through its REST API.', vscode.l10n.t(kind.productName)));
        return;
      }
      // The confirmation names the session: read it when neither the monitor nor the list knows it yet (a session just
      // opened by ID), which also tells whether it still runs.
      const known = ctx.monitor.lastKnown(ref) ?? ctx.store.sessions(ref.serverId)?.find((s) => s.id === ref.sessionId) ?? (await readSession(ctx, ref));
      const name = known ? stripBidiControls(known.name) || ref.sessionId : ref.sessionId;
      if (known && !isPossiblyRunning(known)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has already finished: there is nothing to stop.', name));
        return;
      }
      const key = `${ref.serverId}/${ref.sessionId}`;
      if (inFlight.has(key)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('A stop of "{0}" is already under way.', name));
        return;
      }
      inFlight.add(key);
      try {
        const stop = vscode.l10n.t('Stop Session');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Stop restore session "{0}" on {1}?', name, server.name),
          { modal: true, detail: vscode.l10n.t(kind.stopMeaning) },
          stop,
        );
        if (answer !== stop) return;
        await requestStop(ctx, ref, name);
      } finally {
        inFlight.delete(key);
      }
    }),
  ];
}

async function requestStop(ctx: CommandContext, ref: SessionRef, name: string): Promise<void> {
  // Watched until it ends: the stop is a request, the session reaches Stopped on a later poll.
  const watch = ctx.monitor.watch(ref);
  const ended = ctx.monitor.onDidUpdateSession((update) => {
    if (update.serverId === ref.serverId && update.session.id === ref.sessionId && update.session.state === 'finished') release();
  });
  const release = (): void => {
    ended.dispose();
    watch.dispose();
  };
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Stopping "{0}"…', name) }, async () => {
      const client = await ctx.registry.getClient(ref.serverId);
      if (!client.stopSession) throw new Error(vscode.l10n.t('This server cannot stop sessions.'));
      await client.stopSession(ref.sessionId);
    });
    ctx.log.info(`stop requested for ${ref.sessionId} on ${ref.serverId}`);
    ctx.monitor.pollNow(ref.serverId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.warn(`stop of ${ref.sessionId} on ${ref.serverId}: ${isVeeamError(error) ? error.toLogString() : message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not stop "{0}": {1}', name, message));
    // A stop whose answer was lost may still happen: keep watching; any other failure changed nothing.
    if (!(isVeeamError(error) && (error.code === 'timeout' || error.code === 'unreachable'))) release();
  }
}

async function pickRunningSession(ctx: CommandContext): Promise<SessionRef | undefined> {
  const items = ctx.monitor
    .running()
    .filter((r) => r.session.state === 'running' && kindDescriptor(r.session.kind).capabilities.stop)
    .map((r) => ({
      label: stripBidiControls(r.session.name) || r.session.id,
      description: ctx.registry.get(r.serverId)?.name,
      detail: `${r.session.typeLabel} · ${r.session.rawState}${r.session.progress !== undefined ? ` · ${r.session.progress}%` : ''}`,
      ref: { serverId: r.serverId, sessionId: r.session.id },
    }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No running restore session that can be stopped is known right now.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Stop Restore Session'), placeHolder: vscode.l10n.t('Which running session?') }))?.ref;
}

async function readSession(ctx: CommandContext, ref: SessionRef): Promise<RestoreSessionSummary | undefined> {
  try {
    return await (await ctx.registry.getClient(ref.serverId)).getSession(ref.sessionId);
  } catch (error) {
    ctx.log.debug(`stop: ${ref.sessionId} not read before the confirmation: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
