import * as fs from 'fs';
import * as path from 'path';

/** Reads a file from test/fixtures (works from both the TS sources and the compiled out/ tree). */
export function readFixture(relative: string): string {
  const candidates = [path.resolve(__dirname, '../fixtures', relative), path.resolve(__dirname, '../../../test/fixtures', relative)];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`fixture not found: ${relative}`);
  return fs.readFileSync(found, 'utf8');
}

export function fixtureFile(relative: string): string {
  const p = path.resolve(__dirname, '../../../test/fixtures', relative);
  return fs.existsSync(p) ? p : path.resolve(__dirname, '../fixtures', relative);
}
