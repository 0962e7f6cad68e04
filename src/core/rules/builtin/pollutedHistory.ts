import { formatTokens, formatWh } from '../../format';
import type { ResolvedConfig } from '../../config/mvpConfig';
import type { RuleContext } from '../rule';
import { configuredOptions, defineRule } from '../defineRule';
import { savingOfTokens } from '../measureSaving';
import { historyMessages } from '../historyMessages';
import type { SessionDetectorOptions } from '../../history/analyseSession';
import { SessionAccumulator } from '../../history/sessionAccumulator';
import { compareFreshSession, pollutionOf, type PollutionDetection } from '../../history/sessionDetections';
import type { Message, MessagePayload } from '../../history/transcript';

const fmt = formatTokens;

const ID = 'polluted-history';
const DEFAULTS = { minWastedTokens: 500, minPasteTokens: 50, minToolOutputTokens: 500 };

/**
 * Dead weight in a session: attempts the user abandoned, the same content pasted again, big tool
 * outputs nobody used. A fresh session seeded with a summary drops all of it.
 *
 * The rule detects nothing itself: the session's streaming detector (SessionAccumulator) finds the
 * evidence once, for every surface, and this rule judges whether it is worth a finding. History
 * written into the prompt document goes through the same detector.
 */
export const pollutedHistory = defineRule({
  id: ID,
  description: 'The history carries abandoned attempts, repeated pastes or unused tool output',
  tags: ['history', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: {
    minWastedTokens: { type: 'integer', minimum: 0, description: 'Report when the dead weight is at least this many tokens.' },
    minPasteTokens: { type: 'integer', minimum: 1, description: 'Smallest block (tokens) compared for repeated pastes.' },
    minToolOutputTokens: { type: 'integer', minimum: 0, description: 'Tool outputs at least this large (tokens) are checked for later use.' },
  },
  defaultOptions: DEFAULTS,
  check(context, options) {
    const evidence = context.session?.evidence?.pollution ?? pollutionOfHistoryIn(context, detectorOptions(options));
    const signals = signalsOf(evidence);
    const wasted = evidence.saving.tokens;
    if (!signals.length || wasted < options.minWastedTokens) return [];
    const session = context.session;
    const total = session?.context?.historyTokens ?? historyMessages(context).reduce((n, m) => n + m.tokens, 0);
    const summary = session?.seedSummary;
    if (!session || !summary) {
      const saving = savingOfTokens(context, Math.min(wasted, total));
      return [{ message: `This history carries dead weight: ${signals.join('; ')}. Removing it saves about ${fmt(saving.tokens)} tokens per request (≈${formatWh(saving.wh)}).`, saving }];
    }
    const seedTokens = session.seedSummaryTokens ?? context.countTokens(summary);
    const saving = savingOfTokens(context, Math.max(0, total - seedTokens));
    // The session model's projection (continue N more turns vs start fresh) says what it adds up to.
    const fresh = session.evidence?.freshSession ?? compareFreshSession(session);
    const projection = fresh.savingWh > 0
      ? ` Over the next ${fresh.moreTurns} turns that is ≈${formatWh(fresh.savingWh)} (${Math.round(fresh.savingShare * 100)}% of continuing${fresh.withCaching ? ', with prompt caching' : ''})${fresh.breakEvenTurn !== null ? `, breaking even after ${fresh.breakEvenTurn} turn${fresh.breakEvenTurn === 1 ? '' : 's'}` : ''}.`
      : '';
    const caveat = fresh.caveat ? ` ${fresh.caveat}` : context.model.profile.caching.supported ? ' With provider prompt caching the energy saving is smaller, but the model also stops reading the dead ends.' : '';
    return [
      {
        message: `This session carries dead weight: ${signals.join('; ')}. A fresh session seeded with a ${fmt(seedTokens)}-token summary sends ${fmt(saving.tokens)} fewer tokens per request (≈${formatWh(saving.wh)}).${projection}${caveat}`,
        saving,
        fix: { title: 'Start fresh: write a seed summary', action: { kind: 'writeSeedSummary', summary } },
      },
    ];
  },
});

/** The evidence in words, one short clause per kind (the surfaces list each place from the evidence itself). */
function signalsOf(evidence: PollutionDetection): string[] {
  const signals: string[] = [];
  const abandoned = evidence.abandoned;
  if (abandoned.length === 1) {
    const a = abandoned[0];
    signals.push(`"${a.phrase}" in message ${a.retractionMessage + 1} abandons ${fmt(a.saving.tokens)} tokens`);
  } else if (abandoned.length > 1) {
    signals.push(`${abandoned.length} abandoned attempts (${fmt(sumOf(abandoned.map((a) => a.saving.tokens)))} tokens)`);
  }
  const repeats = evidence.repeatedPastes;
  if (repeats.length === 1) {
    const r = repeats[0];
    const each = r.occurrences[r.occurrences.length - 1].tokens;
    const what = r.label === 'pasted text' ? `${fmt(each)}-token content` : `${r.label} (${fmt(each)} tokens)`;
    signals.push(`${r.identical ? 'the same' : 'versions of the same'} ${what} pasted ${r.occurrences.length} times`);
  } else if (repeats.length > 1) {
    const copies = sumOf(repeats.map((r) => r.occurrences.length - 1));
    signals.push(`${repeats.length} files or blocks pasted again (${copies} older copies, ${fmt(sumOf(repeats.map((r) => r.saving.tokens)))} tokens)`);
  }
  const unused = evidence.unreferencedToolOutputs;
  if (unused.length) {
    signals.push(`${unused.length} tool output${unused.length > 1 ? 's' : ''} (${fmt(sumOf(unused.map((o) => o.tokens)))} tokens) never referred to again`);
  }
  return signals;
}

function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** What the session detector watches for, from this rule's options. */
function detectorOptions(options: typeof DEFAULTS): SessionDetectorOptions {
  return { minRepeatTokens: options.minPasteTokens, largeToolOutputTokens: options.minToolOutputTokens };
}

/** The detector settings a team config asks for; the engine builds the session's detector with them. */
export function historyDetectorOptions(config: ResolvedConfig | undefined): SessionDetectorOptions {
  return detectorOptions(configuredOptions(pollutedHistory, config));
}

/**
 * History with no session analysis behind it (written into the prompt document) runs through the
 * same detector; its savings are measured on this request.
 */
function pollutionOfHistoryIn(context: RuleContext, detector: SessionDetectorOptions): PollutionDetection {
  const accumulator = new SessionAccumulator({ countTokens: context.countTokens, ...detector });
  for (const m of historyMessages(context)) {
    const message: Message = {
      role: m.role === 'assistant' ? 'assistant' : m.role === 'system' ? 'system' : m.role === 'tool' ? 'tool' : 'user',
      text: m.text,
      payloads: m.payloads as MessagePayload[],
      range: m.promptRange ?? { start: 0, end: 0 },
    };
    accumulator.append(message);
  }
  return pollutionOf(accumulator, (tokens) => ({ ...savingOfTokens(context, tokens), whOverProjection: 0 }));
}
