/**
 * Turns a session's token shapes into costs: per request, cumulative, with and without provider
 * prompt caching, and the projection "continue N more turns vs start fresh from a seed summary".
 * The estimator is injected, so the arithmetic here can be checked by hand with a simple one.
 * Answered turns never change, so their costs are kept and an append only costs the new turn.
 */
import { formatTokens, formatWh } from '../format';
import type { Estimate3, RequestEstimate, RequestInput } from '../energy/estimate';
import { addEstimates, sumEstimates, zeroEstimate } from '../energy/estimate3';
import type { ModelProfile } from '../profiles/modelProfile';
import type { SessionAccumulator, TurnShape } from './sessionAccumulator';
import type { SessionAnalysis, SessionProjection, SessionTotals, TurnCost } from './sessionAnalysis';
import { buildSeedSummary } from './seedSummary';

export interface SessionCostOptions {
  estimate: (input: RequestInput) => RequestEstimate;
  /** The profile's caching behaviour; decides the "with caching" figures for turns without recorded usage. */
  caching: ModelProfile['caching'];
  /** Turns to project. Default 10. */
  moreTurns?: number;
  /** Providers cache only prefixes at least this long (OpenAI and Anthropic: 1,024 tokens). */
  minCacheablePrefixTokens?: number;
  /** Use this summary's size instead of the one built from the session (e.g. the user edited it). */
  seedSummaryTokens?: number;
  /** Name of the transcript for the summary header. */
  sourceName?: string;
}

/** Cache reads cost this fraction of an uncached input token in the energy model (ENERGY-MODEL.md §2); quoted in notes. */
const CACHE_NOTE_FACTOR = '0.1×';
const CAVEAT_RATIO = 0.5;

export class SessionCostModel {
  private readonly answered: TurnCost[] = [];
  private readonly moreTurns: number;
  private readonly minPrefix: number;

  constructor(private readonly options: SessionCostOptions) {
    this.moreTurns = Math.max(1, Math.floor(options.moreTurns ?? 10));
    this.minPrefix = options.minCacheablePrefixTokens ?? 1024;
  }

  get cachingApplies(): boolean {
    return this.options.caching.supported;
  }

  analyse(session: SessionAccumulator): SessionAnalysis {
    // Answered turns are final: cost only those not seen yet.
    for (let i = this.answered.length; i < session.turns.length; i++) {
      this.answered.push(this.costTurn(session.turns[i], this.answered[i - 1]));
    }
    const turns = [...this.answered];
    const pending = session.pendingTurn();
    if (pending) turns.push(this.costTurn(pending, turns[turns.length - 1]));

    const seedSummary = buildSeedSummary(session, { sourceName: this.options.sourceName });
    const seedSummaryTokens = this.options.seedSummaryTokens ?? session.countText(seedSummary);
    const fixedPrefix = fixedPrefixTokens(session, turns[0]);
    const projection = this.project(session, turns, pending, seedSummaryTokens, fixedPrefix);
    const next = pending ? turns[turns.length - 1].inputTokens : projection.continueFirstInputTokens ?? session.contextTokens;
    const newest = pending ? pending.newInputTokens : 0;

    return {
      turns,
      totals: totalsOf(turns),
      projection,
      seedSummary,
      seedSummaryTokens,
      caching: { applies: this.cachingApplies, note: this.cachingNote(turns) },
      context: { nextInputTokens: next, historyTokens: Math.max(0, next - newest - fixedPrefix), systemTokens: fixedPrefix },
      assumptions: this.assumptions(turns),
    };
  }

