/**
 * Phrases with which a user abandons the previous attempt. What came before them is dead weight
 * that every later request still carries.
 */

const RETRACTION =
  /\b(ignore (?:that|this|the above|my (?:last|previous)(?: message)?|what i (?:said|wrote))|never ?mind|nvm|scratch that|forget (?:that|it|about (?:that|it)|what i said|the (?:above|previous))|start (?:over|again|from scratch)|that'?s (?:wrong|not (?:right|it|what i (?:asked|wanted|meant)))|disregard (?:that|this|the above|my (?:last|previous))|undo (?:that|this|it)|revert (?:that|this|it)|wrong approach|doesn'?t work,? (?:let'?s|try) (?:something|a different))\b/i;

/** The retraction phrase in a user's message, or undefined. */
export function findRetraction(text: string): string | undefined {
  // Only the start of a message reads as a retraction; "never mind the tests" deep in a long message rarely does.
  const head = text.slice(0, 300);
  const match = RETRACTION.exec(head);
  return match ? match[1] : undefined;
}
