import { formatEstimate, formatTokens } from '../../core/format';
import { ESTIMATED_LABEL, type RecentUsage } from '../../core/usage';
import { escapeMarkdown } from '../explain/markdownEscape';

/**
 * This week's real use of coding agents, as their local logs record it (docs/usage.md): a line for
 * the tooltip, or nothing when no agent logged a request this week.
 */
export function agentWeekMarkdown(recent: RecentUsage | undefined): string | undefined {
  const estimated = recent?.estimatedTotals?.week;
  if (!recent || recent.totals.week.requests + (estimated?.requests ?? 0) === 0) return undefined;
  const week = recent.totals.week;
  const agents = recent.agents
    .filter((a) => a.week.requests > 0 && !a.estimated)
    .map((a) => escapeMarkdown(a.name))
    .join(', ');
  // Copilot Chat's figures are counted from text: said apart, never added to the recorded total.
  const estimatedLine =
    estimated && estimated.requests > 0
      ? `VS Code Copilot Chat (${ESTIMATED_LABEL}): ${formatTokens(estimated.tokens)} tokens in ${formatTokens(estimated.requests)} requests, ${formatEstimate('wh', estimated.wh, true)}.`
      : '';
  if (week.requests === 0) return `**Coding agents this week** (since ${recent.weekStart}): ${estimatedLine}`;
  const recorded = `**Coding agents this week** (since ${recent.weekStart}, from their local logs: ${agents}): ${formatTokens(week.tokens)} tokens in ${formatTokens(week.requests)} requests, ${formatEstimate('wh', week.wh, true)} (central, low–high).`;
  return estimatedLine === '' ? recorded : `${recorded} ${estimatedLine}`;
}
