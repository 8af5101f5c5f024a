/**
 * `toLowerCase()` of words that repeat: field names, and the state, result and type words servers send. Each row of a
 * 10,000-session list asked for fresh lower-case copies of the same few words; this keeps one of each.
 */
const lowerCaseWords = new Map<string, string>();
// Bounded: a server sending a new word per row must not grow this without end.
const LIMIT = 1000;

export function lowerCaseWord(word: string): string {
  let lower = lowerCaseWords.get(word);
  if (lower === undefined) {
    lower = word.toLowerCase();
    if (lowerCaseWords.size >= LIMIT) lowerCaseWords.clear();
    lowerCaseWords.set(word, lower);
  }
  return lower;
}
