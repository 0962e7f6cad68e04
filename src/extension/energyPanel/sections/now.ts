/** "Now": this request's tokens, energy, carbon, water, model and the why. */
import { percentOf } from './parts';
import type { Analysis } from '../../../core/analysis';
import { modelSourceText, resolutionWords } from '../../../core/modelSourceText';
import { formatInteger, formatPercent, formatQuantity, formatSpan, significant } from '../../../core/format';
import type { NowView } from '../../../shared/panel/viewModel';
import type { PanelViewModelInput } from '../panelViewModel';

const PANEL_MODEL_WORDS = { explicit: 'chosen for this session only', setting: 'from your settings' };


export function buildNow(analysis: Analysis, input: PanelViewModelInput): NowView {
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
          ? `“${model.requested}”: ${resolutionWords('exact')}`
          : `“${model.requested}” → ${model.id}: ${resolutionWords(model.resolvedBy)}`
      }${model.source ? ` (${modelSourceText(model.source, PANEL_MODEL_WORDS)})` : ''}`,
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
