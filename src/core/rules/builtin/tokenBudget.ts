import { formatInteger, formatWh } from '../../format';
import { defineRule } from '../defineRule';
import { savingOfTokens } from '../measureSaving';

/** The team's `budgets.tokens`: input tokens per prompt. */
export const tokenBudget = defineRule({
  id: 'token-budget',
  description: 'The request sends more input tokens than the team budget allows',
  tags: ['budget'],
  defaultSeverity: 'warning',
  optionsSchema: {},
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
});
