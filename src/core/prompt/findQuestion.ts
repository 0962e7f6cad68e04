/**
 * Which paragraph of a request is its task — "the question" rules judge attachments and answer
 * length against. Not simply the last paragraph: people end with a sign-off ("Thanks again!",
 * "Cheers, Ana"), a comment, or a line that only attaches files ("#file:checkout.log"). The task is
 * the last paragraph that is none of those.
 */

/** A closing courtesy, not a task: short, and made of thanks, greetings and names. */
const SIGN_OFF =
  /^(?:(?:many |big |thanks? |thank you |thx |ty |cheers|best(?: regards| wishes)?|kind regards|regards|much appreciated|appreciate (?:it|your help)|hope (?:this|that) (?:helps|makes sense)|have a (?:nice|good|great) (?:day|one)|let me know|looking forward[^.!?]*|you(?:'| a)re (?:the best|a star|awesome))[\s\S]*)$/i;
const THANKS = /^\s*(?:thanks|thank you|thx|ty|cheers|regards|best|kind regards|many thanks|much appreciated)\b/i;

export function isSignOff(paragraph: string): boolean {
  const t = paragraph.trim();
  if (!t || t.length > 120 || /\?\s*$/.test(t)) return false;
  return THANKS.test(t) || (SIGN_OFF.test(t) && t.split(/\s+/).length <= 12);
}

function isComment(paragraph: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(paragraph);
}

/** A paragraph that only attaches or links files: nothing asked in it. */
function onlyReferences(paragraph: string): boolean {
  const rest = paragraph.replace(/#file:\S+|!?\[[^\]]*\]\([^)]*\)|@\S+|https?:\/\/\S+/g, ' ');
  return (rest.match(/\p{L}{2,}/gu) ?? []).length < 3;
}

/** Index of the task paragraph among `paragraphs` (prose, in document order), or -1. */
export function findQuestion(paragraphs: readonly string[]): number {
  let fallback = -1;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i];
    if (isSignOff(p) || isComment(p) || !/[\p{L}\p{N}]/u.test(p)) continue;
    if (fallback < 0) fallback = i;
    if (!onlyReferences(p)) return i;
  }
  return fallback;
}
