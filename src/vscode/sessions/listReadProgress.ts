import * as vscode from 'vscode';
import type { ListProgress } from '../../core/clients/restoreSessionClient';

/**
 * A cancellable notification for a list that must be read in full before its first page can be shown (Microsoft 365
 * before v8 promises no order). Appears only once a second request is needed; `cancel` aborts the read.
 */
export class ListReadProgress {
  private readonly controller = new AbortController();
  private report: ((p: ListProgress) => void) | undefined;
  private finish: (() => void) | undefined;
  private done = false;
  private latest: ListProgress | undefined;

  constructor(private readonly serverName: string) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  update(progress: ListProgress): void {
    if (this.done) return;
    this.latest = progress;
    if (!this.report && !this.finish && progress.more) this.show();
    this.report?.(progress);
  }

  dispose(): void {
    this.done = true;
    this.finish?.();
  }

  private show(): void {
    let last = 0;
    const finished = new Promise<void>((resolve) => (this.finish = resolve));
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the restore sessions of {0}', this.serverName), cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => this.controller.abort());
        this.report = (p) => {
          const increment = p.totalCount ? ((p.sessionsRead - last) / p.totalCount) * 100 : undefined;
          last = p.sessionsRead;
          progress.report({ message: p.totalCount === undefined ? String(p.sessionsRead) : vscode.l10n.t('{0} of {1}', p.sessionsRead, p.totalCount), increment });
        };
        if (this.latest) this.report(this.latest);
        return finished;
      },
    );
  }
}
