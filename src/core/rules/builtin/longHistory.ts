import { formatTokens, formatWh } from '../../format';
import { defineRule } from '../defineRule';
import type { TextEdit } from '../finding';
import { savingOfEdits, savingOfTokens } from '../measureSaving';
import { historyMessages } from '../historyMessages';

const fmt = formatTokens;

/** Every new message re-sends the whole history, so a long one is paid for again and again. */
export const longHistory = defineRule({
  id: 'long-history',
  description: 'The conversation history sent with the prompt is long',
  tags: ['history', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: {
    maxTokens: { type: 'integer', minimum: 0, description: 'Report history longer than this many tokens…' },
    maxShare: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: '…or longer than this share of the model\'s context window.' },
    keepMessages: { type: 'integer', minimum: 0, description: 'Most recent messages kept by the trim fix.' },
  },
  defaultOptions: { maxTokens: 20000, maxShare: 0.5, keepMessages: 4 },
  check(context, options) {
    // A session (transcript or history file, one path) is measured by the session analysis
    // (recorded usage when the log has it); history written in the prompt by our count.
    const session = context.session;
    const measured = session?.source && session.context ? { messages: session.source.messages, tokens: session.context.historyTokens } : undefined;
    const messages = measured ? [] : historyMessages(context);
    const count = measured ? measured.messages : messages.length;
    const total = measured ? measured.tokens : messages.reduce((n, m) => n + m.tokens, 0);
    const window = context.model.profile.contextWindow;
    if (!count || (total <= options.maxTokens && total / window <= options.maxShare)) {
      return [];
    }
    const keep = options.keepMessages;
    const dropped = messages.slice(0, Math.max(0, messages.length - keep));
    const head = `The history sent with this prompt is ${fmt(total)} tokens in ${count} messages (${Math.round((total / window) * 100)}% of ${context.model.profile.name}'s window), re-sent with every new message.`;
    if (dropped.length && dropped.every((m) => m.promptRange)) {
      // History written in the prompt document: trim it in place.
      const edits: TextEdit[] = dropped.map((m) => ({ range: m.promptRange!, newText: '' }));
      const saving = savingOfEdits(context, edits);
      return [
        {
          range: { start: dropped[0].promptRange!.start, end: dropped[dropped.length - 1].promptRange!.end },
          message: `${head} Keeping the last ${keep} messages saves ${fmt(saving.tokens)} tokens (≈${formatWh(saving.wh)}) per request.`,
          saving,
          fix: { title: `Keep only the last ${keep} history messages`, edits, removesContent: true },
        },
      ];
    }
    const summary = session?.seedSummary;
    if (!session || !summary) {
      return [{ message: `${head} Start a fresh session with a short summary of what matters.` }];
    }
    const seedTokens = session.seedSummaryTokens ?? context.countTokens(summary);
    const saving = savingOfTokens(context, Math.max(0, total - seedTokens));
    return [
      {
        message: `${head} A fresh session seeded with a ${fmt(seedTokens)}-token summary would send ${fmt(saving.tokens)} fewer tokens per request (≈${formatWh(saving.wh)}).`,
        saving,
        fix: { title: 'Write a seed summary for a fresh session', action: { kind: 'writeSeedSummary', summary } },
      },
    ];
  },
});
