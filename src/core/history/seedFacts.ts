/**
 * The sentences a fresh session must keep: constraints the user stated and decisions taken. They
 * are picked by wording, locally and without a model, so the result is a draft the user edits.
 */

const CONSTRAINT =
  /\b(must(?:n'?t| not)?|don'?t|do not|never|always|only|should(?:n'?t| not)?|needs? to|ha(?:s|ve) to|without|avoid|make sure|required?|no more than|at most|at least|keep (?:it|the)|prefer)\b/i;
const USER_DECISION = /\b(let'?s (?:use|go with|keep|switch|do)|we(?:'ll| will) (?:use|go with|keep)|use \S+ instead|instead of|go with|switch(?:ed)? to|decided|decision)\b/i;
const ASSISTANT_DECISION = /\b(decided|decision|going with|we(?:'ll| will) use|switch(?:ed|ing)? to|instead of|chose|settled on)\b/i;

const MIN_SENTENCE = 12;
const MAX_SENTENCE = 300;

export function extractConstraints(text: string): string[] {
  return sentencesOf(text).filter((s) => CONSTRAINT.test(s) && !s.endsWith('?'));
}

export function extractDecisions(text: string, role: 'user' | 'assistant'): string[] {
  const pattern = role === 'user' ? USER_DECISION : ASSISTANT_DECISION;
  return sentencesOf(text).filter((s) => pattern.test(s) && !s.endsWith('?'));
}

/** Sentences of prose, outside code blocks, of a length a summary can hold. */
function sentencesOf(text: string): string[] {
  const prose = text.replace(/(```|~~~)[\s\S]*?(\1|$)/g, ' ');
  const sentences: string[] = [];
  for (const raw of prose.split(/(?<=[.!?])\s+|\n+/)) {
    const sentence = raw.replace(/^[\s>*#-]+/, '').replace(/\s+/g, ' ').trim();
    if (sentence.length >= MIN_SENTENCE && sentence.length <= MAX_SENTENCE) sentences.push(sentence);
  }
  return sentences;
}

/** Shortens text in the middle, keeping its start and end, where a summary needs it bounded. */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const half = Math.floor((maxChars - 5) / 2);
  return `${text.slice(0, half)} [...] ${text.slice(text.length - half)}`;
}
