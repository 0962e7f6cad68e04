/**
 * Builds RuleContext objects by hand so rule tests do not depend on the parser, the readers or the
 * estimator. The stand-in tokenizer counts words, numbers, punctuation, newlines and runs of
 * spaces — enough that whitespace, duplicates and blobs have a measurable cost. Also the runners
 * the per-rule tests share: one rule's findings on a hand-built context, or through the whole analysis.
 */
import { strict as assert } from 'node:assert';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/mvpConfig';
import { applyEdits } from '../../../src/core/rules/measureSaving';
import { runRules } from '../../../src/core/rules/runRules';
import type { RuleContext } from '../../../src/core/rules/rule';
import type { ModelProfile } from '../../../src/core/profiles/modelProfile';
import type { PromptPart, AttachmentReference } from '../../../src/core/prompt/parsedPrompt';
import type { AttachmentAnalysis } from '../../../src/core/attachments/attachment';
import type { Transcript } from '../../../src/core/history/transcript';
import type { SessionAnalysis } from '../../../src/core/history/sessionAnalysis';
import type { Budgets } from '../../../src/core/rules/rule';

export function testTokens(text: string): number {
  return (text.match(/[A-Za-z]+|\d+|[^\s\w]|\n|[ \t]{2,}/g) ?? []).length;
}

/** Stand-in estimator: 0.1 Wh of answer plus 0.002 Wh per 1,000 input tokens. */
export const WH_PER_INPUT_TOKEN = 2e-6;

export function testProfile(overrides: Partial<ModelProfile> = {}): ModelProfile {
  return {
    id: 'test-model',
    name: 'Test Model',
    aliases: [],
    provider: 'testco',
    family: 'test',
    weights: 'closed',
    tokenizer: { encoding: 'o200k_base', approximate: false, calibrationFactor: 1 },
    contextWindow: 10000,
    maxOutputTokens: 4000,
    architecture: 'dense',
    parameters: { total: { min: 200, max: 200 }, active: { min: 200, max: 200 } },
    reasoning: { isReasoning: false, hiddenTokensPerOutputToken: 0 },
    caching: { supported: false, automatic: false, readPriceFactor: 1 },
    dataCentre: { pue: { min: 1.2, max: 1.2 }, wueOnSite: { min: 0.5, max: 0.5 }, gridZone: 'USA', location: 'test' },
    expectedOutputTokens: 500,
    confidence: 'estimated',
    sources: [],
    ...overrides,
  };
}

export interface ContextSpec {
  text?: string;
  parts?: PromptPart[];
  references?: AttachmentReference[];
  attachments?: AttachmentAnalysis[];
  transcript?: Transcript;
  session?: SessionAnalysis;
  budgets?: Budgets;
  profile?: Partial<ModelProfile>;
  profiles?: ModelProfile[];
  /** Default: tokens of the text plus every attachment's naive form plus the transcript. */
  totalInputTokens?: number;
  outputTokens?: number;
  energyWh?: number;
  frontMatter?: Record<string, unknown> | null;
  file?: string;
}

export function buildContext(spec: ContextSpec = {}): RuleContext {
  const text = spec.text ?? '';
  const attachments = spec.attachments ?? [];
  const transcriptTokens = (spec.transcript?.messages ?? []).reduce(
    (n, m) => n + testTokens(m.text) + m.payloads.reduce((k, p) => k + testTokens(p.text), 0),
    0,
  );
  const total =
    spec.totalInputTokens ?? testTokens(text) + attachments.reduce((n, a) => n + a.naive.tokens, 0) + transcriptTokens;
  const output = spec.outputTokens ?? 500;
  const energy = spec.energyWh ?? 0.1 + total * WH_PER_INPUT_TOKEN;
  const profile = testProfile(spec.profile);
  return {
    file: spec.file ?? '/work/prompts/test.prompt.md',
    prompt: {
      text,
      frontMatter: spec.frontMatter ?? null,
      parts: spec.parts ?? [],
      references: spec.references ?? attachments.map((a) => a.reference),
    },
    model: { requested: profile.id, profile, resolvedBy: 'exact' },
    estimate: {
      methodVersion: 'test',
      profileId: profile.id,
      tokens: { input: total, cachedInput: 0, output, reasoning: 0 },
      energyWh: { low: energy / 2, central: energy, high: energy * 2 },
      carbonG: { low: 0, central: 0, high: 0 },
      embodiedCarbonG: { low: 0, central: 0, high: 0 },
      waterMl: { low: 0, central: 0, high: 0 },
      waterBoundary: 'test',
      grid: { zone: 'USA', gCO2PerKWh: 400, source: 'test', year: 2024 },
      sciGPer1kTokens: { low: 0, central: 0, high: 0 },
      ecologitsWh: { low: 0, central: 0, high: 0 },
      formula: 'test',
      assumptions: [],
    },
    totalInputTokens: total,
    attachments,
    transcript: spec.transcript,
    session: spec.session,
    budgets: spec.budgets ?? {},
    countTokens: testTokens,
    whForInputTokens: (tokens: number) => 0.1 + tokens * WH_PER_INPUT_TOKEN,
    profiles: spec.profiles ?? [],
  };
}

