/**
 * The shape of `vscode.l10n.t` for messages with positional `{0}` arguments. Pure formatting code takes it as a
 * parameter so it stays testable without VS Code.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Substitutes `{n}` placeholders without translating: for tests and logs. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
