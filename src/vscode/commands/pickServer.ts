import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Asks which server when a command runs from the palette; skips the question when there is only one. */
export async function pickServer(ctx: Pick<CommandContext, 'registry' | 'recent'>, placeholder: string): Promise<string | undefined> {
  const servers = ctx.recent.get().order(ctx.registry.list(), (s) => s.id);
  if (servers.length <= 1) return servers[0]?.id;
  const picked = await vscode.window.showQuickPick(
    servers.map((s) => ({ label: s.name, description: s.url, id: s.id })),
    { placeHolder: placeholder },
  );
  return picked?.id;
}
