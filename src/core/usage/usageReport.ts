/**
 * Adds up the scanned logs: requests deduplicated across files the way each agent's own accounting
 * does (the first copy of a dedup key counts, files taken in order of their first request, as
 * ccusage does), filtered by agent and local date, grouped by day, week, month, session or project,
 * per model; with energy, carbon and water ranges and a list-price cost estimate, and coaching for
 * the heaviest sessions.
 */
import * as path from 'node:path';
import type { Estimate3 } from '../energy';
import type { FootprintCalculator } from './requestFootprint';
import { FOOTPRINT_STRIDE, TOKEN_STRIDE } from './fileDigest';
import type { ScannedFile } from './usageScan';
import { coachSession, type SessionCoaching, type SessionRequest } from './sessionCoaching';
import { AGENT_NAMES, type AgentId, type TokenCounts, zeroTokens } from './usageRecord';

export type UsageGrouping = 'daily' | 'weekly' | 'monthly' | 'session' | 'project';

export interface UsageReportOptions {
  grouping: UsageGrouping;
  /** Local dates YYYY-MM-DD, inclusive. */
  since?: string;
  until?: string;
  agents?: readonly AgentId[];
  /** How many of the heaviest sessions get coaching. Default 3. */
  heaviest?: number;
}

export interface UsageFigures {
  tokens: TokenCounts;
  requests: number;
  energy: { wh: Estimate3 };
  carbon: { g: Estimate3 };
  water: { ml: Estimate3 };
  cost: { usd: number; estimate: true; unpricedRequests: number };
}

export interface ModelUsage extends UsageFigures {
  model: string;
  profile: string;
  /** How the model name matched a profile ('default' = no profile matched: a labelled default). */
  matchedBy: string;
}

export interface UsageGroup extends UsageFigures {
  key: string;
  agents: AgentId[];
  models: ModelUsage[];
  /** Sessions: the project, first and last request, compactions seen. */
  project?: string;
  firstRequest?: string;
  lastRequest?: string;
  compactions?: number;
}

export interface HeavySession {
  key: string;
  agent: AgentId;
  project: string;
  file: string;
  requests: number;
  energy: { wh: Estimate3 };
  coaching: SessionCoaching;
}

export interface UsageReport {
  grouping: UsageGrouping;
  totals: UsageFigures;
  groups: UsageGroup[];
  heaviestSessions: HeavySession[];
  sources: { agent: AgentId; files: number; requests: number; duplicatesSkipped: number; malformedLines: number; entriesNotNeeded: number }[];
}

interface Accumulator {
  tokens: TokenCounts;
  requests: number;
  fp: number[];
  cost: number;
  unpriced: number;
}

function newAccumulator(): Accumulator {
  return { tokens: zeroTokens(), requests: 0, fp: new Array(FOOTPRINT_STRIDE).fill(0), cost: 0, unpriced: 0 };
}

