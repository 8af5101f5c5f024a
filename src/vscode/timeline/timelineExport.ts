import * as vscode from 'vscode';
import type { ExportFormat } from '../../shared/timelineProtocol';
import { exportTarget } from '../export/exportTarget';
import { exportBytes } from './pictureBytes';

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
