import { execFile } from 'child_process';

/** Runs a compiled bench script in a fresh Node process and returns its last stdout line parsed as JSON. */
export function runNodeChild<T>(script: string, args: string[], options: { nodeFlags?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(options.nodeFlags ?? []), script, ...args],
      { env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${script} failed: ${error.message}\n${stderr}`));
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`${script} printed no JSON result: ${stdout.slice(-500)}\n${stderr}`));
        }
      },
    );
  });
}
