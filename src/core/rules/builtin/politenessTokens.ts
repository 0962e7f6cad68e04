import type { Rule } from '../rule';
import type { TextEdit } from '../finding';
import { savingOfEdits } from '../measureSaving';
import { scanByBlocks } from '../scanByBlocks';

const POLITE = /\b(?:thank you(?: (?:so|very) much)?|thanks(?: a lot| so much)?|please|kindly|much appreciated|if you don'?t mind|would you be so kind(?: as)? to|sorry to bother you|cheers)\b[,!.]?/gi;

/**
 * Answers the question people ask first ("do my pleases cost energy?") with a measurement: yes, a
 * handful of tokens, which is negligible next to the context. Info only, no fix on purpose.
 */
export const politenessTokens: Rule = {
  id: 'politeness-tokens',
  description: 'Measures what politeness costs (it is negligible; the context is what matters)',
  docs: 'docs/rules/politeness-tokens.md',
  tags: ['information'],
  defaultSeverity: 'info',
  enabledByDefault: true,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(context) {
    const matches = scanByBlocks(context.prompt, 'politeness-tokens', (block) => [...block.matchAll(POLITE)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })));
    if (!matches.length) return [];
    const edits: TextEdit[] = matches.map((range) => ({ range, newText: '' }));
    const saving = savingOfEdits(context, edits);
    const share = context.totalInputTokens ? (saving.tokens / context.totalInputTokens) * 100 : 0;
    return [
      {
        range: edits[0].range,
        message: `Politeness in this prompt (${matches.length} phrase${matches.length > 1 ? 's' : ''}) costs ${saving.tokens} token${saving.tokens === 1 ? '' : 's'}: ${share < 0.1 ? share.toPrecision(1) : share.toFixed(1)}% of this ${context.totalInputTokens.toLocaleString('en-US')}-token request, ≈${saving.wh.toPrecision(1)} Wh. That is negligible — keep it if you like; the context you attach is what costs.`,
        saving,
      },
    ];
  },
};
