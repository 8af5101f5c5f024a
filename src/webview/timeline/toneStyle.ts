import type { BarTone } from '../../core/timeline/barPlacement';

/** The word a bar's tone stands for (screen readers, the legend, the export). */
export const TONE_WORDS: Record<BarTone, string> = {
  running: 'Running',
  success: 'Success',
  warning: 'Warning',
  failed: 'Failed',
  stopped: 'Finished without result',
  unknown: 'Unknown state',
};

/**
 * A 12×12 glyph per tone, drawn next to each session's name: the shape tells the tone apart without its colour
 * (the tree's icons: a spinner-like ring, a check, a triangle, a cross, a slashed circle, a question mark).
 */
export const TONE_GLYPHS: Record<BarTone, string> = {
  running: 'M6 1a5 5 0 1 0 5 5h-2a3 3 0 1 1-3-3z',
  success: 'M1.5 6.5l3 3 6-7-1.2-1-4.9 5.6-1.8-1.8z',
  warning: 'M6 0.8l5.6 10.4H0.4zM5.2 4v3.6h1.6V4zM5.2 8.6v1.5h1.6V8.6z',
  failed: 'M2.2 1l3.8 3.8 3.8-3.8 1.2 1.2-3.8 3.8 3.8 3.8-1.2 1.2-3.8-3.8-3.8 3.8-1.2-1.2 3.8-3.8-3.8-3.8z',
  stopped: 'M6 1a5 5 0 1 0 0 10a5 5 0 1 0 0-10zm0 1.6a3.4 3.4 0 0 1 2.7 5.4l-4.8-4.8a3.4 3.4 0 0 1 2.1-.6zm-2.7 1.4l4.8 4.8a3.4 3.4 0 0 1-4.8-4.8z',
  unknown: 'M4 4.2a2 2 0 1 1 3 1.7c-.6.4-.9.8-.9 1.5v.4H4.9v-.5c0-1.1.5-1.7 1.2-2.2.4-.3.5-.5.5-.8a.7.7 0 0 0-1.4 0zM4.9 9h1.4v1.4H4.9z',
};

/** Theme variables per tone (with fallbacks for themes that lack one), resolved again for an exported picture. */
export const TONE_COLOURS: Record<BarTone, string> = {
  running: '--vscode-progressBar-background',
  success: '--vscode-testing-iconPassed',
  warning: '--vscode-editorWarning-foreground',
  failed: '--vscode-testing-iconFailed',
  stopped: '--vscode-disabledForeground',
  unknown: '--vscode-descriptionForeground',
};
