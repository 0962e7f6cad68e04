/**
 * Team budgets (`budgets` in `.mvp.jsonc`) as the hook applies them, and whether the team opted
 * into blocking (`"hook": { "block": true }`). Without that opt-in a budget only coaches: a hook
 * that starts refusing prompts because someone added a budget for the editor would surprise people.
 */
import type { AnalysisWithNotices } from '../../core/analyse';
import type { ResolvedConfig } from '../../core/config/mvpConfig';
import { formatTokens, formatWh } from '../../core/formatNumbers';

export interface HookSettings {
  block: boolean;
  /** The config file that set `hook.block` last. */
  source?: string;
}

export interface BudgetBreach {
  budget: 'tokens' | 'whPerRequest' | 'whPerSession';
  limit: number;
  actual: number;
  message: string;
}

/** Whether the team opted into blocking (`"hook": { "block": true }`), and where it said so. */
export function hookSettingsOf(config: ResolvedConfig): HookSettings {
  return { block: config.hook.block, source: config.hook.source };
}

/** Every budget this request (or the session including it) is over, measured on central estimates. */
export function budgetBreaches(analysis: AnalysisWithNotices): BudgetBreach[] {
  const budgets = analysis.config.budgets;
  const breaches: BudgetBreach[] = [];
  const tokens = analysis.tokens.total;
  if (budgets.tokens !== undefined && tokens > budgets.tokens) {
    breaches.push({
      budget: 'tokens',
      limit: budgets.tokens,
      actual: tokens,
      message: `this request would send ${formatTokens(tokens)} input tokens; the team budget is ${formatTokens(budgets.tokens)} per request (budgets.tokens)`,
    });
  }
  const requestWh = analysis.estimate.energyWh.central;
  if (budgets.whPerRequest !== undefined && requestWh > budgets.whPerRequest) {
    breaches.push({
      budget: 'whPerRequest',
      limit: budgets.whPerRequest,
      actual: requestWh,
      message: `this request is estimated at ${formatWh(requestWh)}; the team budget is ${formatWh(budgets.whPerRequest)} per request (budgets.whPerRequest)`,
    });
  }
  const sessionWh = sessionWhWithThisRequest(analysis);
  if (budgets.whPerSession !== undefined && sessionWh > budgets.whPerSession) {
    breaches.push({
      budget: 'whPerSession',
      limit: budgets.whPerSession,
      actual: sessionWh,
      message: `with this request the session reaches an estimated ${formatWh(sessionWh)}; the team budget is ${formatWh(budgets.whPerSession)} per session (budgets.whPerSession)`,
    });
  }
  return breaches;
}

/** The session's central Wh so far plus this request's (the session so far excludes this prompt). */
export function sessionWhWithThisRequest(analysis: AnalysisWithNotices): number {
  return (analysis.session?.totals.wh.central ?? 0) + analysis.estimate.energyWh.central;
}
