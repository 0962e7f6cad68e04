import { formatInteger, formatSpan, formatWh } from '../../format';
import { defineRule } from '../defineRule';
import type { Estimate3 } from '../../energy/estimate';
import { addEstimates } from '../../energy/estimate3';
import { budgetStatus } from '../budgetStatus';

const wh = (e: Estimate3): string => `${formatWh(e.central)} (range ${formatSpan('wh', e)})`;

/** The team's `budgets.whPerRequest` and `budgets.whPerSession`, compared with the central estimate. */
export const energyBudget = defineRule({
  id: 'energy-budget',
  description: 'The estimated energy of the request or session is over the team budget',
  tags: ['budget', 'energy'],
  defaultSeverity: 'warning',
  optionsSchema: {},
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
    // The session counts this request, as Analysis.budgets (the status bar, the hook) does: one judgement.
    const status = budgetStatus(context.budgets, {}, {
      inputTokens: context.totalInputTokens,
      requestWh: energy.central,
      sessionWhSoFar: context.session?.totals.wh.central ?? 0,
    });
    const overSession = status.breaches.find((b) => b.budget === 'whPerSession');
    if (overSession) {
      const session = context.session ? addEstimates(context.session.totals.wh, energy) : energy;
      findings.push({
        message: `With this request the session reaches ${wh(session)}; the budget is ${formatWh(overSession.limit)} per session. Every new message re-sends the whole history — consider a fresh session.`,
      });
    }
    return findings;
  },
});