export function buildUsageReport(files: readonly ScannedFile[], calculator: FootprintCalculator, options: UsageReportOptions): UsageReport {
  const agents = options.agents && options.agents.length > 0 ? new Set(options.agents) : undefined;
  const ordered = files
    .filter((f) => !agents || agents.has(f.agent))
    .map((f) => ({ f, first: f.digest.times.length > 0 ? Math.min(...f.digest.times) : Infinity }))
    .sort((a, b) => a.first - b.first || (a.f.path < b.f.path ? -1 : 1))
    .map((x) => x.f);

  const seen = new Set<string>();
  const total = newAccumulator();
  const groups = new Map<string, { acc: Accumulator; models: Map<string, Accumulator>; agents: Set<AgentId>; extra: SessionExtra }>();
  const sessionEnergy = new Map<string, { wh: number[]; requests: number; agent: AgentId; project: string; file: string; best: { file: ScannedFile; wh: number } }>();
  const perFileWh = new Map<ScannedFile, number>();
  const sources = new Map<AgentId, UsageReport['sources'][number]>();

  for (const file of ordered) {
    const d = file.digest;
    const source = sources.get(file.agent) ?? { agent: file.agent, files: 0, requests: 0, duplicatesSkipped: 0, malformedLines: 0, entriesNotNeeded: 0 };
    sources.set(file.agent, source);
    source.files++;
    source.malformedLines += d.malformedLines;
    source.entriesNotNeeded += Object.values(d.unneeded).reduce((a, b) => a + b, 0);
    const project = projectOf(file);
    const sessionKey = `${file.agent}:${d.sessionId ?? path.basename(file.path).replace(/\.jsonl?$/, '')}`;
    for (let i = 0; i < d.times.length; i++) {
      const key = d.keys[i];
      if (key !== null) {
        if (seen.has(key)) {
          source.duplicatesSkipped++;
          continue;
        }
        seen.add(key);
      }
      const time = d.times[i];
      const day = localDate(time);
      if ((options.since && day < options.since) || (options.until && day > options.until)) continue;
      const model = d.models[d.modelIndex[i]];
      const o = i * TOKEN_STRIDE;
      const tokens: TokenCounts = { input: d.tokens[o], output: d.tokens[o + 1], cacheCreation: d.tokens[o + 2], cacheRead: d.tokens[o + 3], reasoning: d.tokens[o + 4] };
      const synthetic = model === '<synthetic>';
      const cost = synthetic ? 0 : calculator.cost(model, tokens);
      const f = i * FOOTPRINT_STRIDE;
      const groupKey = groupKeyOf(options.grouping, time, sessionKey, project);
      let group = groups.get(groupKey);
      if (!group) {
        group = { acc: newAccumulator(), models: new Map(), agents: new Set(), extra: { project, first: time, last: time, files: new Set() } };
        groups.set(groupKey, group);
      }
      group.agents.add(file.agent);
      group.extra.first = Math.min(group.extra.first, time);
      group.extra.last = Math.max(group.extra.last, time);
      group.extra.files.add(file);
      let modelAcc = group.models.get(model);
      if (!modelAcc) group.models.set(model, (modelAcc = newAccumulator()));
      for (const acc of [total, group.acc, modelAcc]) add(acc, tokens, d.footprints, f, cost, synthetic);
      if (!synthetic) source.requests++;
      perFileWh.set(file, (perFileWh.get(file) ?? 0) + d.footprints[f + 1]);
      let session = sessionEnergy.get(sessionKey);
      if (!session) sessionEnergy.set(sessionKey, (session = { wh: [0, 0, 0], requests: 0, agent: file.agent, project, file: file.path, best: { file, wh: 0 } }));
      session.wh[0] += d.footprints[f];
      session.wh[1] += d.footprints[f + 1];
      session.wh[2] += d.footprints[f + 2];
      if (!synthetic) session.requests++;
    }
  }

  // The heaviest sessions; each is coached on its main log (the file that holds most of its energy).
  for (const [file, wh] of perFileWh) {
    const key = `${file.agent}:${file.digest.sessionId ?? path.basename(file.path).replace(/\.jsonl?$/, '')}`;
    const session = sessionEnergy.get(key);
    if (session && wh > session.best.wh) session.best = { file, wh };
  }
  const heaviest = [...sessionEnergy.entries()]
    .sort((a, b) => b[1].wh[1] - a[1].wh[1])
    .slice(0, options.heaviest ?? 3)
    .map(([key, s]): HeavySession => ({
      key,
      agent: s.agent,
      project: s.project,
      file: s.best.file.path,
      requests: s.requests,
      energy: { wh: { low: s.wh[0], central: s.wh[1], high: s.wh[2] } },
      coaching: coachSession(requestsOf(s.best.file, options), s.best.file.digest.compactions, calculator),
    }));

  const groupList = [...groups.entries()].map(([key, g]): UsageGroup => {
    const out: UsageGroup = {
      key,
      agents: [...g.agents].sort(),
      ...figures(g.acc),
      models: [...g.models.entries()]
        .filter(([model]) => model !== '<synthetic>')
        .map(([model, acc]) => {
          const resolved = calculator.model(model);
          return { model, profile: resolved.profile.id, matchedBy: resolved.resolvedBy, ...figures(acc) };
        })
        .sort((a, b) => b.energy.wh.central - a.energy.wh.central),
    };
    if (options.grouping === 'session') {
      out.project = g.extra.project;
      out.firstRequest = new Date(g.extra.first).toISOString();
      out.lastRequest = new Date(g.extra.last).toISOString();
      out.compactions = [...g.extra.files].reduce((n, f) => n + f.digest.compactions.filter((t) => t >= g.extra.first && t <= g.extra.last).length, 0);
    }
    return out;
  });
  groupList.sort((a, b) =>
    options.grouping === 'session' || options.grouping === 'project' ? b.energy.wh.central - a.energy.wh.central : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  return {
    grouping: options.grouping,
    totals: figures(total),
    groups: groupList,
    heaviestSessions: heaviest,
    sources: [...sources.values()].sort((a, b) => a.agent.localeCompare(b.agent)),
  };
}

interface SessionExtra {
  project: string;
  first: number;
  last: number;
  files: Set<ScannedFile>;
}

function add(acc: Accumulator, t: TokenCounts, footprints: number[], f: number, cost: number | undefined, synthetic: boolean): void {
  acc.tokens.input += t.input;
  acc.tokens.output += t.output;
  acc.tokens.cacheCreation += t.cacheCreation;
  acc.tokens.cacheRead += t.cacheRead;
  acc.tokens.reasoning += t.reasoning;
  if (synthetic) return;
  acc.requests++;
  for (let j = 0; j < FOOTPRINT_STRIDE; j++) acc.fp[j] += footprints[f + j];
  if (cost === undefined) acc.unpriced++;
  else acc.cost += cost;
}

function figures(acc: Accumulator): UsageFigures {
  const e = (o: number): Estimate3 => ({ low: acc.fp[o], central: acc.fp[o + 1], high: acc.fp[o + 2] });
  return {
    tokens: { ...acc.tokens },
    requests: acc.requests,
    energy: { wh: e(0) },
    carbon: { g: e(3) },
    water: { ml: e(6) },
    cost: { usd: acc.cost, estimate: true, unpricedRequests: acc.unpriced },
  };
}

/** The requests of one log in time order, deduplicated within it, for coaching. */
function requestsOf(file: ScannedFile, options: UsageReportOptions): SessionRequest[] {
  const d = file.digest;
  const seen = new Set<string>();
  const out: SessionRequest[] = [];
  for (let i = 0; i < d.times.length; i++) {
    const key = d.keys[i];
    if (key !== null) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const model = d.models[d.modelIndex[i]];
    if (model === '<synthetic>') continue;
    const day = localDate(d.times[i]);
    if ((options.since && day < options.since) || (options.until && day > options.until)) continue;
    const o = i * TOKEN_STRIDE;
    out.push({
      time: d.times[i],
      model,
      tokens: { input: d.tokens[o], output: d.tokens[o + 1], cacheCreation: d.tokens[o + 2], cacheRead: d.tokens[o + 3], reasoning: d.tokens[o + 4] },
      whCentral: d.footprints[i * FOOTPRINT_STRIDE + 1],
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

function groupKeyOf(grouping: UsageGrouping, time: number, sessionKey: string, project: string): string {
  switch (grouping) {
    case 'daily':
      return localDate(time);
    case 'weekly':
      return weekStart(time);
    case 'monthly':
      return localDate(time).slice(0, 7);
    case 'session':
      return sessionKey;
    case 'project':
      return project;
  }
}

/** The project a log belongs to: the working directory it states, else its folder under the agent's root. */
export function projectOf(file: ScannedFile): string {
  if (file.digest.project) return file.digest.project;
  const relative = path.relative(file.root, file.path).split(path.sep);
  return relative.length > 1 ? relative[0] : '(unknown project)';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD in the local time zone (as ccusage's daily report, which uses the system zone). */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Monday (local) that starts the ISO week of `time`, as YYYY-MM-DD. */
export function weekStart(time: number): string {
  const d = new Date(time);
  const back = (d.getDay() + 6) % 7;
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - back);
  return localDate(monday.getTime());
}

export function agentName(agent: AgentId): string {
  return AGENT_NAMES[agent];
}
