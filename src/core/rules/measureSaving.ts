/**
 * Savings are measured, not guessed: apply the fix to a copy and count again with the model's own
 * tokenizer; the Wh saving is the estimator's difference between the request as it stands and the
 * request with that many fewer input tokens.
 *
 * Only the lines an edit touches are re-counted (before and after). Tokenizers pre-split text at
 * line breaks, so the difference equals a whole-document recount in practice, and a rule that
 * reports hundreds of matches in a long prompt does not re-tokenize the document hundreds of times
 * per keystroke.
 */
import type { RuleContext } from './rule';
import type { Saving, TextEdit } from './finding';
import type { TextRange } from '../textRange';

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

/** Whole lines around each edit, merged where they touch. */
function lineWindows(text: string, edits: readonly TextEdit[]): TextRange[] {
  const windows: TextRange[] = [];
  for (const e of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    const start = text.lastIndexOf('\n', e.range.start - 1) + 1;
    const nl = text.indexOf('\n', e.range.end);
    const end = nl < 0 ? text.length : nl + 1;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** Tokens and Wh saved by applying `edits` to the prompt document (plus tokens dropped elsewhere). */
export function savingOfEdits(context: RuleContext, edits: readonly TextEdit[], alsoDroppedTokens = 0): Saving {
  const text = context.prompt.text;
  let tokens = alsoDroppedTokens;
  for (const w of lineWindows(text, edits)) {
    const inside = edits
      .filter((e) => e.range.start >= w.start && e.range.end <= w.end)
      .map((e) => ({ range: { start: e.range.start - w.start, end: e.range.end - w.start }, newText: e.newText }));
    const before = text.slice(w.start, w.end);
    tokens += context.countTokens(before) - context.countTokens(applyEdits(before, inside));
  }
  return savingOfTokens(context, Math.max(0, tokens));
}
