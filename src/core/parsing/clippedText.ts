/**
 * Server-controlled text on its way into a message (tag names, parser reasons): one line and bounded,
 * so a hostile body cannot make an error message megabytes long or span many log lines.
 */
export function clippedText(text: string, maxLength = 200): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength)}…` : oneLine;
}
