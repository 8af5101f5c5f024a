/**
 * Unicode bidirectional controls (embeddings, overrides, isolates, marks). In names from a server they can
 * make text read differently from what it is ("Trojan Source", CVE-2021-42574), so displayed text drops them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** For labels: names, titles, field values. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** For raw bodies: keeps every character accounted for, but visible (`<U+202E>`) instead of active. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
