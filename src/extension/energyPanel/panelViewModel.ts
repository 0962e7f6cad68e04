/**
 * Turns an analysis into exactly what the energy panel shows: formatted numbers, bar widths, chart
 * points. The webview only draws this, so every number on screen is produced (and unit-tested)
 * here. No vscode import.
 */
import { orderSuggestions, removesContent } from '../../core/rules/suggestionOrder';
import type { Analysis, PartSummary } from '../../core/analysis';
import type { ModelSource } from '../../core/analyseOptions';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import type { Estimate3 } from '../../core/energy/estimate';
import type { SessionAnalysis } from '../../core/history/sessionAnalysis';
import type { ResolutionStep } from '../../core/profiles/modelProfile';
import { PART_KIND_LABELS } from '../../core/prompt/parsedPrompt';
import type { Finding } from '../../core/rules/finding';
import type { TextRange } from '../../core/textRange';
import { layoutLineChart, sampleIndexes, type LineChartView } from './lineChart';
import type { ComparisonRole, PanelInput } from './panelInput';
import { formatInteger, formatPercent, formatQuantity, formatSpan, plural, significant } from '../../core/format';
import type { TodayTotals } from './todayTotals';
import type {
  SectionId,
  HeaderView,
  MetricView,
  EquivalenceOption,
  NowView,
  RevealTarget,
  PartRow,
  PartsView,
  ProjectionRow,
  SessionTableRow,
  SessionView,
  SuggestionItem,
  SuggestionsView,
  CompareRow,
  CompareView,
  TodayView,
  PanelViewModel,
} from '../../shared/panel/viewModel';
import { SECTION_IDS } from '../../shared/panel/viewModel';
export type {
  SectionId,
  HeaderView,
  MetricView,
  EquivalenceOption,
  NowView,
  RevealTarget,
  PartRow,
  PartsView,
  ProjectionRow,
  SessionTableRow,
  SessionView,
  SuggestionItem,
  SuggestionsView,
  CompareRow,
  CompareView,
  TodayView,
  PanelViewModel,
} from '../../shared/panel/viewModel';
export { SECTION_IDS } from '../../shared/panel/viewModel';
import type { Severity as CoreSeverity } from '../../core/rules/finding';
import type { Severity as SharedSeverity } from '../../shared/panel/viewModel';

/** The contract's copy of Severity must stay the core's: a compile error here means they drifted. */
const severityMatches: [CoreSeverity, SharedSeverity] extends [SharedSeverity, CoreSeverity] ? true : never = true;
void severityMatches;

// ---------------------------------------------------------------------------------------------
// The view model's types are the shared panel contract (src/shared/panel/viewModel.ts).

export interface PanelViewModelInput {
  /** Undefined when no prompt document is active. */
  panel?: PanelInput;
  today: TodayTotals;
  /** Equivalences of an energy (Wh), in switcher order. */
  describeEquivalences: (wh: number) => EquivalenceOption[];
  /** The user's switcher choice; the first option when unknown. */
  equivalenceId?: string;
  /** Shown instead of the sections when nothing is analysed. */
  emptyMessage?: string;
}

// ---------------------------------------------------------------------------------------------
// Labels

const RESOLUTION_TEXT: Record<ResolutionStep, string> = {
  exact: 'exact profile id',
  alias: 'matched by alias',
  family: 'nearest profile of the same family',
  default: 'unknown model: labelled default profile',
};

const SOURCE_TEXT: Record<ModelSource, string> = {
  explicit: 'chosen explicitly',
  frontMatter: 'from the front matter',
  transcript: 'from the chat session it continues',
  config: 'from the team config',
  setting: 'from your settings',
  default: 'no model named, so the default',
};

const ROLE_TEXT: Record<ComparisonRole, string> = {
  chosen: 'Chosen',
  smallerSameVendor: 'Smaller, same vendor',
  open: 'Open model',
};


/** Rows in the session table (the chart shows every turn). */
const MAX_TABLE_ROWS = 30;

// ---------------------------------------------------------------------------------------------
// Builders

function fileName(path: string | undefined): string {
  if (!path) {
    return 'Untitled prompt';
  }
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function percentOf(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) {
    return 0;
  }
  return Math.round(Math.min(1, value / max) * 1000) / 10;
}

