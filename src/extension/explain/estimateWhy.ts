/**
 * The "why" behind a figure, as Markdown: model and how it was resolved, tokenizer, formula,
 * grid factor and method version. Shared by hovers, the status bar tooltip and the report, so
 * every surface explains a number the same way.
 */
import { modelSourceText, resolutionWords } from '../../core/modelSourceText';
import type { Analysis } from '../../core/analysis';
import { formatGrams, formatMl, formatRange, formatSpan, formatTokens, formatWh, significant } from '../../core/format';
import { escapeMarkdown } from './markdownEscape';

const EDITOR_MODEL_WORDS = { explicit: 'chosen for this session only', setting: 'from the mvp.defaultModel setting' };

export function resolutionText(analysis: Analysis): string {
  const m = analysis.model;
  const how = resolutionWords(m.resolvedBy);
  const from = m.source ? `${modelSourceText(m.source, EDITOR_MODEL_WORDS)}, ` : '';
  return m.requested && m.requested !== m.id ? `"${m.requested}" → ${m.name} (${from}${how})` : `${m.name} (${from}${how})`;
}

export function tokenizerText(analysis: Analysis): string {
  return analysis.model.approximateTokens
    ? `${analysis.model.tokenizer} (approximate: a proxy tokenizer with a calibration factor)`
    : `${analysis.model.tokenizer} (the model's own tokenizer)`;
}

/** A few lines: tokens, energy/carbon/water ranges. */
export function figuresMarkdown(analysis: Analysis): string {
  const e = analysis.estimate;
  const lines = [
    `| | central | range |`,
    `|---|---:|---|`,
    `| Input tokens | ${formatTokens(analysis.tokens.total)} | of ${formatTokens(analysis.model.contextWindow)} context window |`,
    `| Energy | ${formatWh(e.energyWh.central)} | ${formatSpan('wh', e.energyWh)} |`,
    `| Carbon | ${formatGrams(e.carbonG.central)} CO₂e | ${formatSpan('carbonG', e.carbonG, true)} |`,
    `| Water | ${formatMl(e.waterMl.central)} | ${formatSpan('waterMl', e.waterMl)} |`,
  ];
  return lines.join('\n');
}

/** The short "why" block: model, tokenizer, formula, grid, method. */
export function whyMarkdown(analysis: Analysis): string {
  const e = analysis.estimate;
  return [
    `**Why these numbers**`,
    ``,
    // Model names come from front matter and team profiles: escaped (hovers and tooltips run commands).
    `- Model: ${escapeMarkdown(resolutionText(analysis))}`,
    `- Tokenizer: ${escapeMarkdown(tokenizerText(analysis))}`,
    `- Request: ${formatTokens(e.tokens.input)} input (${formatTokens(e.tokens.cachedInput)} cached), ${formatTokens(e.tokens.output)} output${e.tokens.reasoning ? `, ${formatTokens(e.tokens.reasoning)} hidden reasoning` : ''} tokens`,
    // The first line is the energy formula; its terms are spelled out by MVP: Explain Estimate.
    `- Formula: \`${e.formula.split('\n')[0].trim().replace(/`/g, "'")}\``,
    `- Grid: ${escapeMarkdown(e.grid.zone)}, ${significant(e.grid.gCO2PerKWh, 3)} gCO₂e/kWh (${escapeMarkdown(e.grid.source)}, ${e.grid.year})`,
    `- Method: ${e.methodVersion} — an estimate from a published method, not a measurement`,
  ].join('\n');
}

export function energyRangeText(analysis: Analysis): string {
  return formatRange(analysis.estimate.energyWh, formatWh);
}
