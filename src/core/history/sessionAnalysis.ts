/** The cost of a session, turn by turn, and the projection "continue vs start fresh". */
import type { Estimate3 } from '../energy/estimate';
import type { FreshSessionComparison, PollutionDetection } from './sessionDetections';
import type { TranscriptFormat, TranscriptProblem } from './transcript';

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
  /** Carbon with the profile's caching behaviour. */
  carbonGCached?: Estimate3;
  cumulativeCarbonG?: Estimate3;
  /** Index of the message that answers this request (absent while pending). */
  replyMessage?: number;
  /** First message of this request's new input. */
  firstNewMessage?: number;
  /** Of inputTokens, what is new since the previous request (this message, tool results, the previous reply). */
  newInputTokens?: number;
  /** True for the request not yet answered (the transcript ends with the user's message); its output is the profile's expected output. */
  pending?: boolean;
  /** Our own count of input tokens, kept beside recorded usage so the two can be compared. */
  countedInputTokens?: number;
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
  /** Same, with caching. */
  breakEvenTurnCached?: number | null;
  /** Assumed new input and output per future turn (session averages). */
  averageNewInputTokens?: number;
  averageOutputTokens?: number;
  /** Input of the first future request, continuing vs fresh. */
  continueFirstInputTokens?: number;
  freshFirstInputTokens?: number;
  /** Cumulative central Wh after each future turn, for charts. */
  series?: { turn: number; continueWh: number; freshWh: number; continueWhCached: number; freshWhCached: number }[];
}

export interface SessionAnalysis {
  turns: TurnCost[];
  totals: SessionTotals;
  projection: SessionProjection;
  /** Seed summary text for a fresh session (a starting point the user edits). */
  seedSummary: string;
  seedSummaryTokens?: number;
  /** Whether the "with caching" figures assume a provider prompt cache, and why. */
  caching?: { applies: boolean; note: string };
  /** The next request: everything it would send, and how much of that is history. */
  context?: { nextInputTokens: number; historyTokens: number; systemTokens: number };
  /** How the numbers were obtained, in plain words. */
  assumptions?: string[];
  /** The transcript that was read (set by `analyseSession`). */
  source?: {
    format: TranscriptFormat;
    messages: number;
    /** The model the transcript names, if any. */
    model?: string;
    problems: TranscriptProblem[];
    notes: string[];
  };
  /**
   * What the streaming detector found, with measured savings (set by `analyseSession`). The history
   * rules judge this evidence; the surfaces render it. Nothing here is a verdict yet: thresholds are
   * the rules' options.
   */
  evidence?: SessionEvidence;
}

export interface SessionEvidence {
  pollution: PollutionDetection;
  freshSession: FreshSessionComparison;
}
