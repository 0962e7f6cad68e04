/**
 * What the hook says at the moment of sending: one line with the size of the request, this turn's
 * estimated energy and the session's cumulative figure, then the few suggestions that save the
 * most. Short on purpose — it is read between pressing Enter and the answer, every time.
 */
import type { AnalysisWithNotices } from '../../core/analyse';
import { formatRange, formatTokens, formatWh } from '../../core/format';
import { sessionWhWithThisRequest } from './hookBudget';

export interface Coaching {
  headline: string;
  suggestions: string[];
}

export interface CoachingOptions {
  /** The session transcript, named in the "write a seed summary" command. */
  transcriptPath?: string;
  maxSuggestions?: number;
}

/** Budgets are said as "Over budget" lines (Analysis.budgets); config problems are about the config file, not this prompt. */
const NOT_SUGGESTIONS = new Set(['token-budget', 'energy-budget', 'config', 'front-matter']);
/** From this share of the window on, the headline says how full it is. */
const MENTION_WINDOW_SHARE = 0.25;

export function coachingFor(analysis: AnalysisWithNotices, options: CoachingOptions = {}): Coaching {
  return { headline: headline(analysis), suggestions: suggestions(analysis, options) };
}

export function coachingText(coaching: Coaching): string {
  return [coaching.headline, ...coaching.suggestions.map((s) => `• ${s}`)].join('\n');
}

function headline(analysis: AnalysisWithNotices): string {
  const total = analysis.tokens.total;
  const history = sumOf(analysis.tokens.parts.filter((p) => p.kind === 'history').map((p) => p.tokens));
  const files = sumOf(analysis.tokens.parts.filter((p) => p.kind === 'reference').map((p) => p.tokens));
  const prompt = Math.max(0, total - history - files);
  const breakdown = [
    history > 0 ? `history ${formatTokens(history)}` : undefined,
    `prompt ${formatTokens(prompt)}`,
    files > 0 ? `files ${formatTokens(files)}` : undefined,
  ].filter(Boolean);
  // The engine's window judgement; the hook mentions the window from a quarter of it on.
  const { contextWindow: window, share } = analysis.window;
  const windowNote = share >= MENTION_WINDOW_SHARE ? `, ${Math.round(share * 100)}% of its ${formatTokens(window)}-token window` : '';
  const approx = analysis.model.approximateTokens ? '≈' : '';
  let line =
    `MVP: this request sends ${approx}${formatTokens(total)} tokens to ${analysis.model.name} (${breakdown.join(' · ')}${windowNote}) — ` +
    `≈${formatRange(analysis.estimate.energyWh, formatWh)} for this turn`;
  const cached = cachedTurnWh(analysis, history);
  if (cached !== undefined) line += ` (≈${formatWh(cached)} if the provider's prompt cache serves the history)`;
  const session = analysis.session;
  if (session && session.turns.length > 0) {
    line += `; session ≈${formatWh(sessionWhWithThisRequest(analysis))} after ${session.turns.length + 1} requests`;
    if (session.caching?.applies) line += ` (≈${formatWh(session.totals.whCached.central + (cached ?? 0))} with caching)`;
  }
  return `${line}.`;
}

/** This turn if the provider's prompt cache serves the history: the engine's estimate (Analysis.estimateWithCachedHistory). */
function cachedTurnWh(analysis: AnalysisWithNotices, historyTokens: number): number | undefined {
  return historyTokens > 0 ? analysis.estimateWithCachedHistory?.energyWh.central : undefined;
}

/** Below this share of the request, an info-level finding is not worth interrupting anyone for. */
const NEGLIGIBLE_SHARE = 0.01;

function suggestions(analysis: AnalysisWithNotices, options: CoachingOptions): string[] {
  const total = Math.max(1, analysis.tokens.total);
  // In the engine's order (Analysis.findings), as every surface offers them.
  const ranked = analysis.findings
    .filter((f) => !NOT_SUGGESTIONS.has(f.ruleId))
    .filter((f) => f.severity === 'error' || f.severity === 'warning' || (f.saving?.tokens ?? 0) / total >= NEGLIGIBLE_SHARE);
  let seedCommandGiven = false;
  return ranked.slice(0, options.maxSuggestions ?? 3).map((finding) => {
    const writesSeed = finding.fix?.action?.kind === 'writeSeedSummary' || finding.ruleId === 'polluted-history';
    if (!writesSeed || !options.transcriptPath || seedCommandGiven) return finding.message;
    seedCommandGiven = true;
    return `${finding.message} Write it with: mvp session ${quote(options.transcriptPath)} --seed-summary fresh-session.md (then start a new session from that file).`;
  });
}

function quote(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`;
}

function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
