import { isPossiblyRunning, type RestoreSession } from '../../core/model/restoreSession';

export type CompletionNotificationSetting = 'all' | 'opened' | 'off';

/**
 * Remembers the last state seen per session and reports a session exactly once when it goes from running (or a state
 * this version does not know, which may be a newer server's running state) to finished. VS Code-free; the monitor feeds it every observation and shows the notification it returns.
 */
export class CompletionTracker {
  /** Sessions last seen running or in an unknown state. Finished ones are not kept: a browsed list observes tens of thousands. */
  private readonly running = new Set<string>();
  private readonly notified = new Set<string>();
  private readonly opened = new Set<string>();

  /** The user opened this session (panel, lookup): the "opened" setting notifies for it. */
  markOpened(key: string): void {
    this.opened.add(key);
  }

  /**
   * Records one observation. Returns true when this observation is the session's completion and the setting
   * asks for a notification. A session first seen already finished is not a completion.
   */
  observe(key: string, session: Pick<RestoreSession, 'state'>, setting: () => CompletionNotificationSetting): boolean {
    // Unknown counts as possibly running: running → unknown → finished, and unknown → finished, are completions.
    const running = isPossiblyRunning(session);
    const wasRunning = this.running.has(key);
    if (running) this.running.add(key);
    else this.running.delete(key);
    if (running || !wasRunning || session.state !== 'finished') return false;
    if (this.notified.has(key)) return false;
    // Read only for a completion: every list row is observed, and a settings read is not free.
    const notify = setting();
    if (notify === 'off' || (notify === 'opened' && !this.opened.has(key))) return false;
    this.notified.add(key);
    return true;
  }
}
