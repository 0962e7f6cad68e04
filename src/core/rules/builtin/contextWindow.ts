import { formatInteger } from '../../format';
import { defineRule } from '../defineRule';
import { DEFAULT_WINDOW_OPTIONS, windowUse } from '../windowUse';

/** The request (input plus the answer it expects) must fit the model's context window. */
export const contextWindow = defineRule({
  id: 'context-window',
  description: 'The request is over, or close to, the model\'s context window',
  tags: ['context', 'model'],
  defaultSeverity: 'warning',
  optionsSchema: {
    nearShare: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Warn when the request uses at least this share of the window.' },
    includeExpectedOutput: { type: 'boolean', description: 'Count the expected answer (and hidden reasoning) against the window.' },
  },
  defaultOptions: { ...DEFAULT_WINDOW_OPTIONS },
  check(context, options) {
    const profile = context.model.profile;
    // The one window judgement (Analysis.window is made by the same function with these options).
    const use = windowUse(profile.contextWindow, context.totalInputTokens, context.estimate, options);
    const { contextWindow: window, inputTokens: input, expectedOutputTokens: output, neededTokens: needed, share } = use;
    const fmt = formatInteger;
    const parts = output ? ` (${fmt(input)} input + ${fmt(output)} expected output)` : '';
    if (use.level === 'over') {
      return [
        {
          severity: 'error',
          message: `The request needs ${fmt(needed)} tokens${parts} but ${profile.name}'s context window is ${fmt(window)}: ${fmt(needed - window)} over. The provider would reject or truncate it — remove context before sending.`,
        },
      ];
    }
    if (use.level === 'near') {
      return [
        {
          message: `The request uses ${Math.round(share * 100)}% of ${profile.name}'s context window (${fmt(needed)} of ${fmt(window)} tokens${parts}). Little room is left for the answer or follow-ups, and every token is re-sent with each new message.`,
        },
      ];
    }
    return [];
  },
});
