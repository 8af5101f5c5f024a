import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'veeam-restore-sessions.veeam-restore-sessions';

/** The extension under development, activated (activation is idempotent). */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
  await extension.activate();
  return extension;
}

/** Whether the built extension bundle mentions `text`: tells features that exist from ones not written yet. */
export function bundleMentions(extension: vscode.Extension<unknown>, text: string): boolean {
  const bundle = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'extension.js').fsPath;
  return fs.readFileSync(bundle, 'utf8').includes(text);
}
