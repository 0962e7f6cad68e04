/** The cost of a session, turn by turn, and the projection "continue vs start fresh". */
import type { Estimate3 } from '../energy/estimate';

/** One request: the user's message with everything before it, answered by the assistant. */
export interface TurnCost {
  index: number;
  /** Everything sent for this request (system + all earlier messages + this message). */
  inputTokens: number;
  /** Of inputTokens, how many a provider prompt cache would serve (prefix already sent). */
  cachedInputTokens: number;
  outputTokens: number;
  /** Without caching. */
  wh: Estimate3;
  /** With the profile's caching behaviour. */
  whCached: Estimate3;
  cumulativeWh: Estimate3;
  cumulativeWhCached: Estimate3;
  carbonG: Estimate3;
  /** True when the numbers come from usage recorded in the log rather than our count. */
  fromRecordedUsage: boolean;
}

export interface SessionTotals {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  wh: Estimate3;
  whCached: Estimate3;
  carbonG: Estimate3;
}

export interface SessionProjection {
  moreTurns: number;
  seedSummaryTokens: number;
  continueWh: Estimate3;
  freshWh: Estimate3;
  /** With caching. */
  continueWhCached: Estimate3;
  freshWhCached: Estimate3;
  savingWh: number;
  savingWhCached: number;
  /** First future turn at which the fresh session has cost less in total; null if never within moreTurns. */
  breakEvenTurn: number | null;
  caveat?: string;
}

export interface SessionAnalysis {
  turns: TurnCost[];
  totals: SessionTotals;
  projection: SessionProjection;
  /** Seed summary text for a fresh session (a starting point the user edits). */
  seedSummary: string;
}
