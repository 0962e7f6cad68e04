/**
 * "Today" → the agents: what Claude Code, Codex CLI and Gemini CLI recorded today and this week, and
 * VS Code Copilot Chat counted from its chats' text (its row says so; the total leaves it out).
 */
import { formatQuantity, plural } from '../../../core/format';
import { ESTIMATED_LABEL, type RecentFigures } from '../../../core/usage';
import type { AgentUsageView } from '../../../shared/panel/viewModel';
import type { AgentUsageState } from '../agentUsageLoader';

const SPARK = '▁▂▃▄▅▆▇█';

export function buildAgentUsage(state: AgentUsageState | undefined): AgentUsageView | undefined {
  if (!state) return undefined;
  const estimated = state.status === 'ready' && state.recent.agents.some((a) => a.estimated);
  const note =
    'Read from the agents’ own logs on this machine (Claude Code, Codex CLI, Gemini CLI, VS Code Copilot Chat): tokens as they recorded them, energy from the same model as the rest of the panel. Nothing is sent anywhere. Details: mvp usage.' +
    (estimated ? ` Copilot Chat rows are ${ESTIMATED_LABEL}: counted from the chats’ text with the model’s tokenizer, and not in the total.` : '');
  const empty = { rows: [], totalTodayText: '', totalWeekText: '', sparkline: '', sparklineLabel: '', note };
  if (state.status === 'loading') return { state: 'loading', message: 'Reading the agents’ logs…', ...empty };
  if (state.status === 'error') return { state: 'error', message: `Could not read the agents’ logs: ${state.message}`, ...empty };
  const recent = state.recent;
  if (recent.agents.length === 0) {
    return { state: 'none', message: 'No coding-agent requests this week in the local logs (Claude Code, Codex CLI, Gemini CLI, VS Code Copilot Chat).', ...empty };
  }
  const max = Math.max(...recent.days.map((d) => d.wh));
  const sparkline = recent.days.map((d) => (max > 0 ? SPARK[Math.min(SPARK.length - 1, Math.floor((d.wh / max) * (SPARK.length - 1)))] : SPARK[0])).join('');
  return {
    state: 'ready',
    rows: recent.agents.map((a) => ({ name: a.name, todayText: figures(a.today), weekText: figures(a.week) })),
    totalTodayText: figures(recent.totals.today),
    totalWeekText: figures(recent.totals.week),
    sparkline,
    sparklineLabel: `Last 7 days (${recent.days[0].date} to ${recent.days[recent.days.length - 1].date}), energy per day: ${recent.days.map((d) => formatQuantity('wh', d.wh)).join(', ')}`,
    note,
  };
}

function figures(f: RecentFigures): string {
  if (f.requests === 0) return '—';
  return `${plural(f.requests, 'request')} · ${formatQuantity('wh', f.wh.central)} (${formatQuantity('wh', f.wh.low)}–${formatQuantity('wh', f.wh.high)}) · ${formatQuantity('carbonG', f.carbonG.central)}`;
}
