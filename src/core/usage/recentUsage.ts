/**
 * Today and this week, per agent, from a daily usage report: what the editor's panel and status bar
 * show ("your agents used … today"), with the last seven days for a small chart.
 */
import type { Estimate3 } from '../energy';
import type { UsageFigures, UsageGroup } from './usageReport';
import { localDate, weekStart } from './usageReport';
import { AGENT_NAMES, type AgentId } from './usageRecord';

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
  name: string;
  today: RecentFigures;
  week: RecentFigures;
}

export interface RecentUsage {
  /** Local dates, YYYY-MM-DD. */
  today: string;
  weekStart: string;
  agents: AgentRecentUsage[];
  totals: { today: RecentFigures; week: RecentFigures };
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
  const agents = new Map<AgentId, AgentRecentUsage>();
  const totals = { today: zero(), week: zero() };
  const whByDay = new Map<string, number>();
  for (const period of periods) {
    whByDay.set(period.key, (whByDay.get(period.key) ?? 0) + period.energy.wh.central);
    const inWeek = period.key >= monday && period.key <= today;
    const isToday = period.key === today;
    if (!inWeek && !isToday) continue;
    for (const m of period.models) {
      let a = agents.get(m.agent);
      if (!a) agents.set(m.agent, (a = { agent: m.agent, name: AGENT_NAMES[m.agent], today: zero(), week: zero() }));
      if (inWeek) {
        add(a.week, m);
        add(totals.week, m);
      }
      if (isToday) {
        add(a.today, m);
        add(totals.today, m);
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
    agents: [...agents.values()].sort((x, y) => y.week.wh.central - x.week.wh.central),
    totals,
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
