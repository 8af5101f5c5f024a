import * as assert from 'assert';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { prettyBody, prettyJson, prettyXml } from '../../src/shared/prettyBody';
import { readFixture } from './fixturePath';

const parser = new XMLParser({ ignoreAttributes: false, trimValues: true, parseTagValue: false });
const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('raw body pretty-printing', () => {
  it('indents the documented EM entity without changing its content', () => {
    const original = readFixture('em/restore-session-entity.xml');
    const squashed = original.replace(/>\s+</g, '><');
    const pretty = prettyXml(squashed);
    assert.notStrictEqual(pretty, squashed);
    assert.deepStrictEqual(parser.parse(pretty), parser.parse(original));
    assert.strictEqual(noSpace(pretty), noSpace(original));
    const lines = pretty.split('\n');
    assert.ok(lines[0].startsWith('<?xml'));
    assert.ok(lines.some((l) => /^ {4}<Link /.test(l)), 'links are nested two levels deep');
    assert.ok(lines.some((l) => /^ {2}<JobType>[^<]+<\/JobType>$/.test(l)), 'text-only elements stay on one line');
  });

  it('is idempotent', () => {
    const once = prettyXml(readFixture('em/restore-session-entity.xml'));
    assert.strictEqual(prettyXml(once), once);
  });

  it('keeps attribute values with > and comments/CDATA intact', () => {
    const xml = '<a x="1 > 0"><!-- c <b> --><b><![CDATA[<not a tag>]]></b><c/></a>';
    assert.strictEqual(prettyXml(xml), '<a x="1 > 0">\n  <!-- c <b> -->\n  <b><![CDATA[<not a tag>]]></b>\n  <c/>\n</a>');
  });

  it('returns malformed or unbalanced XML unchanged', () => {
    for (const bad of ['<a><b></a>', '<a>', '</a>', '<a x="unterminated></a>', 'text < more', '<a></a></b>']) {
      assert.strictEqual(prettyXml(bad), bad, bad);
    }
  });

  it('indents JSON with two spaces and leaves invalid JSON alone', () => {
    const json = readFixture('em/restore-session-entity.json');
    const pretty = prettyJson(JSON.stringify(JSON.parse(json)));
    assert.deepStrictEqual(JSON.parse(pretty), JSON.parse(json));
    assert.ok(pretty.includes('\n  "JobType": "RestoreVm"'));
    assert.strictEqual(prettyJson('{"a":'), '{"a":');
    assert.strictEqual(prettyBody('\uFEFF{"a":1}', 'json'), '{\n  "a": 1\n}');
  });

  it('leaves very large bodies as received', () => {
    const big = `<a>${'x'.repeat(4 * 1024 * 1024)}</a>`;
    assert.strictEqual(prettyBody(big, 'xml'), big);
  });

  it('preserves the parsed tree of generated documents (property)', () => {
    const name = fc.constantFrom('A', 'Links', 'Link', 'State', 'x:y');
    const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/[<&]/g, '').trim());
    const leaf = fc.tuple(name, text).map(([n, t]) => (t ? `<${n}>${t}</${n}>` : `<${n}/>`));
    const tree = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(name, fc.array(tie('node'), { maxLength: 4 })).map(([n, kids]) => `<${n} k="v&gt;">${kids.join('')}</${n}>`),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (xml) => {
        const pretty = prettyXml(xml);
        assert.deepStrictEqual(parser.parse(pretty), parser.parse(xml));
        assert.strictEqual(noSpace(pretty), noSpace(xml));
        assert.strictEqual(prettyXml(pretty), pretty);
      }),
      { numRuns: 200 },
    );
  });
});
