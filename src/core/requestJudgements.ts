/**
 * The judgements of an analysis that depend only on the request's size and estimate, made again
 * for a provisional count (the editor's live figures between a keystroke and the next full
 * analysis) with the same options the full analysis used: the status bar's warning follows the
 * count as it is typed, and never decides on its own.
 */
import type { Analysis } from './analysis';
import type { RequestEstimate } from './energy/estimate';
import { budgetStatus } from './rules/budgetStatus';
import { windowUse } from './rules/windowUse';

export function rejudgeRequest(
  previous: Pick<Analysis, 'window' | 'budgets' | 'session'>,
  inputTokens: number,
  estimate: RequestEstimate,
): Pick<Analysis, 'window' | 'budgets'> {
  const w = previous.window;
  return {
    window: windowUse(w.contextWindow, inputTokens, estimate, {
      nearShare: w.nearShare,
      includeExpectedOutput: w.countsExpectedOutput,
    }),
    budgets: budgetStatus(previous.budgets.team, previous.budgets.personal, {
      inputTokens,
      requestWh: estimate.energyWh.central,
      sessionWhSoFar: previous.session?.totals.wh.central ?? 0,
    }),
  };
}
