/**
 * What a heavy session could have done differently, from its recorded requests alone:
 * - history share: of all the input the model read, the part that was earlier conversation re-sent
 *   (each request's context beyond what the first request sent: system prompt, tools, first message);
 * - the request after which starting fresh from a summary would have saved the most energy, and how
 *   much: from there on each request would have sent the first request's context, a summary
 *   (SEED_SUMMARY_TOKENS) and only what was added since, instead of the whole history; writing the
 *   summary costs one extra request. The removed history is taken from cache reads first (that is
 *   what it was, mostly), then cache writes, then uncached input. Each request is estimated with
 *   the shared estimator, so caching and long-context costs are the same as in the totals.
 * - compactions the agent made itself (they restart the context, so the projection stops at the next one).
 */
import { formatTokens, formatWh } from '../format';
import type { Estimate3 } from '../energy';
import type { FootprintCalculator } from './requestFootprint';
import type { TokenCounts } from './usageRecord';
import { contextTokens } from './usageRecord';

/** Tokens assumed for the summary a fresh session starts from (a page of notes). */
export const SEED_SUMMARY_TOKENS = 2000;
/** Candidate restart points tried per session (evenly spread), to bound the work on long sessions. */
const MAX_CANDIDATES = 12;

export interface SessionRequest {
  time: number;
  model: string;
  tokens: TokenCounts;
  /** The request's energy as estimated for the totals: low, central, high. */
  wh: [number, number, number];
}

export interface SessionCoaching {
  /** Share (0–1) of all input read that was re-sent earlier conversation. */
  historyShare: number;
  /** Context of the first request (what a fresh start sends anyway). */
  firstContextTokens: number;
  /** Context of the largest request. */
  peakContextTokens: number;
  compactions: number;
  /** The best restart point, when starting fresh would have saved energy. */
  startFresh?: {
    /** 1-based index of the request after which to start fresh. */
    afterRequest: number;
    /** Its context in tokens. */
    contextTokens: number;
    savedWh: Estimate3;
    /** Of the session's energy after that request. */
    savedShare: number;
  };
  summaryTokensAssumed: number;
  advice: string;
}

export function coachSession(requests: readonly SessionRequest[], compactionTimes: readonly number[], calculator: FootprintCalculator): SessionCoaching {
  const contexts = requests.map((r) => contextTokens(r.tokens));
  const first = contexts[0] ?? 0;
  const totalContext = contexts.reduce((a, b) => a + b, 0);
  const history = contexts.reduce((a, c) => a + Math.max(0, c - first), 0);
  const coaching: SessionCoaching = {
    historyShare: totalContext > 0 ? history / totalContext : 0,
    firstContextTokens: first,
    peakContextTokens: Math.max(0, ...contexts),
    compactions: compactionTimes.length,
    summaryTokensAssumed: SEED_SUMMARY_TOKENS,
    advice: '',
  };
  const best = bestRestart(requests, contexts, compactionTimes, calculator);
  if (best) coaching.startFresh = best;
  coaching.advice = adviceFor(coaching, requests.length);
  return coaching;
}

function bestRestart(
  requests: readonly SessionRequest[],
  contexts: readonly number[],
  compactionTimes: readonly number[],
  calculator: FootprintCalculator,
): SessionCoaching['startFresh'] {
  const n = requests.length;
  if (n < 3) return undefined;
  const first = contexts[0];
  const step = Math.max(1, Math.floor((n - 1) / MAX_CANDIDATES));
  let best: SessionCoaching['startFresh'];
  let bestCentral = 0;
  for (let k = 0; k < n - 1; k += step) {
    const base = contexts[k];
    if (base <= first + SEED_SUMMARY_TOKENS) continue;
    const nextCompaction = compactionTimes.find((t) => t > requests[k].time);
    const summary = calculator.footprint(requests[k].model, { input: 0, cacheCreation: 0, cacheRead: base, output: SEED_SUMMARY_TOKENS, reasoning: 0 });
    const saved = { low: -summary[0], central: -summary[1], high: -summary[2] };
    let after = 0;
    for (let i = k + 1; i < n; i++) {
      if (nextCompaction !== undefined && requests[i].time >= nextCompaction) break;
      const actual = requests[i].wh;
      const fresh = calculator.footprint(requests[i].model, shrink(requests[i].tokens, Math.max(0, base - first - SEED_SUMMARY_TOKENS)));
      saved.low += actual[0] - fresh[0];
      saved.central += actual[1] - fresh[1];
      saved.high += actual[2] - fresh[2];
      after += actual[1];
    }
    if (saved.central > bestCentral) {
      bestCentral = saved.central;
      best = { afterRequest: k + 1, contextTokens: base, savedWh: saved, savedShare: after > 0 ? saved.central / after : 0 };
    }
  }
  return best;
}

/** The request without `remove` tokens of history: cache reads first, then cache writes, then uncached input. */
function shrink(tokens: TokenCounts, remove: number): TokenCounts {
  const fromRead = Math.min(remove, tokens.cacheRead);
  const fromWrite = Math.min(remove - fromRead, tokens.cacheCreation);
  const fromInput = Math.min(remove - fromRead - fromWrite, tokens.input);
  return { ...tokens, cacheRead: tokens.cacheRead - fromRead, cacheCreation: tokens.cacheCreation - fromWrite, input: tokens.input - fromInput };
}

function adviceFor(c: SessionCoaching, requests: number): string {
  const share = `${Math.round(c.historyShare * 100)}% of the input the model read was earlier conversation sent again`;
  if (c.startFresh) {
    const s = c.startFresh;
    return (
      `${share}. Starting fresh from a ~${formatTokens(c.summaryTokensAssumed)}-token summary after request ${s.afterRequest} of ${requests} ` +
      `(context ${formatTokens(s.contextTokens)} tokens) would have saved about ${formatWh(s.savedWh.central)} ` +
      `(${Math.round(s.savedShare * 100)}% of what came after)` +
      (c.compactions > 0 ? `; the agent compacted ${c.compactions} time${c.compactions === 1 ? '' : 's'} on its own.` : '.')
    );
  }
  return `${share}; starting fresh would not have saved energy in this session` + (c.compactions > 0 ? ` (the agent compacted ${c.compactions} time${c.compactions === 1 ? '' : 's'}).` : '.');
}