function buildHeader(input: PanelViewModelInput): HeaderView {
  const analysis = input.panel?.analysis;
  if (!analysis) {
    return {
      state: 'empty',
      title: 'No prompt analysed',
      detail: input.emptyMessage ?? 'Open a prompt document (for example a *.prompt.md file) to see its tokens and energy.',
    };
  }
  // A one-line summary that stays useful when every section is collapsed.
  return {
    state: 'analysed',
    title: fileName(analysis.file),
    detail: `${analysis.model.name} · ${formatInteger(analysis.tokens.total)} tokens · ${formatQuantity('wh', analysis.estimate.energyWh.central)} per request`,
  };
}

function buildNow(analysis: Analysis, input: PanelViewModelInput): NowView {
  const { estimate, model } = analysis;
  const total = analysis.tokens.total;
  const share = model.contextWindow > 0 ? total / model.contextWindow : 0;
  // The engine's judgement (Analysis.window: the context-window rule's options, the expected answer included).
  const level = analysis.window.level;
  const usageText =
    level === 'over'
      ? `${formatInteger(total - model.contextWindow)} tokens over the ${formatInteger(model.contextWindow)}-token window`
      : `${formatPercent(share)} of the ${formatInteger(model.contextWindow)}-token window`;
  const equivalences = input.describeEquivalences(estimate.energyWh.central);
  const selected = equivalences.find((e) => e.id === input.equivalenceId) ?? equivalences[0];
  const sciTokens = estimate.tokens.input + estimate.tokens.cachedInput + estimate.tokens.output;

  return {
    tokens: {
      valueText: formatInteger(total),
      windowText: formatInteger(model.contextWindow),
      fillPercent: percentOf(total, model.contextWindow),
      usageText,
      level,
      approximateNote: model.approximateTokens
        ? `Approximate: counted with ${model.tokenizer} and calibrated for ${model.name}.`
        : undefined,
    },
    metrics: [
      {
        id: 'energy',
        label: 'Energy',
        valueText: formatQuantity('wh', estimate.energyWh.central),
        rangeText: formatSpan('wh', estimate.energyWh, true),
        // Plain words in the tooltip; the formula itself is under "Why these numbers" and in Explain Estimate.
        explanation: `One request: ${formatInteger(estimate.tokens.input + estimate.tokens.cachedInput)} input + ${formatInteger(estimate.tokens.output)} expected output tokens${estimate.tokens.reasoning ? ` + ${formatInteger(estimate.tokens.reasoning)} hidden reasoning tokens` : ''}, on the hardware a model of this size needs, in a data centre. An estimate from a published method (${estimate.methodVersion}), not a measurement.`,
      },
      {
        id: 'carbon',
        label: 'Carbon',
        valueText: formatQuantity('carbonG', estimate.carbonG.central),
        rangeText: formatSpan('carbonG', estimate.carbonG, true),
        explanation: `Energy × ${significant(estimate.grid.gCO2PerKWh, 3)} gCO₂e/kWh (${estimate.grid.zone}, location-based, ${estimate.grid.source} ${estimate.grid.year}) plus an embodied share of ${formatSpan('carbonG', estimate.embodiedCarbonG, true)}.`,
      },
      {
        id: 'water',
        label: 'Water',
        valueText: formatQuantity('waterMl', estimate.waterMl.central),
        rangeText: formatSpan('waterMl', estimate.waterMl, true),
        explanation: `Boundary: ${estimate.waterBoundary}.`,
      },
      {
        id: 'sci',
        label: 'Carbon per 1k tokens',
        valueText: `${formatQuantity('carbonG', estimate.sciGPer1kTokens.central)} / 1k tokens`,
        rangeText: `${formatSpan('carbonG', estimate.sciGPer1kTokens, true)} / 1k tokens`,
        explanation: `Carbon per 1,000 tokens processed (${formatInteger(sciTokens)} in this request), so requests of different sizes compare: the Software Carbon Intensity (SCI) of the Green Software Foundation, ISO/IEC 21031.`,
      },
    ],
    model: {
      name: model.name,
      provider: model.provider,
      resolutionText: `${
        model.resolvedBy === 'exact' && model.requested === model.id
          ? `“${model.requested}”: ${RESOLUTION_TEXT.exact}`
          : `“${model.requested}” → ${model.id}: ${RESOLUTION_TEXT[model.resolvedBy]}`
      }${model.source ? ` (${SOURCE_TEXT[model.source]})` : ''}`,
      tokenizerText: model.approximateTokens ? `${model.tokenizer} (approximate)` : model.tokenizer,
    },
    equivalences,
    selectedEquivalence: selected?.id ?? '',
    why: {
      methodText: `Method ${estimate.methodVersion}, profile ${estimate.profileId}`,
      formula: estimate.formula,
      gridText: `${estimate.grid.zone}: ${significant(estimate.grid.gCO2PerKWh, 3)} gCO₂e/kWh (${estimate.grid.source}, ${estimate.grid.year})`,
      assumptions: estimate.assumptions,
    },
  };
}

