import { buildWebviewPageHtml, type WebviewPageShell } from './webviewPageHtml';

/** The session page's shell (its data arrives in messages: see webviewPageHtml). */
export function buildSessionPanelHtml(shell: WebviewPageShell): string {
  return buildWebviewPageHtml(shell, { title: 'Restore session', loading: 'Loading restore session…' });
}
