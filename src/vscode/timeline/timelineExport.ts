import * as vscode from 'vscode';
import type { ExportFormat } from '../../shared/timelineProtocol';
import { exportTarget } from '../export/exportTarget';

const PNG_DATA_URL = 'data:image/png;base64,';

/** The file bytes of an exported picture; undefined when the page sent something else than it claims. */
export function exportBytes(format: ExportFormat, data: string): Uint8Array | undefined {
  if (format === 'svg') return data.trimStart().startsWith('<svg') ? new TextEncoder().encode(data) : undefined;
  if (!data.startsWith(PNG_DATA_URL)) return undefined;
  const bytes = Buffer.from(data.slice(PNG_DATA_URL.length), 'base64');
  // The PNG signature: a page (or anything posing as it) cannot make us write other content under a .png name.
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? new Uint8Array(bytes) : undefined;
}

/** Asks where (or takes `target` from a test) and writes the picture; false when dismissed. */
export async function saveTimelinePicture(format: ExportFormat, data: string, target?: vscode.Uri): Promise<boolean> {
  const bytes = exportBytes(format, data);
  if (!bytes) throw new Error(vscode.l10n.t('The picture could not be exported.'));
  const filters = format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] };
  const uri = await exportTarget(target, `restore-activity.${format}`, filters);
  if (!uri) return false;
  await vscode.workspace.fs.writeFile(uri, bytes);
  const open = vscode.l10n.t('Open File');
  void vscode.window.showInformationMessage(vscode.l10n.t('Restore activity exported to {0}.', uri.fsPath), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', uri);
  });
  return true;
}
