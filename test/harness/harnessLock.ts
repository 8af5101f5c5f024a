import * as fs from 'fs';
import * as path from 'path';
import { TOOL_CACHE_DIR } from './harnessPaths';

const LOCK_FILE = path.join(TOOL_CACHE_DIR, 'harness.lock');

function holderIsAlive(): number | undefined {
  try {
    const pid = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // no lock file, unreadable, or its process is gone
  }
}

/**
 * Serialises harness runs in this checkout: each one rebuilds dist/ and the .vsix, so two at once (several people
 * or agents on one machine) would test each other's half-written bundles. Waits for a live holder, takes over a
 * stale lock, and returns the release function (also run at process exit).
 */
export async function acquireHarnessLock(label: string, waitMs = 15 * 60_000): Promise<() => void> {
  fs.mkdirSync(TOOL_CACHE_DIR, { recursive: true });
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = holderIsAlive();
      if (holder === undefined) {
        fs.rmSync(LOCK_FILE, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another harness run (pid ${holder}) still holds ${LOCK_FILE}`);
      if (!announced) console.log(`[${label}] waiting for another harness run in this checkout (pid ${holder}) to finish`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const release = (): void => {
    process.removeListener('exit', release);
    if (holderIsAlive() === process.pid) fs.rmSync(LOCK_FILE, { force: true });
  };
  process.on('exit', release);
  return release;
}