  private costTurn(shape: TurnShape, previous: TurnCost | undefined): TurnCost {
    const usage = shape.usage;
    let inputTokens: number;
    let cachedInputTokens: number;
    let outputTokens: number | undefined;
    if (usage) {
      inputTokens = usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
      cachedInputTokens = usage.cacheReadInputTokens;
      // Some Claude Code versions log the usage of the stream's first event, where output is a
      // handful of tokens; the visible reply we counted is a floor.
      outputTokens = Math.max(usage.outputTokens, shape.countedOutputTokens);
    } else if (shape.startsNewContext) {
      // Nothing before a compaction is a cached prefix of this request.
      inputTokens = shape.countedInputTokens;
      cachedInputTokens = 0;
      outputTokens = shape.replyMessage === undefined ? undefined : shape.countedOutputTokens;
    } else if (previous?.fromRecordedUsage) {
      // After a recorded turn our count misses what the log saw (system prompt, tools): build on the recorded figure.
      inputTokens = previous.inputTokens + previous.outputTokens + shape.newInputTokens;
      cachedInputTokens = this.cachedPrefix(previous.inputTokens, inputTokens);
      outputTokens = shape.replyMessage === undefined ? undefined : shape.countedOutputTokens;
    } else {
      inputTokens = shape.countedInputTokens;
      cachedInputTokens = this.cachedPrefix(previous?.inputTokens ?? 0, inputTokens);
      outputTokens = shape.replyMessage === undefined ? undefined : shape.countedOutputTokens;
    }
    // Recorded usage counts hidden reasoning (thinking) tokens as output already: add none on top.
    const outputIncludesReasoning = usage !== undefined;
    const plain = this.options.estimate({ inputTokens, cachedInputTokens: 0, outputTokens, outputIncludesReasoning });
    const cached = cachedInputTokens > 0 ? this.options.estimate({ inputTokens, cachedInputTokens, outputTokens, outputIncludesReasoning }) : plain;
    return {
      index: shape.index,
      inputTokens,
      cachedInputTokens,
      outputTokens: outputTokens ?? plain.tokens.output,
      wh: plain.energyWh,
      whCached: cached.energyWh,
      cumulativeWh: addEstimates(previous?.cumulativeWh ?? zeroEstimate(), plain.energyWh),
      cumulativeWhCached: addEstimates(previous?.cumulativeWhCached ?? zeroEstimate(), cached.energyWh),
      carbonG: plain.carbonG,
      carbonGCached: cached.carbonG,
      cumulativeCarbonG: addEstimates(previous?.cumulativeCarbonG ?? zeroEstimate(), plain.carbonG),
      fromRecordedUsage: usage !== undefined,
      replyMessage: shape.replyMessage,
      firstNewMessage: shape.firstNewMessage,
      newInputTokens: shape.newInputTokens,
      pending: shape.replyMessage === undefined ? true : undefined,
      countedInputTokens: shape.countedInputTokens,
    };
  }

  /** What a prompt cache would serve: the previous request's input, when caching applies and it is long enough. */
  private cachedPrefix(previousInput: number, input: number): number {
    if (!this.cachingApplies || previousInput < this.minPrefix) return 0;
    return Math.min(previousInput, input);
  }

  private project(
    session: SessionAccumulator,
    turns: TurnCost[],
    pending: TurnShape | undefined,
    seedTokens: number,
    fixedPrefix: number,
  ): SessionProjection {
    const answered = turns.filter((t) => !t.pending);
    const averageOutput = answered.length > 0 ? Math.round(answered.reduce((s, t) => s + t.outputTokens, 0) / answered.length) : 0;
    const averageNew = averageNewInput(turns, fixedPrefix);
    const last = answered[answered.length - 1];
    const firstNew = pending ? pending.newInputTokens : averageNew;
    let continueFirst: number;
    if (pending) continueFirst = turns[turns.length - 1].inputTokens;
    else if (last) continueFirst = last.inputTokens + last.outputTokens + firstNew;
    else continueFirst = session.contextTokens + firstNew;
    const freshFirst = fixedPrefix + seedTokens + firstNew;
    const step = averageNew + averageOutput;
    const output = averageOutput > 0 ? averageOutput : undefined;
    // An average of recorded outputs already contains the hidden reasoning tokens.
    const outputIncludesReasoning = answered.length > 0 && answered.every((t) => t.fromRecordedUsage);

    const run = (first: number, firstCached: number) => {
      const plain: Estimate3[] = [];
      const cached: Estimate3[] = [];
      let previousInput = 0;
      for (let k = 0; k < this.moreTurns; k++) {
        const input = first + k * step;
        const cachedTokens = k === 0 ? firstCached : this.cachedPrefix(previousInput, input);
        plain.push(this.options.estimate({ inputTokens: input, cachedInputTokens: 0, outputTokens: output, outputIncludesReasoning }).energyWh);
        cached.push(this.options.estimate({ inputTokens: input, cachedInputTokens: cachedTokens, outputTokens: output, outputIncludesReasoning }).energyWh);
        previousInput = input;
      }
      return { plain, cached };
    };
    // Continuing reuses the cached prefix of the last request; a fresh session can only reuse its fixed system prefix.
    const continuing = run(continueFirst, last ? this.cachedPrefix(last.inputTokens, continueFirst) : 0);
    const fresh = run(freshFirst, this.cachedPrefix(fixedPrefix, freshFirst));

    const series: NonNullable<SessionProjection['series']> = [];
    const sums = { c: 0, f: 0, cc: 0, fc: 0 };
    let breakEven: number | null = null;
    let breakEvenCached: number | null = null;
    for (let k = 0; k < this.moreTurns; k++) {
      sums.c += continuing.plain[k].central;
      sums.f += fresh.plain[k].central;
      sums.cc += continuing.cached[k].central;
      sums.fc += fresh.cached[k].central;
      if (breakEven === null && sums.f < sums.c) breakEven = k + 1;
      if (breakEvenCached === null && sums.fc < sums.cc) breakEvenCached = k + 1;
      series.push({ turn: k + 1, continueWh: sums.c, freshWh: sums.f, continueWhCached: sums.cc, freshWhCached: sums.fc });
    }
    const projection: SessionProjection = {
      moreTurns: this.moreTurns,
      seedSummaryTokens: seedTokens,
      continueWh: sumEstimates(continuing.plain),
      freshWh: sumEstimates(fresh.plain),
      continueWhCached: sumEstimates(continuing.cached),
      freshWhCached: sumEstimates(fresh.cached),
      savingWh: sums.c - sums.f,
      savingWhCached: sums.cc - sums.fc,
      breakEvenTurn: breakEven,
      breakEvenTurnCached: breakEvenCached,
      averageNewInputTokens: averageNew,
      averageOutputTokens: averageOutput,
      continueFirstInputTokens: continueFirst,
      freshFirstInputTokens: freshFirst,
      series,
    };
    const usesCache = this.cachingApplies || turns.some((t) => t.fromRecordedUsage && t.cachedInputTokens > 0);
    if (usesCache && projection.savingWh > 0 && projection.savingWhCached < CAVEAT_RATIO * projection.savingWh) {
      projection.caveat =
        projection.savingWhCached <= 0
          ? `With prompt caching, continuing re-reads the history from the cache at about ${CACHE_NOTE_FACTOR} the cost, so a fresh session does not pay back within ${this.moreTurns} turns (it saves ${formatWh(projection.savingWh)} only without caching).`
          : `With prompt caching, continuing re-reads the history from the cache at about ${CACHE_NOTE_FACTOR} the cost, so starting fresh saves ${formatWh(projection.savingWhCached)} over ${this.moreTurns} turns instead of ${formatWh(projection.savingWh)}. The cache-read cost is an assumption (no provider publishes it), and a cache expires after minutes idle, after which the full figure applies.`;
    }
    return projection;
  }

