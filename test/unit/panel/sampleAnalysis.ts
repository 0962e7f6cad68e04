/**
 * Small analyses for the panel's unit tests, priced with the real profiles and estimator so the
 * figures have realistic magnitudes. The Chromium suite uses a fixture generated from a real
 * analysis instead (test/webview/fixtures/).
 */
import type { Analysis, PartSummary } from '../../../src/core/analysis';
import { estimateRequest } from '../../../src/core/energy/estimator';
import type { SessionAnalysis, TurnCost } from '../../../src/core/history/sessionAnalysis';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import type { ModelProfile } from '../../../src/core/profiles/modelProfile';
import type { Finding } from '../../../src/core/rules/finding';
import { compareModels } from '../../../src/core/profiles/compareModels';
import { budgetStatus } from '../../../src/core/rules/budgetStatus';
import { windowUse } from '../../../src/core/rules/windowUse';

export function profile(id: string): ModelProfile {
  const found = loadBuiltinProfiles().find((p) => p.id === id);
  if (!found) {
    throw new Error(`no built-in profile ${id}`);
  }
  return found;
}

export interface SampleOptions {
  modelId?: string;
  parts?: PartSummary[];
  findings?: Finding[];
  session?: SessionAnalysis;
}

export const BOOK_PATH = '/work/prompts/data/book.xlsx';

export function sampleParts(): PartSummary[] {
  return [
    { kind: 'frontMatter', label: 'Front matter', range: { start: 0, end: 30 }, tokens: 12 },
    { kind: 'instructions', label: 'Section: Context', range: { start: 31, end: 400 }, tokens: 180 },
    {
      kind: 'reference',
      label: '#file:data/book.xlsx',
      range: { start: 401, end: 422 },
      tokens: 48_000,
      minimalTokens: 3_200,
      path: BOOK_PATH,
    },
    { kind: 'question', label: 'Question', range: { start: 423, end: 500 }, tokens: 40 },
  ];
}

export function sampleFindings(): Finding[] {
  return [
    {
      ruleId: 'dup-paragraph',
      severity: 'info',
      message: 'The same paragraph appears twice.',
      range: { start: 100, end: 160 },
      saving: { tokens: 25, wh: 0.00002 },
      fix: { title: 'Remove the repeated paragraph', edits: [{ range: { start: 100, end: 160 }, newText: '' }] },
    },
    {
      ruleId: 'spreadsheet-to-csv',
      severity: 'warning',
      message: 'book.xlsx is sent as a whole workbook; only sheet Q3 is needed.',
      range: { start: 401, end: 422 },
      saving: { tokens: 44_800, wh: 0.05 },
      fix: { title: 'Convert sheet Q3 to CSV', action: { kind: 'convertSpreadsheet', attachmentPath: BOOK_PATH, sheet: 'Q3' } },
      docsUrl: 'https://example.org/rules/spreadsheet-to-csv',
    },
    { ruleId: 'answer-length', severity: 'hint', message: 'Ask for a bounded answer length.' },
  ];
}

/** A session whose turns re-send all earlier ones: input grows linearly, cumulative quadratically. */
export function sampleSession(model: ModelProfile, turnCount: number): SessionAnalysis {
  const turns: TurnCost[] = [];
  let cumulative = { low: 0, central: 0, high: 0 };
  let cumulativeCached = { low: 0, central: 0, high: 0 };
  for (let i = 0; i < turnCount; i++) {
    const inputTokens = 500 + i * 900;
    const cachedInputTokens = i === 0 ? 0 : 500 + (i - 1) * 900;
    const plain = estimateRequest(model, { inputTokens, outputTokens: 400 });
    const cached = estimateRequest(model, { inputTokens, cachedInputTokens, outputTokens: 400 });
    cumulative = {
      low: cumulative.low + plain.energyWh.low,
      central: cumulative.central + plain.energyWh.central,
      high: cumulative.high + plain.energyWh.high,
    };
    cumulativeCached = {
      low: cumulativeCached.low + cached.energyWh.low,
      central: cumulativeCached.central + cached.energyWh.central,
      high: cumulativeCached.high + cached.energyWh.high,
    };
    turns.push({
      index: i,
      inputTokens,
      cachedInputTokens,
      outputTokens: 400,
      wh: plain.energyWh,
      whCached: cached.energyWh,
      cumulativeWh: cumulative,
      cumulativeWhCached: cumulativeCached,
      carbonG: plain.carbonG,
      fromRecordedUsage: false,
    });
  }
  const inputTotal = turns.reduce((s, t) => s + t.inputTokens, 0);
  return {
    turns,
    totals: {
      inputTokens: inputTotal,
      cachedInputTokens: turns.reduce((s, t) => s + t.cachedInputTokens, 0),
      outputTokens: 400 * turnCount,
      wh: cumulative,
      whCached: cumulativeCached,
      carbonG: { low: 0, central: 0, high: 0 },
    },
    projection: {
      moreTurns: 10,
      seedSummaryTokens: 600,
      continueWh: { low: 1, central: 2, high: 4 },
      freshWh: { low: 0.2, central: 0.5, high: 1 },
      continueWhCached: { low: 0.5, central: 1, high: 2 },
      freshWhCached: { low: 0.1, central: 0.4, high: 0.8 },
      savingWh: 1.5,
      savingWhCached: 0.6,
      breakEvenTurn: 2,
      caveat: 'With prompt caching the saving is smaller.',
    },
    seedSummary: 'Goal: …',
  };
}

export function sampleAnalysis(options: SampleOptions = {}): Analysis {
  const model = profile(options.modelId ?? 'gpt-4o');
  const parts = options.parts ?? sampleParts();
  const total = parts.reduce((s, p) => s + p.tokens, 0);
  const minimalTotal = parts.reduce((s, p) => s + (p.minimalTokens ?? p.tokens), 0);
  const estimate = estimateRequest(model, { inputTokens: total }, 'exact');
  return {
    file: '/work/prompts/ask-about-q3.prompt.md',
    model: {
      id: model.id,
      name: model.name,
      provider: model.provider,
      requested: model.id,
      resolvedBy: 'exact',
      source: 'frontMatter',
      contextWindow: model.contextWindow,
      approximateTokens: model.tokenizer.approximate,
      tokenizer: model.tokenizer.encoding,
    },
    tokens: { total, minimalTotal, parts },
    estimate,
    attachments: [
      {
        reference: { syntax: '#file', rawPath: 'data/book.xlsx', path: BOOK_PATH, range: { start: 401, end: 422 }, sheet: 'Q3' },
        format: 'spreadsheet',
        bytes: 120_000,
        naive: { description: 'Workbook dump (3 sheets, HTML tables)', tokens: 48_000 },
        minimal: { description: "Sheet 'Q3' as CSV", tokens: 3_200 },
        details: { sheets: 3 },
        problems: [],
      },
    ],
    session: options.session,
    findings: options.findings ?? sampleFindings(),
    // The judgements analysePrompt makes, made the same way.
    window: windowUse(model.contextWindow, total, estimate),
    budgets: budgetStatus({}, {}, { inputTokens: total, requestWh: estimate.energyWh.central, sessionWhSoFar: options.session?.totals.wh.central ?? 0 }),
    modelComparisons: compareModels({ tokens: { total }, estimate }, model, loadBuiltinProfiles(), estimateRequest),
    method: { version: 'test' },
  };
}
