import { formatInteger, formatSpan, formatWh } from '../../format';
import type { Rule } from '../rule';
import type { Estimate3 } from '../../energy/estimate';

const wh = (e: Estimate3): string => `${formatWh(e.central)} (range ${formatSpan('wh', e)})`;

/** The team's `budgets.whPerRequest` and `budgets.whPerSession`, compared with the central estimate. */
export const energyBudget: Rule = {
  id: 'energy-budget',
  description: 'The estimated energy of the request or session is over the team budget',
  docs: 'docs/rules/energy-budget.md',
  tags: ['budget', 'energy'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(context) {
    const findings = [];
    const perRequest = context.budgets.whPerRequest;
    const energy = context.estimate.energyWh;
    if (perRequest !== undefined && energy.central > perRequest) {
      findings.push({
        message: `This request is estimated at ${wh(energy)} with ${context.model.profile.name}; the budget is ${formatWh(perRequest)} per request. Input tokens (${formatInteger(context.totalInputTokens)}) and the expected answer both count.`,
      });
    }
    const perSession = context.budgets.whPerSession;
    const session = context.session?.totals.wh;
    if (perSession !== undefined && session && session.central > perSession) {
      findings.push({
        message: `This session is estimated at ${wh(session)} so far; the budget is ${perSession} Wh per session. Every new message re-sends the whole history — consider a fresh session.`,
      });
    }
    return findings;
  },
};
