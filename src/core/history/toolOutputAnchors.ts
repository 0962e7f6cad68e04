/**
 * Whether a tool's output was ever used: we take its distinctive words (paths, identifiers,
 * error codes, long numbers) and watch later messages for any of them. Plain English words are
 * not distinctive, so they are never anchors.
 */

const WORD_SPLIT = /[^A-Za-z0-9_./:#-]+/;
const MAX_ANCHORS = 40;

export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(WORD_SPLIT)) {
    const word = raw.replace(/^[.:#-]+|[.:#-]+$/g, '');
    if (word.length >= 4) words.add(word);
  }
  return words;
}

export function anchorsOf(text: string): string[] {
  const anchors = new Set<string>();
  for (const word of wordsOf(text.length > 200_000 ? text.slice(0, 200_000) : text)) {
    if (isDistinctive(word)) anchors.add(word);
  }
  // Longer anchors are rarer by chance; keep the most specific ones.
  return [...anchors].sort((a, b) => b.length - a.length).slice(0, MAX_ANCHORS);
}

function isDistinctive(word: string): boolean {
  if (word.length < 5 || word.length > 120) return false;
  if (/^\d+$/.test(word)) return word.length >= 5;
  if (/[/_]/.test(word) && /[A-Za-z]/.test(word)) return true; // paths, snake_case
  if (/[a-z][A-Z]/.test(word)) return true; // camelCase
  if (/\.[A-Za-z]\w*$/.test(word) && /^[\w.-]+$/.test(word) && !/^\d/.test(word)) return true; // file.ext, a.b.c
  if (/[A-Za-z]/.test(word) && /\d/.test(word)) return true; // E1234, v2beta
  return false;
}