/** Stable id of a finding within one analysis; the provider resolves clicks with it. */
export function findingId(finding: Finding, index: number): string {
  return `${index}:${finding.ruleId}:${finding.range ? `${finding.range.start}-${finding.range.end}` : ''}`;
}

function attachmentFor(part: PartSummary, attachments: AttachmentAnalysis[]): AttachmentAnalysis | undefined {
  if (!part.path) {
    return undefined;
  }
  return (
    attachments.find((a) => a.reference.path === part.path && a.reference.range?.start === part.range.start) ??
    attachments.find((a) => a.reference.path === part.path)
  );
}

/** The finding whose fix shrinks a given attachment (convert, minify, tail), if any. */
function attachmentFix(path: string, findings: Finding[]): { id: string; title: string } | undefined {
  for (let i = 0; i < findings.length; i++) {
    const action = findings[i].fix?.action;
    if (action && 'attachmentPath' in action && action.attachmentPath === path) {
      return { id: findingId(findings[i], i), title: findings[i].fix!.title };
    }
  }
  return undefined;
}

function buildParts(analysis: Analysis): PartsView {
  const parts = analysis.tokens.parts;
  const largest = Math.max(0, ...parts.map((p) => p.tokens));
  const total = analysis.tokens.total;
  const rows: PartRow[] = parts.map((part, index) => {
    const attachment = attachmentFor(part, analysis.attachments);
    const kindLabel = PART_KIND_LABELS[part.kind];
    const shareText = formatPercent(total > 0 ? part.tokens / total : 0);
    const row: PartRow = {
      key: `${index}:${part.kind}:${part.range.start}`,
      label: part.label,
      kindLabel,
      tokensText: formatInteger(part.tokens),
      shareText,
      barPercent: percentOf(part.tokens, largest),
      reveal: part.range.end > part.range.start ? { range: { start: part.range.start, end: part.range.end } } : undefined,
      ariaLabel: `${kindLabel} ${part.label}: ${formatInteger(part.tokens)} tokens, ${shareText} of the context`,
    };
    if (part.minimalTokens !== undefined && part.minimalTokens < part.tokens) {
      const saved = part.tokens - part.minimalTokens;
      row.minimal = {
        tokensText: formatInteger(part.minimalTokens),
        barPercent: percentOf(part.minimalTokens, largest),
        description: attachment?.minimal?.description ?? 'Minimal form',
        savingText: `−${formatInteger(saved)} tokens (−${formatPercent(saved / part.tokens)})`,
      };
      row.ariaLabel += `; minimal form ${formatInteger(part.minimalTokens)} tokens`;
    }
    if (attachment) {
      row.naiveDescription = attachment.naive.description;
      const fix = attachmentFix(attachment.reference.path, analysis.findings);
      if (fix) {
        row.fixFindingId = fix.id;
        row.fixTitle = fix.title;
      } else if (attachment.format === 'spreadsheet' && row.minimal) {
        row.convert = { attachmentPath: attachment.reference.path, sheet: attachment.reference.sheet };
      }
    }
    return row;
  });
  const saved = analysis.tokens.total - analysis.tokens.minimalTotal;
  return {
    summaryText: `${formatInteger(total)} tokens in ${plural(parts.length, 'part')}`,
    minimalText:
      saved > 0
        ? `With every attachment in its minimal form: ${formatInteger(analysis.tokens.minimalTotal)} tokens (−${formatPercent(saved / total)})`
        : undefined,
    rows,
  };
}

function centralSeries(values: Estimate3[]): number[] {
  return values.map((v) => v.central);
}

