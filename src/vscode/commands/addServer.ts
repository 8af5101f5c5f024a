import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { ServerKind } from '../../core/model/restoreSession';
import type { TlsTrust } from '../../core/model/serverConfig';
import { establishServer } from '../addServer/establishServer';
import { runServerForm, type ServerDraft } from '../addServer/serverForm';
import { findSameServer } from '../addServer/sameServer';
import { normaliseServerUrl } from '../addServer/serverUrl';
import { isPlainArgument } from './commandArguments';
import type { CommandContext } from './commandContext';
import { revealInTree, serverTreeNode } from '../tree/revealInTree';
import { configuredApiVersion, isServerKind } from '../../core/kinds/serverKinds';

/** Arguments for driving Add Server without UI (tests, scripts). */
export interface AddServerArgs {
  kind: ServerKind;
  url: string;
  name?: string;
  username: string;
  password: string;
  apiVersion?: string;
  /** Pin this SHA-256 certificate fingerprint for the server. */
  trustFingerprint?: string;
  caPem?: string;
}

/** Prefill for the interactive flow (Open Restore Session offers to add the server of a pasted URL). */
export interface AddServerPrefill {
  kind?: ServerKind;
  url?: string;
  apiVersion?: string;
}

export function registerAddServer(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('veeamRestoreSessions.addServer', (args?: unknown) =>
    isAddServerArgs(args) ? addServerFromArgs(ctx, args) : addServerInteractive(ctx, isPrefill(args) ? args : {}),
  );
}

/** Connects, then saves; resolves the new server id (undefined when the user gave up). */
export async function addServerInteractive(ctx: CommandContext, prefill: AddServerPrefill): Promise<string | undefined> {
  const draft = await runServerForm({ id: randomUUID(), ...prefill }, { editing: false, startAt: prefill.kind ? 'url' : 'kind' });
  if (!draft) return undefined;
  const existing = findSameServer(ctx.registry.list(), draft);
  if (existing) {
    const useExisting = vscode.l10n.t('Use Existing');
    const addAnyway = vscode.l10n.t('Add Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is already configured for {1} as "{2}".', existing.url, existing.username, existing.name),
      { modal: true, detail: vscode.l10n.t('Use the existing server, or add a second entry for the same server and user.') },
      useExisting,
      addAnyway,
    );
    if (choice === useExisting) {
      await showNewServer(ctx, existing.id);
      return existing.id;
    }
    if (choice !== addAnyway) return undefined;
  }
  const established = await establishServer(ctx.registry, draft, { interactive: true, editing: false, log: ctx.log });
  if (!established?.password) return undefined;
  await ctx.registry.add(established.config, established.password, established.client);
  ctx.log.info(`added server ${established.config.name} (${established.config.kind}, ${established.config.url})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Connected to {0}.', established.config.name));
  await showNewServer(ctx, established.config.id);
  return established.config.id;
}

async function addServerFromArgs(ctx: CommandContext, args: AddServerArgs): Promise<string> {
  const url = normaliseServerUrl(args.url, args.kind, vscode.l10n.t);
  if ('error' in url) throw new Error(url.error);
  const trust: TlsTrust = args.trustFingerprint
    ? { mode: 'fingerprint', sha256: args.trustFingerprint }
    : args.caPem
      ? { mode: 'ca', caPem: args.caPem }
      : { mode: 'system' };
  const draft: ServerDraft = {
    id: randomUUID(),
    kind: args.kind,
    apiVersion: configuredApiVersion(args.kind, args.apiVersion),
    url: url.origin,
    name: args.name ?? url.host,
    username: args.username,
    password: args.password,
    trust,
  };
  // No one to ask here (tests, scripts): a repeat is added as asked, and the log says so.
  const existing = findSameServer(ctx.registry.list(), draft);
  if (existing) ctx.log.warn(`adding ${draft.url} for ${draft.username} again; it is already configured as ${existing.name}`);
  const established = await establishServer(ctx.registry, draft, { interactive: false, editing: false, log: ctx.log });
  if (!established) throw new Error(vscode.l10n.t('Connecting was cancelled.'));
  await ctx.registry.add(established.config, args.password, established.client);
  ctx.log.info(`added server ${established.config.name} (${established.config.kind}, ${established.config.url})`);
  return established.config.id;
}

/** The server just added, selected and expanded: its sessions are what the user came for. */
async function showNewServer(ctx: CommandContext, serverId: string): Promise<void> {
  // Only into a view on screen: adding a server from the palette must not pull the side bar open.
  if (!ctx.treeView.visible) return;
  // The server list re-renders now rather than after the tree's debounce: VS Code reveals after pending refreshes.
  ctx.tree.refresh();
  await revealInTree(ctx.treeView, await serverTreeNode(ctx.tree, serverId), { expand: true, log: ctx.log, rendered: ctx.tree.onDidRenderChildren });
}

function isAddServerArgs(value: unknown): value is AddServerArgs {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isServerKind(v.kind) && typeof v.url === 'string' && typeof v.username === 'string' && typeof v.password === 'string';
}

function isPrefill(value: unknown): value is AddServerPrefill {
  // The title button passes the focused tree node: that is no prefill.
  return isPlainArgument(value) && !('serverId' in value) && !('server' in value);
}
