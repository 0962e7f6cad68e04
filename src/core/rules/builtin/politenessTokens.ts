import { formatTokens, formatWh } from '../../format';
import { defineRule } from '../defineRule';
import type { TextEdit } from '../finding';
import { savingOfEdits } from '../measureSaving';
import type { PartKind } from '../../prompt/parsedPrompt';
import type { TextRange } from '../../textRange';

/** "thanks to the new JSX transform" is not a courtesy: `thanks` followed by "to" is excluded. */
const POLITE = /\b(?:thank you(?: (?:so|very) much)?|thanks(?! to\b)(?: a lot| so much)?|please|kindly|much appreciated|if you don'?t mind|would you be so kind(?: as)? to|sorry to bother you|cheers)\b[,!.]?/gi;
/** Parts the user writes to the model; code, pasted data and history are not courtesy. */
const PROSE_KINDS = new Set<PartKind>(['instructions', 'question']);
/**
 * Words that are not the prompt's own voice: inline code, quoted strings (a message the agent is
 * told to say: `respond with "Please share your notes"`), block quotes, HTML comments.
 */
const NOT_OWN_VOICE = /`[^`\n]*`|"[^"\n]*"|“[^”\n]*”|'(?=[A-Z])[^'\n]*'|^[ \t]*>.*$|<!--[\s\S]*?-->/gm;

/**
 * Answers the question people ask first ("do my pleases cost energy?") with a measurement: yes, a
 * handful of tokens, which is negligible next to the context. Off by default (a hint a team can
 * turn on): on real prompt files it is never the reduction that matters. No fix on purpose.
 */
export const politenessTokens = defineRule({
  id: 'politeness-tokens',
  description: 'Measures what politeness costs (it is negligible; the context is what matters)',
  tags: ['information'],
  defaultSeverity: 'info',
  enabledByDefault: false,
  optionsSchema: {},
  defaultOptions: {},
  check(context) {
    const text = context.prompt.text;
    const prose = context.prompt.parts.length ? context.prompt.parts.filter((p) => PROSE_KINDS.has(p.kind)).map((p) => p.range) : [{ start: 0, end: text.length }];
    const matches: TextRange[] = [];
    for (const range of prose) {
      const chunk = text.slice(range.start, range.end).replace(NOT_OWN_VOICE, (m) => ' '.repeat(m.length));
      for (const m of chunk.matchAll(POLITE)) matches.push(removalRange(text, range.start + (m.index ?? 0), range.start + (m.index ?? 0) + m[0].length));
    }
    if (!matches.length) return [];
    // The saving is the real difference: the text without the phrases, whitespace collapsed.
    const edits: TextEdit[] = matches.map((range) => ({ range, newText: '' }));
    const saving = savingOfEdits(context, edits);
    if (saving.tokens <= 0) return [];
    const share = context.totalInputTokens ? (saving.tokens / context.totalInputTokens) * 100 : 0;
    return [
      {
        range: matches[0],
        message: `Politeness in this prompt (${matches.length} phrase${matches.length > 1 ? 's' : ''}) costs ${formatTokens(saving.tokens)} token${saving.tokens === 1 ? '' : 's'}: ${share < 0.1 ? share.toPrecision(1) : share.toFixed(1)}% of this ${formatTokens(context.totalInputTokens)}-token request, ≈${formatWh(saving.wh)}. That is negligible — keep it if you like; the context you attach is what costs.`,
        saving,
      },
    ];
  },
});

/** The phrase with one space next to it, so that removing it leaves no double space. */
function removalRange(text: string, start: number, end: number): TextRange {
  if (text[end] === ' ') return { start, end: end + 1 };
  if (start > 0 && text[start - 1] === ' ') return { start: start - 1, end };
  return { start, end };
}
