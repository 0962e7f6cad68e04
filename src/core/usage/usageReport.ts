/**
 * Adds up the scanned logs: requests deduplicated across files the way each agent's own accounting
 * does (the first copy of a dedup key counts, files taken in order of their first request, as
 * ccusage does), filtered by agent and local date, grouped by day, week, month, session or project,
 * per model; with energy, carbon and water ranges and a list-price cost estimate, and coaching for
 * the heaviest sessions. Requests whose tokens were counted from text (`UsageRecord.estimated`) are
 * summed apart (`estimated` figures) and never added to the recorded totals.
 */
import * as path from 'node:path';
import type { Estimate3 } from '../energy';
import type { FootprintCalculator } from './requestFootprint';
import { currentZone, FOOTPRINT_STRIDE, isEstimatedModel, TOKEN_STRIDE } from './fileDigest';
import type { ScannedFile } from './usageScan';
import { localDate, weekStart } from './localDates';
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
  agent: AgentId;
  model: string;
  profile: string;
  /** How the model name matched a profile ('default' = no profile matched: a labelled default). */
  matchedBy: string;
  /** Tokens counted from the log's text, not recorded by the agent (ESTIMATED_LABEL). */
  estimated?: true;
}

/** The figures of a group or report: recorded requests only (they equal ccusage's on the same logs). */
export interface UsageGroup extends UsageFigures {
  key: string;
  agents: AgentId[];
  /** Recorded and estimated models alike, each estimated one flagged. */
  models: ModelUsage[];
  /** Requests counted from text (VS Code Copilot Chat), summed apart; absent when there are none. */
  estimated?: UsageFigures;
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
  /** Recorded requests only. */
  totals: UsageFigures;
  /** Requests counted from text, summed apart from `totals`; absent when there are none. */
  estimatedTotals?: UsageFigures;
  groups: UsageGroup[];
  heaviestSessions: HeavySession[];
  sources: {
    agent: AgentId;
    files: number;
    /** Recorded requests. */
    requests: number;
    /** Requests counted from text. */
    estimatedRequests: number;
    duplicatesSkipped: number;
    malformedLines: number;
    entriesNotNeeded: number;
  }[];
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
    .map((f) => ({ f, first: f.digest.firstTime ?? (f.digest.times.length > 0 ? minimum(f.digest.times) : Infinity) }))
    .sort((a, b) => a.first - b.first || (a.f.path < b.f.path ? -1 : 1))
    .map((x) => x.f);

  const seen = new Set<string>();
  const groups = new Map<string, { models: Map<string, Accumulator>; agents: Set<AgentId>; extra: SessionExtra }>();
  const sessionEnergy = new Map<string, { wh: number[]; requests: number; agent: AgentId; project: string; best: { file: ScannedFile; wh: number } }>();
  const sources = new Map<AgentId, UsageReport['sources'][number]>();
  const since = options.since;
  const until = options.until;
  const zone = currentZone();
  const addSession = (file: ScannedFile, sessionKey: string, project: string, fileWh: number[], fileRequests: number) => {
    if (fileRequests === 0) return;
    let session = sessionEnergy.get(sessionKey);
    if (!session) sessionEnergy.set(sessionKey, (session = { wh: [0, 0, 0], requests: 0, agent: file.agent, project, best: { file, wh: -1 } }));
    for (let j = 0; j < 3; j++) session.wh[j] += fileWh[j];
    session.requests += fileRequests;
    // Each session is coached on its main log: the file that holds most of its energy.
    if (fileWh[1] > session.best.wh) session.best = { file, wh: fileWh[1] };
  };

