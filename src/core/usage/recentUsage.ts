/**
 * Today and this week, per agent, from a daily usage report: what the editor's panel and status bar
 * show ("your agents used … today"), with the last seven days for a small chart.
 */
import type { Estimate3 } from '../energy';
import type { UsageFigures, UsageGroup } from './usageReport';
import { localDate, weekStart } from './usageReport';
import { AGENT_NAMES, ESTIMATED_LABEL, type AgentId } from './usageRecord';

export interface RecentFigures {
  requests: number;
  /** All tokens the agents recorded: input, cache writes, cache reads and output. */
  tokens: number;
  wh: Estimate3;
  carbonG: Estimate3;
  waterMl: Estimate3;
  costUsd: number;
}

export interface AgentRecentUsage {
  agent: AgentId;
  /** The agent's name; for estimated figures followed by the label that says so. */
  name: string;
  /** Counted from the log's text (VS Code Copilot Chat): left out of `totals`, in `estimatedTotals`. */
  estimated?: true;
  today: RecentFigures;
  week: RecentFigures;
}

export interface RecentUsage {
  /** Local dates, YYYY-MM-DD. */
  today: string;
  weekStart: string;
  agents: AgentRecentUsage[];
  /** Recorded requests only. */
  totals: { today: RecentFigures; week: RecentFigures };
  /** Requests counted from text, apart from `totals`. */
  estimatedTotals?: { today: RecentFigures; week: RecentFigures };
  /** The last seven days, oldest first, zero-filled: central Wh per day. */
  days: { date: string; wh: number }[];
}

/** The first local date a summary for `now` needs: the earlier of Monday and six days ago. */
export function recentUsageSince(now: Date): string {
  const sixDaysAgo = localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6).getTime());
  const monday = weekStart(now.getTime());
  return monday < sixDaysAgo ? monday : sixDaysAgo;
}

export function summariseRecentUsage(periods: readonly UsageGroup[], now: Date): RecentUsage {
  const today = localDate(now.getTime());
  const monday = weekStart(now.getTime());
  const agents = new Map<string, AgentRecentUsage>();
  const totals = { today: zero(), week: zero() };
  const estimatedTotals = { today: zero(), week: zero() };
  const whByDay = new Map<string, number>();
  for (const period of periods) {
    whByDay.set(period.key, (whByDay.get(period.key) ?? 0) + period.energy.wh.central);
    const inWeek = period.key >= monday && period.key <= today;
    const isToday = period.key === today;
    if (!inWeek && !isToday) continue;
    for (const m of period.models) {
      const key = m.estimated ? `${m.agent}:estimated` : m.agent;
      let a = agents.get(key);
      if (!a) {
        a = m.estimated
          ? {
              agent: m.agent,
              name: `${AGENT_NAMES[m.agent]} (${ESTIMATED_LABEL})`,
              estimated: true,
              today: zero(),
              week: zero(),
            }
          : { agent: m.agent, name: AGENT_NAMES[m.agent], today: zero(), week: zero() };
        agents.set(key, a);
      }
      const into = m.estimated ? estimatedTotals : totals;
      if (inWeek) {
        add(a.week, m);
        add(into.week, m);
      }
      if (isToday) {
        add(a.today, m);
        add(into.today, m);
      }
    }
  }
  const days: RecentUsage['days'] = [];
  for (let back = 6; back >= 0; back--) {
    const date = localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12).getTime());
    days.push({ date, wh: whByDay.get(date) ?? 0 });
  }
  return {
    today,
    weekStart: monday,
    // Recorded agents first, estimated rows after them.
    agents: [...agents.values()].sort(
      (x, y) => Number(x.estimated ?? false) - Number(y.estimated ?? false) || y.week.wh.central - x.week.wh.central,
    ),
    totals,
    estimatedTotals,
    days,
  };
}

function zero(): RecentFigures {
  const e = (): Estimate3 => ({ low: 0, central: 0, high: 0 });
  return { requests: 0, tokens: 0, wh: e(), carbonG: e(), waterMl: e(), costUsd: 0 };
}

function add(into: RecentFigures, f: UsageFigures): void {
  into.requests += f.requests;
  into.tokens += f.tokens.input + f.tokens.cacheCreation + f.tokens.cacheRead + f.tokens.output;
  for (const k of ['low', 'central', 'high'] as const) {
    into.wh[k] += f.energy.wh[k];
    into.carbonG[k] += f.carbon.g[k];
    into.waterMl[k] += f.water.ml[k];
  }
  into.costUsd += f.cost.usd;
}
