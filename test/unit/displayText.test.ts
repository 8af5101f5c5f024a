import * as assert from 'assert';
import { revealBidiControls, stripBidiControls } from '../../src/core/text/bidiControls';

describe('display text of server strings', () => {
  it('drops bidi overrides and isolates, so a name reads as what it is', () => {
    assert.strictEqual(stripBidiControls('invoice\u202Egpj.exe'), 'invoicegpj.exe');
    assert.strictEqual(stripBidiControls('a\u2066b\u2069c\u200Fd'), 'abcd');
  });

  it('makes other control characters visible as U+FFFD and keeps tabs and line breaks', () => {
    assert.strictEqual(stripBidiControls('bell\u0007 nul\u0000 del\u007F csi\u009B'), 'bell\uFFFD nul\uFFFD del\uFFFD csi\uFFFD');
    assert.strictEqual(stripBidiControls('a\tb\nc\r\n'), 'a\tb\nc\r\n');
  });

  it('reveals bidi controls in raw bodies instead of dropping them', () => {
    assert.strictEqual(revealBidiControls('x\u202Ey'), 'x<U+202E>y');
  });
});