  // The hot loop (every request of every log): one accumulator per (group, model) cell, found by
  // Map only when the group or model changes from the previous request; totals are derived after.
  for (const file of ordered) {
    const d = file.digest;
    const source = sources.get(file.agent) ?? { agent: file.agent, files: 0, requests: 0, estimatedRequests: 0, duplicatesSkipped: 0, malformedLines: 0, entriesNotNeeded: 0 };
    sources.set(file.agent, source);
    source.files++;
    source.malformedLines += d.malformedLines;
    source.entriesNotNeeded += Object.values(d.unneeded).reduce((a, b) => a + b, 0);
    const project = projectOf(file);
    const sessionKey = `${file.agent}:${d.sessionId ?? path.basename(file.path).replace(/\.jsonl?$/, '')}`;
    const models = d.models;
    // Cells are per agent and model, so each group can be split by agent (the panel's "per agent"),
    // and recorded apart from estimated.
    const estimated = models.map((_, i) => isEstimatedModel(d, i));
    const cellKeys = models.map((m, i) => cellKey(file.agent, estimated[i], m));
    // Energy and requests of the file's recorded requests: the heaviest sessions are ranked and coached on those.
    const fileWh = [0, 0, 0];
    let fileRequests = 0;
    let estimatedRequests = 0;
    const groupOf = (groupKey: string, first: number, last: number) => {
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { models: new Map(), agents: new Set(), extra: { project, first, last, files: new Set() } }));
      group.agents.add(file.agent);
      group.extra.files.add(file);
      if (first < group.extra.first) group.extra.first = first;
      if (last > group.extra.last) group.extra.last = last;
      return group;
    };
    const synthetic = models.map((m) => m === '<synthetic>');
    // The request columns are read (and, from the cache, decoded) only if a request is added one by one.
    let columns: Pick<typeof d, 'times' | 'keys' | 'modelIndex' | 'tokens' | 'footprints'> | undefined;
    let lastGroupKey: string | undefined;
    let lastModel = -1;
    let cell: Accumulator | undefined;
    /** One request, deduplicated across files (the first copy in file order counts). */
    const addOne = (key: string | null, time: number, m: number, tokens: ArrayLike<number>, o: number, footprints: ArrayLike<number>, f: number) => {
      if (key !== null) {
        if (seen.has(key)) {
          source.duplicatesSkipped++;
          return;
        }
        seen.add(key);
      }
      if (since !== undefined || until !== undefined) {
        const day = localDate(time);
        if ((since !== undefined && day < since) || (until !== undefined && day > until)) return;
      }
      const groupKey = groupKeyOf(options.grouping, time, sessionKey, project);
      if (groupKey !== lastGroupKey || m !== lastModel || !cell) {
        const group = groupOf(groupKey, time, time);
        cell = group.models.get(cellKeys[m]);
        if (!cell) group.models.set(cellKeys[m], (cell = newAccumulator()));
        lastGroupKey = groupKey;
        lastModel = m;
      } else if (options.grouping === 'session') {
        const extra = groups.get(groupKey)!.extra;
        if (time < extra.first) extra.first = time;
        if (time > extra.last) extra.last = time;
      }
      const t = cell.tokens;
      t.input += tokens[o];
      t.output += tokens[o + 1];
      t.cacheCreation += tokens[o + 2];
      t.cacheRead += tokens[o + 3];
      t.reasoning += tokens[o + 4];
      if (synthetic[m]) return;
      cell.requests++;
      const fp = cell.fp;
      for (let j = 0; j < FOOTPRINT_STRIDE; j++) fp[j] += footprints[f + j];
      if (estimated[m]) {
        estimatedRequests++;
        return;
      }
      fileWh[0] += footprints[f];
      fileWh[1] += footprints[f + 1];
      fileWh[2] += footprints[f + 2];
      fileRequests++;
    };
    const addRequest = (i: number) => {
      const { times, keys, modelIndex, tokens, footprints } = (columns ??= { times: d.times, keys: d.keys, modelIndex: d.modelIndex, tokens: d.tokens, footprints: d.footprints });
      addOne(keys[i], times[i], modelIndex[i], tokens, i * TOKEN_STRIDE, footprints, i * FOOTPRINT_STRIDE);
    };
    if (d.shared !== undefined && d.cells && d.cellsZone === zone && (options.grouping !== 'session' || (since === undefined && until === undefined))) {
      // The day cells hold every request whose dedup key no other file has: they always count.
      for (const c of d.cells) {
        if ((since !== undefined && c.day < since) || (until !== undefined && c.day > until)) continue;
        const group = groupOf(groupKeyOfDay(options.grouping, c.day, sessionKey, project), d.firstTime ?? 0, d.lastTime ?? 0);
        let acc = group.models.get(cellKeys[c.model]);
        if (!acc) group.models.set(cellKeys[c.model], (acc = newAccumulator()));
        acc.tokens.input += c.tokens[0];
        acc.tokens.output += c.tokens[1];
        acc.tokens.cacheCreation += c.tokens[2];
        acc.tokens.cacheRead += c.tokens[3];
        acc.tokens.reasoning += c.tokens[4];
        acc.requests += c.requests;
        for (let j = 0; j < FOOTPRINT_STRIDE; j++) acc.fp[j] += c.footprints[j];
        if (estimated[c.model]) {
          estimatedRequests += c.requests;
          continue;
        }
        fileWh[0] += c.footprints[0];
        fileWh[1] += c.footprints[1];
        fileWh[2] += c.footprints[2];
        fileRequests += c.requests;
      }
      // The few requests another file also holds (a resumed session's copies) go one by one.
      if (d.sharedRequests) for (const r of d.sharedRequests) addOne(r.key, r.time, r.model, r.tokens, 0, r.footprints, 0);
      else for (const i of d.shared) addRequest(i);
    } else {
      for (let i = 0; i < d.times.length; i++) addRequest(i);
    }
    source.requests += fileRequests;
    source.estimatedRequests += estimatedRequests;
    addSession(file, sessionKey, project, fileWh, fileRequests);
  }

  // Cost is linear in the tokens, so it is priced per (group, model) cell rather than per request.
  const total = newAccumulator();
  const estimatedTotal = newAccumulator();
  const groupTotals = new Map<string, { recorded: Accumulator; estimated: Accumulator }>();
  for (const [groupKey, group] of groups) {
    const groupAcc = { recorded: newAccumulator(), estimated: newAccumulator() };
    for (const [key, cell] of group.models) {
      const model = modelOfCell(key);
      if (model !== '<synthetic>') {
        const cost = calculator.cost(model, cell.tokens);
        if (cost === undefined) cell.unpriced = cell.requests;
        else cell.cost = cost;
      }
      merge(estimatedOfCell(key) ? groupAcc.estimated : groupAcc.recorded, cell);
    }
    merge(total, groupAcc.recorded);
    merge(estimatedTotal, groupAcc.estimated);
    groupTotals.set(groupKey, groupAcc);
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
      coaching: coachingOf(s.best.file, options, calculator),
    }));

  const groupList = [...groups.entries()].map(([key, g]): UsageGroup => {
    const totals = groupTotals.get(key)!;
    const out: UsageGroup = {
      key,
      agents: [...g.agents].sort(),
      ...figures(totals.recorded),
      models: [...g.models.entries()]
        .filter(([key]) => modelOfCell(key) !== '<synthetic>')
        .map(([key, acc]) => {
          const model = modelOfCell(key);
          const resolved = calculator.model(model);
          const usage: ModelUsage = { agent: agentOfCell(key), model, profile: resolved.profile.id, matchedBy: resolved.resolvedBy, ...figures(acc) };
          if (estimatedOfCell(key)) usage.estimated = true;
          return usage;
        })
        .sort((a, b) => b.energy.wh.central - a.energy.wh.central),
    };
    if (totals.estimated.requests > 0) out.estimated = figures(totals.estimated);
    if (options.grouping === 'session') {
      out.project = g.extra.project;
      out.firstRequest = new Date(g.extra.first).toISOString();
      out.lastRequest = new Date(g.extra.last).toISOString();
      out.compactions = [...g.extra.files].reduce((n, f) => n + f.digest.compactions.filter((t) => t >= g.extra.first && t <= g.extra.last).length, 0);
    }
    return out;
  });
  const heavier = (a: UsageGroup, b: UsageGroup) =>
    b.energy.wh.central - a.energy.wh.central || (b.estimated?.energy.wh.central ?? 0) - (a.estimated?.energy.wh.central ?? 0);
  groupList.sort((a, b) => (options.grouping === 'session' || options.grouping === 'project' ? heavier(a, b) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    grouping: options.grouping,
    totals: figures(total),
    ...(estimatedTotal.requests > 0 ? { estimatedTotals: figures(estimatedTotal) } : {}),
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

/** The key of a (agent, recorded or estimated, model) cell. */
function cellKey(agent: AgentId, estimated: boolean, model: string): string {
  return `${agent}\u0000${estimated ? 'e' : 'r'}\u0000${model}`;
}

function agentOfCell(key: string): AgentId {
  return key.slice(0, key.indexOf('\u0000')) as AgentId;
}

function estimatedOfCell(key: string): boolean {
  return key[key.indexOf('\u0000') + 1] === 'e';
}

function modelOfCell(key: string): string {
  return key.slice(key.indexOf('\u0000') + 3);
}

function minimum(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  return min;
}

function merge(into: Accumulator, from: Accumulator): void {
  into.tokens.input += from.tokens.input;
  into.tokens.output += from.tokens.output;
  into.tokens.cacheCreation += from.tokens.cacheCreation;
  into.tokens.cacheRead += from.tokens.cacheRead;
  into.tokens.reasoning += from.tokens.reasoning;
  into.requests += from.requests;
  for (let j = 0; j < FOOTPRINT_STRIDE; j++) into.fp[j] += from.fp[j];
  into.cost += from.cost;
  into.unpriced += from.unpriced;
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

/**
 * Coaching of a session's main log. Over the whole log (no date filter) it depends only on the
 * digest and the footprint method, so it is kept in the digest and cached with it.
 */
function coachingOf(file: ScannedFile, options: UsageReportOptions, calculator: FootprintCalculator): SessionCoaching {
  const d = file.digest;
  const whole = options.since === undefined && options.until === undefined;
  const count = d.requestCount ?? d.times.length;
  if (whole && d.coaching && d.coaching.footprintKey === calculator.key && d.coaching.requests === count) return d.coaching.value;
  const value = coachSession(requestsOf(file, options), d.compactions, calculator);
  if (whole) d.coaching = { footprintKey: calculator.key, requests: count, value };
  return value;
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
    if (model === '<synthetic>' || isEstimatedModel(d, d.modelIndex[i])) continue;
    const day = localDate(d.times[i]);
    if ((options.since && day < options.since) || (options.until && day > options.until)) continue;
    const o = i * TOKEN_STRIDE;
    out.push({
      time: d.times[i],
      model,
      tokens: { input: d.tokens[o], output: d.tokens[o + 1], cacheCreation: d.tokens[o + 2], cacheRead: d.tokens[o + 3], reasoning: d.tokens[o + 4] },
      wh: [d.footprints[i * FOOTPRINT_STRIDE], d.footprints[i * FOOTPRINT_STRIDE + 1], d.footprints[i * FOOTPRINT_STRIDE + 2]],
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

function groupKeyOfDay(grouping: UsageGrouping, day: string, sessionKey: string, project: string): string {
  switch (grouping) {
    case 'daily':
      return day;
    case 'weekly':
      return weekStart(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12).getTime());
    case 'monthly':
      return day.slice(0, 7);
    case 'session':
      return sessionKey;
    case 'project':
      return project;
  }
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

export function agentName(agent: AgentId): string {
  return AGENT_NAMES[agent];
}

export { localDate, weekStart } from './localDates';
