import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_KINDS } from '../../src/core/kinds/serverKinds';

const SRC = path.resolve(__dirname, '../../../src');
/** The only places allowed to name a kind: each kind's own folder and the two registries. */
const ALLOWED = [path.join('core', 'kinds', path.sep), path.join('core', 'kinds', 'serverKinds.ts'), path.join('core', 'kinds', 'kindProtocols.ts')];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Whether `relative` is inside a kind's folder (core/kinds/<kind>/…) or is a registry file. */
function mayNameKinds(relative: string): boolean {
  const inKindFolder = relative.startsWith(ALLOWED[0]) && relative.slice(ALLOWED[0].length).includes(path.sep);
  return inKindFolder || relative === ALLOWED[1] || relative === ALLOWED[2];
}

describe('server kinds are named only in their folders', () => {
  it('no kind id appears as a string literal outside src/core/kinds/<kind>/ and the registries', () => {
    const ids = SERVER_KINDS.map((k) => k.id);
    assert.ok(ids.length >= 2, 'the registry lists the kinds');
    const literal = new RegExp(`(['"\`])(${ids.join('|')})\\1`);
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const relative = path.relative(SRC, file);
      if (mayNameKinds(relative)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (literal.test(line)) offenders.push(`src/${relative}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepStrictEqual(offenders, [], `kind literals outside the kind folders:\n${offenders.join('\n')}`);
  });

  it('every kind has its own folder with one descriptor', () => {
    for (const kind of SERVER_KINDS) {
      const folders = fs.readdirSync(path.join(SRC, 'core', 'kinds'), { withFileTypes: true }).filter((e) => e.isDirectory());
      const owner = folders.filter((f) => fs.readdirSync(path.join(SRC, 'core', 'kinds', f.name)).some((n) => n.endsWith('Descriptor.ts') && fs.readFileSync(path.join(SRC, 'core', 'kinds', f.name, n), 'utf8').includes(`id: '${kind.id}'`)));
      assert.strictEqual(owner.length, 1, `kind ${kind.id} is described in exactly one folder`);
    }
  });
});
