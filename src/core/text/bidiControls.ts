/**
 * Unicode bidirectional controls (embeddings, overrides, isolates, marks). In names from a server they can
 * make text read differently from what it is ("Trojan Source", CVE-2021-42574), so displayed text drops them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

// C0 and C1 control characters other than tab and line breaks: inert, but rendered as boxes or swallowed.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** For labels: names, titles, field values. Bidi controls go; other control characters become U+FFFD (visible, harmless). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROL_CHARACTERS, '\uFFFD');
}

/** For raw bodies: keeps every character accounted for, but visible (`<U+202E>`) instead of active. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
