/**
 * Team budgets (`budgets` in `.mvp.jsonc`) as the hook applies them, and whether the team opted
 * into blocking (`"hook": { "block": true }`). Without that opt-in a budget only coaches: a hook
 * that starts refusing prompts because someone added a budget for the editor would surprise people.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'jsonc-parser';
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

/**
 * `hook.block` from the config files in merge order (the nearest file last, so it wins). Read here
 * from the files themselves until the config schema carries a `hook` section; a resolved config
 * that already has one is taken as is.
 */
export function hookSettingsOf(config: ResolvedConfig): HookSettings {
  const resolved = (config as ResolvedConfig & { hook?: { block?: unknown } }).hook;
  if (resolved && typeof resolved.block === 'boolean') return { block: resolved.block, source: config.sourceFiles.at(-1) };
  const settings: HookSettings = { block: false };
  for (const file of config.sourceFiles) {
    let value: unknown;
    try {
      value = parse(readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
    } catch {
      continue; // unreadable files are reported by the config loader already
    }
    const hook = isObject(value) && isObject(value.hook) ? value.hook : undefined;
    if (hook && typeof hook.block === 'boolean') {
      settings.block = hook.block;
      settings.source = file;
    }
  }
  return settings;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
