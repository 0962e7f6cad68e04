import { formatTokens } from '../../formatNumbers';
import type { Rule } from '../rule';
import { savingOfTokens } from '../measureSaving';
import { historyMessages } from '../historyMessages';
import { findRetraction } from '../../history/retraction';
import { contentFingerprint } from '../../history/contentFingerprint';
import { anchorsOf, wordsOf } from '../../history/toolOutputAnchors';
import { detectStartFresh } from '../../history/sessionDetections';

const fmt = formatTokens;

/**
 * Dead weight in a session: attempts the user abandoned, the same content pasted again, big tool
 * outputs nobody used. A fresh session seeded with a summary drops all of it.
 */
export const pollutedHistory: Rule = {
  id: 'polluted-history',
  description: 'The history carries abandoned attempts, repeated pastes or unused tool output',
  docs: 'docs/rules/polluted-history.md',
  tags: ['history', 'fixable'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: {
      minWastedTokens: { type: 'integer', minimum: 0, description: 'Report when the dead weight is at least this many tokens.' },
      minPasteChars: { type: 'integer', minimum: 1, description: 'Shortest content compared for repeated pastes.' },
      minToolOutputTokens: { type: 'integer', minimum: 0, description: 'Tool outputs at least this large are checked for later use.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { minWastedTokens: 500, minPasteChars: 200, minToolOutputTokens: 1000 },
  check(context, options) {
    const messages = historyMessages(context);
    if (messages.length < 2) return [];
    const signals: string[] = [];
    let wasted = 0;

    // Abandoned attempts: everything between the previous user message and the retraction.
    let lastUserIndex = -1;
    messages.forEach((m, i) => {
      if (m.role !== 'user') return;
      const phrase = findRetraction(m.text);
      if (phrase && lastUserIndex >= 0) {
        const abandoned = messages.slice(lastUserIndex, i).reduce((n, x) => n + x.tokens, 0);
        wasted += abandoned;
        signals.push(`"${phrase}" in message ${i + 1} abandons ${fmt(abandoned)} tokens`);
      }
      lastUserIndex = i;
    });

    // The same content pasted again.
    const seen = new Map<string, number>();
    const repeats = new Map<string, { count: number; tokens: number }>();
    messages.forEach((m) => {
      // Pastes are compared block by block: a pasted file usually arrives with a line of request around it.
      const blocks = [...m.text.split(/\n[ \t]*\n/), ...m.payloads.map((p) => p.text)];
      const blobs = blocks.filter((t) => t.trim().length >= (options.minPasteChars as number));
      for (const blob of blobs) {
        const key = contentFingerprint(blob);
        if (seen.has(key)) {
          const r = repeats.get(key) ?? { count: 1, tokens: context.countTokens(blob) };
          r.count++;
          repeats.set(key, r);
          wasted += r.tokens;
        } else {
          seen.set(key, 1);
        }
      }
    });
    for (const r of repeats.values()) signals.push(`the same ${fmt(r.tokens)}-token content pasted ${r.count} times`);

    // Large tool outputs never referred to again.
    let unused = 0;
    let unusedTokens = 0;
    messages.forEach((m, i) => {
      for (const p of m.payloads) {
        if (p.kind !== 'toolResult') continue;
        const tokens = context.countTokens(p.text);
        if (tokens < (options.minToolOutputTokens as number)) continue;
        const anchors = anchorsOf(p.text);
        if (!anchors.length) continue;
        const later = messages.slice(i + 1);
        const used = later.some((l) => {
          const words = wordsOf(l.text);
          return anchors.some((a) => words.has(a));
        });
        if (!used) {
          unused++;
          unusedTokens += tokens;
        }
      }
    });
    if (unused) {
      wasted += unusedTokens;
      signals.push(`${unused} tool output${unused > 1 ? 's' : ''} (${fmt(unusedTokens)} tokens) never referred to again`);
    }

    if (!signals.length || wasted < (options.minWastedTokens as number)) return [];
    const total = messages.reduce((n, m) => n + m.tokens, 0);
    const summary = context.session?.seedSummary;
    if (!summary) {
      const saving = savingOfTokens(context, Math.min(wasted, total));
      return [{ message: `This history carries dead weight: ${signals.join('; ')}. Removing it saves about ${fmt(saving.tokens)} tokens per request (≈${saving.wh.toPrecision(2)} Wh).`, saving }];
    }
    const seedTokens = context.countTokens(summary);
    const saving = savingOfTokens(context, Math.max(0, total - seedTokens));
    // The session model's projection (continue N more turns vs start fresh) says what it adds up to.
    const fresh = detectStartFresh(context.session!, 0);
    const projection = fresh && fresh.savingWh > 0
      ? ` Over the next ${fresh.moreTurns} turns that is ≈${fresh.savingWh.toPrecision(2)} Wh (${Math.round(fresh.savingShare * 100)}% of continuing${fresh.withCaching ? ', with prompt caching' : ''})${fresh.breakEvenTurn !== null ? `, breaking even after ${fresh.breakEvenTurn} turn${fresh.breakEvenTurn === 1 ? '' : 's'}` : ''}.`
      : '';
    const caveat = fresh?.caveat ? ` ${fresh.caveat}` : context.model.profile.caching.supported ? ' With provider prompt caching the energy saving is smaller, but the model also stops reading the dead ends.' : '';
    return [
      {
        message: `This session carries dead weight: ${signals.join('; ')}. A fresh session seeded with a ${fmt(seedTokens)}-token summary sends ${fmt(saving.tokens)} fewer tokens per request (≈${saving.wh.toPrecision(2)} Wh).${projection}${caveat}`,
        saving,
        fix: { title: 'Start fresh: write a seed summary', action: { kind: 'writeSeedSummary', summary } },
      },
    ];
  },
};