/** A part covering the first occurrence of `snippet` in `text`. */
export function partOf(text: string, snippet: string, kind: PromptPart['kind'], label: string = kind): PromptPart {
  const start = text.indexOf(snippet);
  if (start < 0) throw new Error(`snippet not in text: ${snippet.slice(0, 40)}`);
  return { kind, label, range: { start, end: start + snippet.length } };
}

export function referenceTo(text: string, written: string, path: string, sheet?: string): AttachmentReference {
  const start = text.indexOf(written);
  return {
    syntax: '#file',
    rawPath: written.replace(/^#file:/, ''),
    path,
    sheet,
    range: start < 0 ? undefined : { start, end: start + written.length },
  };
}

export function attachment(
  reference: AttachmentReference,
  format: AttachmentAnalysis['format'],
  naiveTokens: number,
  minimal?: { description: string; tokens: number },
  alternatives?: { description: string; tokens: number }[],
): AttachmentAnalysis {
  return {
    reference,
    format,
    bytes: naiveTokens * 4,
    naive: { description: 'the whole file', tokens: naiveTokens },
    minimal,
    alternatives,
    details: {},
    problems: [],
  };
}

/** One rule's findings on a hand-built context, with the given rule settings. */
export function findingsOf(id: string, context: RuleContext, rules: ResolvedConfig['rules'] = {}) {
  const config = { ...emptyConfig(), rules };
  return runRules(context, config, { trusted: true }).findings.filter((f) => f.ruleId === id);
}

/** The measured saving must equal a recount of the fixed text. */
export function assertMeasured(context: RuleContext, finding: ReturnType<typeof findingsOf>[number]): void {
  const edits = finding.fix?.edits;
  assert.ok(edits && finding.saving);
  const after = applyEdits(context.prompt.text, edits);
  assert.equal(finding.saving.tokens, testTokens(context.prompt.text) - testTokens(after));
  assert.ok(Math.abs(finding.saving.wh - finding.saving.tokens * WH_PER_INPUT_TOKEN) < 1e-12);
}

/** A session analysis with nothing in it but its seed summary. */
export const sessionWith = (seedSummary: string): SessionAnalysis => ({
  turns: [],
  totals: {
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    wh: { low: 0, central: 0, high: 0 },
    whCached: { low: 0, central: 0, high: 0 },
    carbonG: { low: 0, central: 0, high: 0 },
  },
  projection: {
    moreTurns: 5,
    seedSummaryTokens: 0,
    continueWh: { low: 0, central: 0, high: 0 },
    freshWh: { low: 0, central: 0, high: 0 },
    continueWhCached: { low: 0, central: 0, high: 0 },
    freshWhCached: { low: 0, central: 0, high: 0 },
    savingWh: 0,
    savingWhCached: 0,
    breakEvenTurn: null,
  },
  seedSummary,
});

export const historyMessage = (
  role: 'user' | 'assistant',
  text: string,
  payloads: Transcript['messages'][number]['payloads'] = [],
) => ({ role, text, payloads, range: { start: 0, end: 0 } });

/** A config that turns the given rules on at `info` (for the rules that are off by default). */
export const rulesOn = (...ids: string[]): ResolvedConfig => ({
  ...emptyConfig(),
  rules: Object.fromEntries(ids.map((id) => [id, { severity: 'info' as const, options: {} }])),
});

/** One rule's findings through the whole analysis, as `mvp lint` runs it (real parser, tokenizer, readers). */
export async function analysedFindings(
  text: string,
  file: string,
  ruleId: string,
  config: ResolvedConfig = emptyConfig(),
) {
  const a = await analysePrompt({ text, file, config, workspaceRoot: '/nonexistent-repo', trusted: false });
  return a.findings.filter((f) => f.ruleId === ruleId);
}
