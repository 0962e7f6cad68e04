import { formatEstimate, formatTokens } from '../../core/format';
import type { RecentUsage } from '../../core/usage';
import { escapeMarkdown } from '../explain/markdownEscape';

/**
 * This week's real use of coding agents, as their local logs record it (docs/usage.md): a line for
 * the tooltip, or nothing when no agent logged a request this week.
 */
export function agentWeekMarkdown(recent: RecentUsage | undefined): string | undefined {
  if (!recent || recent.totals.week.requests === 0) return undefined;
  const week = recent.totals.week;
  const agents = recent.agents
    .filter((a) => a.week.requests > 0)
    .map((a) => escapeMarkdown(a.name))
    .join(', ');
  return `**Coding agents this week** (since ${recent.weekStart}, from their local logs: ${agents}): ${formatTokens(week.tokens)} tokens in ${formatTokens(week.requests)} requests, ${formatEstimate('wh', week.wh, true)} (central, low–high).`;
}
