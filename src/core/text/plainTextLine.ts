import { stripBidiControls } from './bidiControls';

/** Line breaks of every kind a text editor honours: CR, LF, NEL and the Unicode line and paragraph separators. */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/;

/**
 * Server text as one line of a plain-text log: a line break in a title would start a line that reads as a record of
 * its own, a bidi override would make it read as other text (Trojan Source), and control characters garble the
 * editor and a copied line. Breaks and tabs become a space, bidi controls go, other controls become U+FFFD.
 */
export function plainTextLine(text: string): string {
  return stripBidiControls(text.replace(/[\r\n\t\u0085\u2028\u2029]+/g, ' '));
}
