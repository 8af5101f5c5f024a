import * as fs from 'fs';
import * as path from 'path';

export interface SecretHit {
  /** Which secret (a label such as "VB365 access token #3", never the value). */
  label: string;
  where: string;
}

/** Files bigger than this are not searched (nothing of ours writes files that big). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Every regular file under `root`, depth first, skipping folders `skip` says no to. */
export function filesUnder(root: string, skip: (dir: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (skip(dir)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // vanished while walking (temporary files)
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root);
  return out;
}

/** Looks for each secret's bytes in UTF-8 and UTF-16LE (SQLite and some logs store the latter). */
export function searchText(where: string, content: Buffer | string, secrets: ReadonlyArray<{ label: string; value: string }>): SecretHit[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const hits: SecretHit[] = [];
  for (const secret of secrets) {
    if (bytes.includes(Buffer.from(secret.value, 'utf8')) || bytes.includes(Buffer.from(secret.value, 'utf16le'))) hits.push({ label: secret.label, where });
  }
  return hits;
}

export function searchFiles(files: readonly string[], secrets: ReadonlyArray<{ label: string; value: string }>): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) continue;
      content = fs.readFileSync(file);
    } catch {
      continue;
    }
    hits.push(...searchText(file, content, secrets));
  }
  return hits;
}

/** VS Code user-data folders (a `User` folder inside) directly under `root` or `root` itself. */
export function userDataDirsUnder(root: string): string[] {
  const candidates = [root, ...fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, e.name))];
  return candidates.filter((dir) => fs.existsSync(path.join(dir, 'User')));
}