  private cachingNote(turns: TurnCost[]): string {
    const recorded = turns.filter((t) => t.fromRecordedUsage).length;
    const caching = this.options.caching;
    const base = !caching.supported
      ? 'This model\'s provider does not cache prompts: "with caching" equals "without".'
      : caching.automatic
        ? `The provider caches repeated prefixes automatically: "with caching" assumes each request's history (at least ${formatTokens(this.minPrefix)} tokens) is read from the cache.`
        : `The provider caches prefixes the client marks (chat and agent clients usually do): "with caching" assumes each request's history (at least ${formatTokens(this.minPrefix)} tokens) is read from the cache.`;
    return recorded > 0 ? `${base} ${recorded} turns use the cache reads recorded in the log instead.` : base;
  }

  private assumptions(turns: TurnCost[]): string[] {
    const recorded = turns.filter((t) => t.fromRecordedUsage).length;
    const list = [
      'Each request sends everything before it: system prompt, every earlier message and reply, tool calls and results.',
      `Cached input tokens cost ${CACHE_NOTE_FACTOR} an uncached input token (energy-model assumption, ENERGY-MODEL.md §2).`,
      `The projection assumes future turns the size of this session's average (new input and reply).`,
    ];
    if (recorded > 0) list.push(`${recorded} of ${turns.length} turns use the token usage recorded in the log (provider's own count, system prompt and tools included).`);
    if (turns.some((t) => t.pending)) list.push("The last request has no reply yet; its output is the profile's expected output length.");
    return list;
  }
}

function totalsOf(turns: TurnCost[]): SessionTotals {
  return {
    inputTokens: turns.reduce((s, t) => s + t.inputTokens, 0),
    cachedInputTokens: turns.reduce((s, t) => s + t.cachedInputTokens, 0),
    outputTokens: turns.reduce((s, t) => s + t.outputTokens, 0),
    wh: sumEstimates(turns.map((t) => t.wh)),
    whCached: sumEstimates(turns.map((t) => t.whCached)),
    carbonG: sumEstimates(turns.map((t) => t.carbonG)),
  };
}

/**
 * What a fresh session still sends every time: the system messages, or — when the log recorded
 * usage — what the first request sent beyond the messages we can see (Claude Code's system prompt and tools).
 */
function fixedPrefixTokens(session: SessionAccumulator, first: TurnCost | undefined): number {
  if (!first?.fromRecordedUsage) return session.systemTokens;
  const visibleNonSystem = (first.countedInputTokens ?? 0) - session.systemTokens;
  return Math.max(session.systemTokens, first.inputTokens - visibleNonSystem);
}

/** Mean new input per request after the first (the first carries the system prompt). */
function averageNewInput(turns: TurnCost[], fixedPrefix: number): number {
  if (turns.length === 0) return 0;
  if (turns.length === 1) return Math.max(0, turns[0].inputTokens - fixedPrefix);
  let total = 0;
  for (let i = 1; i < turns.length; i++) {
    total += Math.max(0, turns[i].inputTokens - turns[i - 1].inputTokens - turns[i - 1].outputTokens);
  }
  return Math.round(total / (turns.length - 1));
}

