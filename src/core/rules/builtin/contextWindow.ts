import { formatInteger } from '../../format';
import type { Rule } from '../rule';

/** The request (input plus the answer it expects) must fit the model's context window. */
export const contextWindow: Rule = {
  id: 'context-window',
  description: 'The request is over, or close to, the model\'s context window',
  docs: 'docs/rules/context-window.md',
  tags: ['context', 'model'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: {
      nearShare: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Warn when the request uses at least this share of the window.' },
      includeExpectedOutput: { type: 'boolean', description: 'Count the expected answer (and hidden reasoning) against the window.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { nearShare: 0.8, includeExpectedOutput: true },
  check(context, options) {
    const profile = context.model.profile;
    const window = profile.contextWindow;
    const input = context.totalInputTokens;
    const output = options.includeExpectedOutput ? context.estimate.tokens.output + context.estimate.tokens.reasoning : 0;
    const needed = input + output;
    const fmt = formatInteger;
    const parts = output ? ` (${fmt(input)} input + ${fmt(output)} expected output)` : '';
    if (needed > window) {
      return [
        {
          severity: 'error',
          message: `The request needs ${fmt(needed)} tokens${parts} but ${profile.name}'s context window is ${fmt(window)}: ${fmt(needed - window)} over. The provider would reject or truncate it — remove context before sending.`,
        },
      ];
    }
    const share = needed / window;
    if (share >= (options.nearShare as number)) {
      return [
        {
          message: `The request uses ${Math.round(share * 100)}% of ${profile.name}'s context window (${fmt(needed)} of ${fmt(window)} tokens${parts}). Little room is left for the answer or follow-ups, and every token is re-sent with each new message.`,
        },
      ];
    }
    return [];
  },
};
