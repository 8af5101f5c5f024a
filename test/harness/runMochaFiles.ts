import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';
import type { SuiteResult } from './suiteResult';

export interface MochaFilesOptions {
  suite: string;
  /** Folder searched recursively for test files. */
  directory: string;
  /** File name suffix of the test files, e.g. `.test.js`. */
  suffix: string;
  ui: 'tdd' | 'bdd';
  timeoutMs: number;
  /** Also echo the reporter's output to this process's console while it runs. */
  echo: boolean;
  /** Run only the tests whose full title contains this text (mocha's --grep). */
  grep?: string;
}

function findFiles(directory: string, suffix: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith(suffix))
    .map((relative) => path.join(directory, relative))
    .sort();
}

/**
 * Runs mocha programmatically with the spec reporter and returns its counts and output. Used inside the VS Code
 * extension host (where stdout goes nowhere useful, so the output travels in the result) and for the UI tests.
 */
export async function runMochaFiles(options: MochaFilesOptions): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: options.ui, timeout: options.timeoutMs, color: false, reporter: 'spec', ...(options.grep ? { grep: options.grep } : {}) });
  for (const file of findFiles(options.directory, options.suffix)) mocha.addFile(file);
  const lines: string[] = [];
  const base = Mocha.reporters.Base;
  const originalLog = base.consoleLog;
  // Reporters print through Base.consoleLog: capture it so the outer harness can show the report.
  base.consoleLog = (...args: unknown[]): void => {
    const line = args.length === 0 ? '' : format(...args);
    lines.push(line);
    if (options.echo) originalLog(line);
  };
  try {
    // run() loads the files with require(): inside the extension host that is what resolves `import 'vscode'`.
    const counts = await new Promise<Pick<SuiteResult, 'passes' | 'failures' | 'pending'>>((resolve) => {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        resolve({ passes: stats?.passes ?? 0, failures: stats?.failures ?? failures, pending: stats?.pending ?? 0 });
      });
    });
    return { suite: options.suite, ...counts, report: lines.join('\n') };
  } finally {
    base.consoleLog = originalLog;
    // A later run in this process (npm run test:ui -- --repeat N) must load the suites afresh, not from require's cache.
    mocha.unloadFiles();
  }
}
