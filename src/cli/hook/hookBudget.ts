/**
 * Team budgets (`budgets` in `.mvp.jsonc`) as the hook applies them, and whether the team opted
 * into blocking (`"hook": { "block": true }`). Without that opt-in a budget only coaches: a hook
 * that starts refusing prompts because someone added a budget for the editor would surprise people.
 */
import type { AnalysisWithNotices } from '../../core/analyse';
import type { ResolvedConfig } from '../../core/config/mvpConfig';
import type { BudgetBreach } from '../../core/rules/budgetStatus';

export type { BudgetBreach };

export interface HookSettings {
  block: boolean;
  /** The config file that set `hook.block` last. */
  source?: string;
}

/** Whether the team opted into blocking (`"hook": { "block": true }`), and where it said so. */
export function hookSettingsOf(config: ResolvedConfig): HookSettings {
  return { block: config.hook.block, source: config.hook.source };
}

/** Every budget this request (or the session including it) is over: the engine's judgement (`Analysis.budgets`). */
export function budgetBreaches(analysis: AnalysisWithNotices): BudgetBreach[] {
  return analysis.budgets.breaches;
}

/** The session's central Wh so far plus this request's (the session so far excludes this prompt). */
export function sessionWhWithThisRequest(analysis: AnalysisWithNotices): number {
  return analysis.budgets.sessionWh;
}
