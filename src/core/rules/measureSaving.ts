/**
 * Savings are measured, not guessed: apply the fix to a copy of the prompt and count again with
 * the model's own tokenizer; the Wh saving is the estimator's difference between the request as
 * it stands and the request with that many fewer input tokens.
 */
import type { RuleContext } from './rule';
import type { Saving, TextEdit } from './finding';

/** Applies non-overlapping edits to a copy of `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  }
  return out;
}

/** The Wh difference of sending `tokens` fewer input tokens with this request. */
export function savingOfTokens(context: RuleContext, tokens: number): Saving {
  const total = context.totalInputTokens;
  const after = Math.max(0, total - tokens);
  return { tokens, wh: Math.max(0, context.whForInputTokens(total) - context.whForInputTokens(after)) };
}

/** Tokens and Wh saved by applying `edits` to the prompt document (plus tokens dropped elsewhere). */
export function savingOfEdits(context: RuleContext, edits: readonly TextEdit[], alsoDroppedTokens = 0): Saving {
  const text = context.prompt.text;
  const tokens = context.countTokens(text) - context.countTokens(applyEdits(text, edits)) + alsoDroppedTokens;
  return savingOfTokens(context, Math.max(0, tokens));
}