function buildSession(session: SessionAnalysis): SessionView | null {
  const turns = session.turns;
  if (turns.length === 0) {
    return null;
  }
  const last = turns[turns.length - 1];
  const uncached = centralSeries(turns.map((t) => t.cumulativeWh));
  const cached = centralSeries(turns.map((t) => t.cumulativeWhCached));
  const unitOf = (wh: number): string => formatQuantity('wh', wh);
  const chart = layoutLineChart(
    [
      { id: 'uncached', label: 'Without caching', values: uncached },
      { id: 'cached', label: 'With prompt caching', values: cached },
    ],
    {
      ariaLabel: `Cumulative energy over ${plural(turns.length, 'turn')}: ${unitOf(last.cumulativeWh.central)} without caching, ${unitOf(last.cumulativeWhCached.central)} with prompt caching.`,
      xLabel: 'Turn',
      yLabel: 'Cumulative energy',
      formatY: (v) => (v === 0 ? '0' : unitOf(v)),
    },
  );
  const tableIndexes = sampleIndexes(turns.length, MAX_TABLE_ROWS);
  const table = tableIndexes.map((i) => {
    const t = turns[i];
    return {
      turn: t.index + 1,
      inputText: formatInteger(t.inputTokens),
      turnText: unitOf(t.wh.central),
      cumulativeText: unitOf(t.cumulativeWh.central),
      cumulativeCachedText: unitOf(t.cumulativeWhCached.central),
    };
  });

  const p = session.projection;
  const maxProjection = Math.max(p.continueWh.central, p.freshWh.central);
  const rows: ProjectionRow[] = [
    {
      id: 'continue',
      label: `Continue ${plural(p.moreTurns, 'more turn')}`,
      valueText: unitOf(p.continueWh.central),
      cachedText: `${unitOf(p.continueWhCached.central)} with caching`,
      barPercent: percentOf(p.continueWh.central, maxProjection),
    },
    {
      id: 'fresh',
      label: `Start fresh (summary of ${formatInteger(p.seedSummaryTokens)} tokens)`,
      valueText: unitOf(p.freshWh.central),
      cachedText: `${unitOf(p.freshWhCached.central)} with caching`,
      barPercent: percentOf(p.freshWh.central, maxProjection),
    },
  ];
  const savingText =
    p.savingWh > 0
      ? `Starting fresh saves ${unitOf(p.savingWh)} over the next ${plural(p.moreTurns, 'turn')} (${unitOf(p.savingWhCached)} with caching).`
      : `Starting fresh would not save energy over the next ${plural(p.moreTurns, 'turn')}.`;
  const breakEvenText =
    p.breakEvenTurn === null
      ? `No break-even within ${plural(p.moreTurns, 'turn')}.`
      : `The fresh session costs less in total from future turn ${formatInteger(p.breakEvenTurn)}.`;
  const recorded = turns.filter((t) => t.fromRecordedUsage).length;
  return {
    summaryText: `${plural(turns.length, 'turn')}, ${formatInteger(session.totals.inputTokens)} input tokens sent in total: ${unitOf(session.totals.wh.central)} (${unitOf(session.totals.whCached.central)} with caching).`,
    chart,
    table,
    tableNote: turns.length > table.length ? `Every ${Math.ceil(turns.length / MAX_TABLE_ROWS)}th turn or so; the chart shows all ${formatInteger(turns.length)}.` : undefined,
    projection: { title: `The next ${plural(p.moreTurns, 'turn')}`, rows, savingText, breakEvenText, caveat: p.caveat },
    recordedUsageNote:
      recorded > 0 ? `${plural(recorded, 'turn')} use the token usage recorded in the log rather than our count.` : undefined,
  };
}

/** Messages longer than this show their first sentence, with the rest behind "More". */
const FOLD_MESSAGE_AT = 160;

