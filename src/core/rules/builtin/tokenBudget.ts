import { formatInteger, formatWh } from '../../format';
import type { Rule } from '../rule';
import { savingOfTokens } from '../measureSaving';

/** The team's `budgets.tokens`: input tokens per prompt. */
export const tokenBudget: Rule = {
  id: 'token-budget',
  description: 'The request sends more input tokens than the team budget allows',
  docs: 'docs/rules/token-budget.md',
  tags: ['budget'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(context) {
    const budget = context.budgets.tokens;
    const total = context.totalInputTokens;
    if (budget === undefined || total <= budget) {
      return [];
    }
    const over = total - budget;
    const saving = savingOfTokens(context, over);
    return [
      {
        message: `This request sends ${formatInteger(total)} input tokens; the budget is ${formatInteger(budget)} (${formatInteger(over)} over, +${Math.round((over / budget) * 100)}%). Getting under it saves ≈${formatWh(saving.wh)} per request.`,
        saving,
      },
    ];
  },
};
