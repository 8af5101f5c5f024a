/**
 * Process-level safety nets for the harness entry points. Both end the process through process.exit, which runs
 * ProcessGroup's exit hook: every code-server, simulator and helper group is killed with it.
 */

/** Fails the run instead of stalling CI when a browser, server or suite hangs. */
export function armHarnessTimeout(timeoutMs: number, label: string): void {
  setTimeout(() => {
    console.error(`[${label}] timed out after ${Math.round(timeoutMs / 60_000)} min`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, timeoutMs).unref();
}

/** Ctrl+C / SIGTERM / SIGHUP stop everything the harness started. */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
}