/** Splits after the first sentence that is at least a short clause long ("e.g. " stays whole). */
export function splitHeadline(message: string): { headline: string; detail?: string } {
  if (message.length <= FOLD_MESSAGE_AT) {
    return { headline: message };
  }
  const boundary = /[.!?](?=\s+[A-Z“"(])/g;
  boundary.lastIndex = 40;
  const match = boundary.exec(message);
  if (!match || match.index + 1 >= message.length - 20) {
    return { headline: message };
  }
  return { headline: message.slice(0, match.index + 1), detail: message.slice(match.index + 1).trim() };
}

function buildSuggestions(analysis: Analysis): SuggestionsView {
  // One order on every surface (core/rules/suggestionOrder.ts); the index keeps each finding's id.
  const indexOf = new Map(analysis.findings.map((finding, index) => [finding, index]));
  const indexed = orderSuggestions(analysis.findings).map((finding) => ({ finding, index: indexOf.get(finding)! }));
  const items = indexed.map(({ finding, index }): SuggestionItem => {
    const saving = finding.saving;
    return {
      id: findingId(finding, index),
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...splitHeadline(finding.message),
      savingText:
        saving && saving.tokens > 0
          ? `Saves ${formatInteger(saving.tokens)} tokens · ${formatQuantity('wh', saving.wh)} per request`
          : undefined,
      fixTitle: finding.fix ? finding.fix.title : undefined,
      fixRemovesContent: finding.fix ? removesContent(finding) : undefined,
      reveal: finding.range
        ? { ...(finding.file ? { file: finding.file } : {}), range: { start: finding.range.start, end: finding.range.end } }
        : undefined,
      docsUrl: finding.docsUrl,
    };
  });
  const totalTokens = analysis.findings.reduce((sum, f) => sum + (f.saving?.tokens ?? 0), 0);
  return {
    items,
    summaryText:
      items.length === 0
        ? 'Nothing to suggest: this context looks minimal.'
        : `${plural(items.length, 'suggestion')}${totalTokens > 0 ? `; up to ${formatInteger(totalTokens)} tokens to save (savings may overlap)` : ''}.`,
  };
}

function buildCompare(input: PanelInput): CompareView | null {
  if (input.comparisons.length === 0) {
    return null;
  }
  const max = Math.max(...input.comparisons.map((c) => c.estimate.energyWh.central));
  const rows = input.comparisons.map((c): CompareRow => ({
    modelId: c.modelId,
    name: c.name,
    roleText: ROLE_TEXT[c.role],
    chosen: c.role === 'chosen',
    tokensText: `${formatInteger(c.inputTokens)} tokens`,
    energyText: formatQuantity('wh', c.estimate.energyWh.central),
    rangeText: formatSpan('wh', c.estimate.energyWh, true),
    carbonText: formatQuantity('carbonG', c.estimate.carbonG.central),
    barPercent: percentOf(c.estimate.energyWh.central, max),
    tradeOff: c.tradeOff,
    tokensNote: c.tokensConverted ? 'Token count converted from the chosen model’s (different tokenizer).' : undefined,
  }));
  return {
    rows,
    note: 'Same context and expected answer length on each model. Energy alone is not a reason to switch: check the trade-off.',
  };
}

function buildToday(input: PanelViewModelInput): TodayView {
  const t = input.today;
  const equivalences = t.prompts > 0 ? input.describeEquivalences(t.wh) : [];
  const equivalence = equivalences.find((e) => e.id === input.equivalenceId) ?? equivalences[0];
  return {
    empty: t.prompts === 0,
    dayText: t.day,
    promptsText: `${plural(t.prompts, 'prompt')} analysed`,
    tokensText: `${formatInteger(t.inputTokens)} tokens`,
    energyText: formatQuantity('wh', t.wh),
    carbonText: formatQuantity('carbonG', t.carbonG),
    waterText: formatQuantity('waterMl', t.waterMl),
    equivalenceText: equivalence?.valueText,
    privacyNote: 'Each prompt counts once, as it stands now. Kept in this editor’s local state; never sent anywhere.',
  };
}

export function buildPanelViewModel(input: PanelViewModelInput): PanelViewModel {
  const panel = input.panel;
  const analysis = panel?.analysis;
  return {
    header: buildHeader(input),
    now: analysis ? buildNow(analysis, input) : null,
    parts: analysis ? buildParts(analysis) : null,
    session: analysis?.session ? buildSession(analysis.session) : null,
    suggestions: analysis ? buildSuggestions(analysis) : null,
    compare: panel ? buildCompare(panel) : null,
    today: buildToday(input),
  };
}

/** The sections whose content differs, so an update posts only what changed. */
export function changedSections(
  previous: PanelViewModel | undefined,
  next: PanelViewModel,
): Partial<PanelViewModel> {
  const changed: Partial<Record<SectionId, unknown>> = {};
  for (const id of SECTION_IDS) {
    if (!previous || JSON.stringify(previous[id]) !== JSON.stringify(next[id])) {
      changed[id] = next[id];
    }
  }
  return changed as Partial<PanelViewModel>;
}
