import { buildWebviewPageHtml, type WebviewPageShell } from '../panel/webviewPageHtml';

/** The Restore Activity page's shell, under the same CSP as the session page (its data arrives in messages). */
export function buildTimelineHtml(shell: WebviewPageShell): string {
  return buildWebviewPageHtml(shell, { title: 'Restore Activity', loading: 'Loading restore activity…' });
}
