import * as os from 'os';
import * as vscode from 'vscode';

/** The file an export goes to: the `uri` argument (tests, scripts) or the save dialog; undefined when dismissed. */
export async function exportTarget(uriArgument: unknown, fileName: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  if (uriArgument instanceof vscode.Uri) return uriArgument;
  if (typeof uriArgument === 'string' && uriArgument !== '') return uriArgument.includes('://') ? vscode.Uri.parse(uriArgument, true) : vscode.Uri.file(uriArgument);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, fileName), filters, saveLabel: vscode.l10n.t('Export') });
}

/** Writes the text (UTF-8) and says where, with a button to open it. */
export async function writeExport(uri: vscode.Uri, text: string | readonly string[], done: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? new TextEncoder().encode(text) : await encodeInTurns(text));
  const open = vscode.l10n.t('Open File');
  void vscode.window.showInformationMessage(done, open).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(uri);
  });
}

/**
 * UTF-8 of parts that each end on a row boundary, a turn of the event loop between parts (30 MB in one go: ~0.3 s),
 * then copied into one buffer part by part: one 30 MB concatenation at the end was itself a 0.1 s stretch.
 */
async function encodeInTurns(parts: readonly string[]): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const encoded: Uint8Array[] = [];
  for (const [i, part] of parts.entries()) {
    if (i > 0) await nextTurn();
    encoded.push(encoder.encode(part));
  }
  const out = new Uint8Array(encoded.reduce((sum, e) => sum + e.length, 0));
  let offset = 0;
  for (const [i, e] of encoded.entries()) {
    if (i > 0) await nextTurn();
    out.set(e, offset);
    offset += e.length;
  }
  return out;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A file name from user text (a server name): only characters every file system takes. */
export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
}
