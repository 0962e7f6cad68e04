/**
 * The evidence the history rules turn into findings, as plain data with measured savings. The
 * saving of trimming N tokens is the difference the estimator gives for the next request with
 * and without them (no caching: the worst case the user pays when the cache is cold). No
 * thresholds live here: whether evidence is worth a finding is the rules' judgement (their options).
 */
import type { RequestEstimate, RequestInput } from '../energy/estimate';
import type { TextRange } from '../textRange';
import type { SessionAccumulator } from './sessionAccumulator';
import type { SessionAnalysis } from './sessionAnalysis';

export interface MeasuredSaving {
  /** Tokens removed from every later request. */
  tokens: number;
  /** Central Wh saved on the next request. */
  wh: number;
  /** Central Wh saved over the projected turns (saving × turns, as the history is re-sent each time). */
  whOverProjection: number;
}

type Estimate = (input: RequestInput) => RequestEstimate;

export function measureSaving(analysis: SessionAnalysis, tokens: number, estimate: Estimate): MeasuredSaving {
  const input = analysis.context?.nextInputTokens ?? 0;
  const removed = Math.min(tokens, input);
  const output = analysis.projection.averageOutputTokens || undefined;
  const before = estimate({ inputTokens: input, outputTokens: output }).energyWh.central;
  const after = estimate({ inputTokens: input - removed, outputTokens: output }).energyWh.central;
  return { tokens: removed, wh: before - after, whOverProjection: (before - after) * analysis.projection.moreTurns };
}

// --- polluted history -------------------------------------------------------------------------

export interface AbandonedAttemptDetection {
  phrase: string;
  /** Messages [fromMessage, toMessage) and the message that abandoned them. */
  fromMessage: number;
  toMessage: number;
  retractionMessage: number;
  /** Source range from the first abandoned message to the last. */
  range: TextRange;
  line?: number;
  saving: MeasuredSaving;
}

export interface RepeatedPasteDetection {
  label: string;
  /** True when every copy is the same text; false when later copies are newer versions of the same file. */
  identical: boolean;
  occurrences: { messageIndex: number; range: TextRange; line?: number; tokens: number }[];
  /** Dropping every copy except the latest. */
  saving: MeasuredSaving;
}

export interface UnreferencedToolOutputDetection {
  label: string;
  messageIndex: number;
  range: TextRange;
  line?: number;
  tokens: number;
  saving: MeasuredSaving;
}

export interface PollutionDetection {
  abandoned: AbandonedAttemptDetection[];
  repeatedPastes: RepeatedPasteDetection[];
  unreferencedToolOutputs: UnreferencedToolOutputDetection[];
  /** All of the above together (overlaps counted once per message). */
  saving: MeasuredSaving;
}

export function detectPollution(session: SessionAccumulator, analysis: SessionAnalysis, estimate: Estimate): PollutionDetection {
  return pollutionOf(session, (tokens) => measureSaving(analysis, tokens, estimate));
}

/** The same evidence with savings measured by the caller (history written in a prompt document has no session costs). */
export function pollutionOf(session: SessionAccumulator, measure: (tokens: number) => MeasuredSaving): PollutionDetection {
  // Before a compaction, nothing is re-sent any more: only what is still in the context pollutes it.
  const live = session.contextStart;
  const abandonedAttempts = session.abandoned.filter((a) => a.fromMessage >= live);
  const abandoned = abandonedAttempts.map((a) => ({
    phrase: a.phrase,
    fromMessage: a.fromMessage,
    toMessage: a.toMessage,
    retractionMessage: a.retractionMessage,
    range: a.range,
    line: session.messages[a.fromMessage].line,
    saving: measure(a.tokens),
  }));

  const repeatedPastes: RepeatedPasteDetection[] = [];
  for (const all of session.pastes.values()) {
    const occurrences = live === 0 ? all : all.filter((o) => o.messageIndex >= live);
    if (occurrences.length < 2) continue;
    const removable = occurrences.slice(0, -1).reduce((s, o) => s + o.tokens, 0);
    repeatedPastes.push({
      label: occurrences[occurrences.length - 1].label,
      identical: occurrences.every((o) => o.fingerprint === occurrences[0].fingerprint),
      occurrences: occurrences.map((o) => ({
        messageIndex: o.messageIndex,
        range: o.range,
        line: session.messages[o.messageIndex].line,
        tokens: o.tokens,
      })),
      saving: measure(removable),
    });
  }
  repeatedPastes.sort((a, b) => b.saving.tokens - a.saving.tokens);

  const unreferencedToolOutputs = session.toolOutputs
    .filter((o) => o.referencedBy === undefined && o.messageIndex >= live && !isLastExchange(session, o.messageIndex))
    .map((o) => ({
      label: o.label,
      messageIndex: o.messageIndex,
      range: o.range,
      line: session.messages[o.messageIndex].line,
      tokens: o.tokens,
      saving: measure(o.tokens),
    }));

  // The combined saving counts each message's tokens once even when detections overlap.
  const perMessage = new Map<number, number>();
  const claim = (message: number, tokens: number): void => {
    perMessage.set(message, Math.min(session.messages[message].tokens, (perMessage.get(message) ?? 0) + tokens));
  };
  for (const a of abandonedAttempts) for (let i = a.fromMessage; i < a.toMessage; i++) claim(i, session.messages[i].tokens);
  for (const p of repeatedPastes) for (const o of p.occurrences.slice(0, -1)) claim(o.messageIndex, o.tokens);
  for (const o of unreferencedToolOutputs) claim(o.messageIndex, o.tokens);
  const total = [...perMessage.values()].reduce((s, t) => s + t, 0);

  return { abandoned, repeatedPastes, unreferencedToolOutputs, saving: measure(total) };
}

/** Until the model has replied after it, an output may still be about to be used; it is not "never referred to" yet. */
function isLastExchange(session: SessionAccumulator, messageIndex: number): boolean {
  const lastTurn = session.turns[session.turns.length - 1];
  return lastTurn === undefined || lastTurn.replyMessage! <= messageIndex;
}

// --- continue vs start fresh ------------------------------------------------------------------

/** The projection "continue N more turns vs start fresh from the seed summary", read the realistic way. */
export interface FreshSessionComparison {
  /** Central Wh saved over the projected turns, with caching when it applies. */
  savingWh: number;
  /** Saving as a share of continuing (0 when continuing costs nothing). */
  savingShare: number;
  continueWh: number;
  freshWh: number;
  withCaching: boolean;
  moreTurns: number;
  seedSummaryTokens: number;
  breakEvenTurn: number | null;
  caveat?: string;
}

export function compareFreshSession(analysis: SessionAnalysis): FreshSessionComparison {
  const p = analysis.projection;
  const withCaching = analysis.caching?.applies ?? false;
  const continueWh = withCaching ? p.continueWhCached.central : p.continueWh.central;
  const freshWh = withCaching ? p.freshWhCached.central : p.freshWh.central;
  const savingWh = continueWh - freshWh;
  return {
    savingWh,
    savingShare: continueWh > 0 ? savingWh / continueWh : 0,
    continueWh,
    freshWh,
    withCaching,
    moreTurns: p.moreTurns,
    seedSummaryTokens: p.seedSummaryTokens,
    breakEvenTurn: withCaching ? (p.breakEvenTurnCached ?? null) : p.breakEvenTurn,
    caveat: p.caveat,
  };
}
