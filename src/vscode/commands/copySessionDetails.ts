import * as vscode from 'vscode';
import { curlSnippet, powerShellSnippet } from '../presentation/requestSnippets';
import { sessionUrl } from '../presentation/sessionUrl';
import type { SessionRef } from '../sessionRef';
import { sessionRefOrExplain } from './sessionArgument';
import type { CommandContext } from './commandContext';

type CopyKind = 'copyId' | 'copyUid' | 'copyUrl' | 'copyAsCurl' | 'copyAsPowerShell';

/** Copy ID / UID / URL / as curl / as PowerShell. Snippets carry a token placeholder, never a secret. Each returns the copied text. */
export function registerCopySessionDetails(ctx: CommandContext): vscode.Disposable[] {
  const kinds: CopyKind[] = ['copyId', 'copyUid', 'copyUrl', 'copyAsCurl', 'copyAsPowerShell'];
  return kinds.map((kind) =>
    vscode.commands.registerCommand(`veeamRestoreSessions.${kind}`, async (arg?: unknown) => {
      const ref = sessionRefOrExplain(arg);
      const text = ref ? textFor(ctx, ref, kind) : undefined;
      if (text === undefined) return undefined;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard.'), 2000);
      return text;
    }),
  );
}

function textFor(ctx: CommandContext, ref: SessionRef, kind: CopyKind): string | undefined {
  const server = ctx.registry.get(ref.serverId);
  if (!server) return undefined;
  const url = sessionUrl(server, ref.sessionId);
  switch (kind) {
    case 'copyId':
      return ref.sessionId;
    case 'copyUid':
      return ctx.monitor.lastKnown(ref)?.uid ?? `urn:veeam:RestoreSession:${ref.sessionId}`;
    case 'copyUrl':
      return url;
    case 'copyAsCurl':
      return curlSnippet(server, url);
    case 'copyAsPowerShell':
      return powerShellSnippet(server, url);
  }
}
