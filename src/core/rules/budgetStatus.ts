/**
 * Which budgets a request is over, judged once: the team's (`budgets` in `.mvp.jsonc`) with the
 * user's personal ones (editor settings) overriding them, on central estimates. The analysis
 * carries the result (`Analysis.budgets`); the status bar and the hook read it instead of
 * recomputing. The session's energy counts this request too: it is about to be sent.
 */
import { formatTokens, formatWh } from '../format';
import type { Budgets } from './rule';

export type BudgetName = 'tokens' | 'whPerRequest' | 'whPerSession';

export interface BudgetBreach {
  budget: BudgetName;
  limit: number;
  actual: number;
  /** 'personal' when the user's own setting set this limit, else the team config's. */
  source: 'personal' | 'team';
  /** One clause, e.g. "this request would send 12,000 input tokens; the team budget is 8,000 per request (budgets.tokens)". */
  message: string;
}

export interface BudgetStatus {
  /** The team config's budgets and the user's personal ones (editor settings), as given. */
  team: Budgets;
  personal: Budgets;
  /** The limits that applied: the team's with the personal ones over them. */
  limits: Budgets;
  breaches: BudgetBreach[];
  /** The session's central Wh including this request (the figure `whPerSession` is compared with). */
  sessionWh: number;
}

export interface BudgetedRequest {
  /** Input tokens of the request as it would be sent. */
  inputTokens: number;
  /** Central Wh of this request. */
  requestWh: number;
  /** Central Wh of the session so far, before this request (0 without a session). */
  sessionWhSoFar: number;
}

export function budgetStatus(team: Budgets, personal: Budgets, request: BudgetedRequest): BudgetStatus {
  const limits: Budgets = { ...team, ...definedOnly(personal) };
  const sourceOf = (name: BudgetName): BudgetBreach['source'] => (personal[name] !== undefined ? 'personal' : 'team');
  const whose = (name: BudgetName): string => (sourceOf(name) === 'personal' ? `your budget is` : `the team budget is`);
  const setting = (name: BudgetName): string =>
    sourceOf(name) === 'personal' ? `mvp.budgets.${name}` : `budgets.${name}`;
  const breaches: BudgetBreach[] = [];
  const sessionWh = request.sessionWhSoFar + request.requestWh;

  if (limits.tokens !== undefined && request.inputTokens > limits.tokens) {
    breaches.push({
      budget: 'tokens',
      limit: limits.tokens,
      actual: request.inputTokens,
      source: sourceOf('tokens'),
      message: `this request would send ${formatTokens(request.inputTokens)} input tokens; ${whose('tokens')} ${formatTokens(limits.tokens)} per request (${setting('tokens')})`,
    });
  }
  if (limits.whPerRequest !== undefined && request.requestWh > limits.whPerRequest) {
    breaches.push({
      budget: 'whPerRequest',
      limit: limits.whPerRequest,
      actual: request.requestWh,
      source: sourceOf('whPerRequest'),
      message: `this request is estimated at ${formatWh(request.requestWh)}; ${whose('whPerRequest')} ${formatWh(limits.whPerRequest)} per request (${setting('whPerRequest')})`,
    });
  }
  if (limits.whPerSession !== undefined && sessionWh > limits.whPerSession) {
    breaches.push({
      budget: 'whPerSession',
      limit: limits.whPerSession,
      actual: sessionWh,
      source: sourceOf('whPerSession'),
      message: `with this request the session reaches an estimated ${formatWh(sessionWh)}; ${whose('whPerSession')} ${formatWh(limits.whPerSession)} per session (${setting('whPerSession')})`,
    });
  }
  return { team, personal, limits, breaches, sessionWh };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
