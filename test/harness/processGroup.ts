import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';

/**
 * A child started as the leader of its own session and process group (`detached` calls setsid() on Linux), so it
 * and every helper process it starts can be stopped together: killing only the leader leaves code-server's and
 * Chromium's helpers running.
 */
export class ProcessGroup {
  readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(command: string, args: readonly string[], options: Omit<SpawnOptions, 'detached'>) {
    this.child = spawn(command, args, { ...options, detached: true });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    // A crashing harness must not leave the group behind.
    liveGroups.add(this);
    this.child.once('exit', () => liveGroups.delete(this));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends SIGTERM to the whole group, then SIGKILL if it is still there after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    liveGroups.delete(this);
    if (!this.signalGroup('SIGTERM')) return;
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited.then(() => 'exited' as const), timer])) === 'timeout') this.signalGroup('SIGKILL');
    // Helpers of an exited leader may still run: make sure the group is gone.
    this.signalGroup('SIGKILL');
  }

  /** Synchronous last-resort kill, for process exit handlers. */
  killNow(): void {
    liveGroups.delete(this);
    this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): boolean {
    const pid = this.child.pid;
    if (pid === undefined) return false;
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // ESRCH: the group is already gone
    }
  }
}

const liveGroups = new Set<ProcessGroup>();

process.on('exit', () => {
  for (const group of [...liveGroups]) group.killNow();
});
