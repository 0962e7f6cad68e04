/**
 * "Compare models": the analysed context priced on the chosen model, a smaller one of the same
 * vendor and an open-weights model, each with the capability trade-off in words, because a
 * smaller model is only a saving if it still answers. Pure: the estimator is passed in.
 */
import type { Analysis } from '../../core/analysis';
import type { RequestEstimate, RequestInput } from '../../core/energy/estimate';
import type { ModelProfile, NumberRange } from '../../core/profiles/modelProfile';
import type { ModelComparison } from './panelInput';
import { significant } from '../../core/formatNumbers';
import { formatInteger } from './quantityFormat';

export type EstimateFunction = (profile: ModelProfile, input: RequestInput) => RequestEstimate;

/** A smaller model must be at most this share of the chosen one's active parameters. */
const SMALLER_SHARE = 0.7;

function middle(range: NumberRange): number {
  return Math.sqrt(Math.max(range.min, 1e-9) * Math.max(range.max, 1e-9));
}

function formatParameters(range: NumberRange): string {
  return range.min === range.max
    ? `${significant(range.min, 3)}B`
    : `${significant(range.min, 3)}–${significant(range.max, 3)}B`;
}

/**
 * The profile's own `weights` field decides (its sources say why): open means published under a
 * licence that allows running the model yourself, so research-only releases do not count.
 */
export function isOpenWeights(profile: ModelProfile): boolean {
  return profile.weights === 'open';
}

/** Profiles that stand for a real, hosted model (not the labelled fallbacks or a local one). */
function isComparable(profile: ModelProfile): boolean {
  return profile.provider !== 'unknown' && !profile.local;
}

/**
 * The closest meaningful step down within the same vendor, or undefined: the same family first
 * (gpt-4o → gpt-4o-mini), then the same kind (reasoning or not), then the largest that is still
 * clearly smaller.
 */
export function pickSmallerSameVendor(chosen: ModelProfile, profiles: readonly ModelProfile[]): ModelProfile | undefined {
  const limit = middle(chosen.parameters.active) * SMALLER_SHARE;
  const candidates = profiles.filter(
    (p) =>
      p.id !== chosen.id &&
      isComparable(p) &&
      p.provider === chosen.provider &&
      middle(p.parameters.active) <= limit,
  );
  const otherFamily = (p: ModelProfile): number => Number(p.family !== chosen.family);
  const otherKind = (p: ModelProfile): number => Number(p.reasoning.isReasoning !== chosen.reasoning.isReasoning);
  candidates.sort(
    (a, b) =>
      otherFamily(a) - otherFamily(b) ||
      otherKind(a) - otherKind(b) ||
      middle(b.parameters.active) - middle(a.parameters.active) ||
      a.id.localeCompare(b.id),
  );
  return candidates[0];
}

/**
 * The open-weights model closest to the chosen one in active parameters (the compute per token,
 * a rough proxy for capability), of the same kind (reasoning or not) when there is one.
 */
export function pickOpenModel(
  chosen: ModelProfile,
  profiles: readonly ModelProfile[],
  exclude: readonly string[] = [],
): ModelProfile | undefined {
  const target = Math.log(middle(chosen.parameters.active));
  const distance = (p: ModelProfile): number => Math.abs(Math.log(middle(p.parameters.active)) - target);
  const otherKind = (p: ModelProfile): number => Number(p.reasoning.isReasoning !== chosen.reasoning.isReasoning);
  const candidates = profiles.filter(
    (p) => p.id !== chosen.id && !exclude.includes(p.id) && isComparable(p) && isOpenWeights(p),
  );
  candidates.sort((a, b) => otherKind(a) - otherKind(b) || distance(a) - distance(b) || a.id.localeCompare(b.id));
  return candidates[0];
}

/** What switching from `chosen` to `other` gives up or gains, in words. */
export function capabilityTradeOff(chosen: ModelProfile, other: ModelProfile, contextTokens: number): string {
  const notes: string[] = [];
  const chosenActive = middle(chosen.parameters.active);
  const otherActive = middle(other.parameters.active);
  const size = `${formatParameters(other.parameters.active)} vs ${formatParameters(chosen.parameters.active)} active parameters`;
  if (otherActive < chosenActive * SMALLER_SHARE) {
    notes.push(`Smaller (${size}): usually fine for extraction, reformatting and short answers; weaker on multi-step reasoning and long, subtle instructions.`);
  } else if (otherActive > chosenActive / SMALLER_SHARE) {
    notes.push(`Larger (${size}): more capable on hard tasks, more energy per token.`);
  } else {
    notes.push(`Similar size (${size}): comparable general capability; check it on your own task.`);
  }
  if (chosen.reasoning.isReasoning && !other.reasoning.isReasoning) {
    notes.push('No hidden reasoning: much cheaper, less reliable on hard problems.');
  } else if (!chosen.reasoning.isReasoning && other.reasoning.isReasoning) {
    notes.push('Reasoning model: better on hard problems; its hidden reasoning tokens multiply the energy.');
  }
  if (contextTokens > other.contextWindow) {
    notes.push(`This context (${formatInteger(contextTokens)} tokens) does not fit its ${formatInteger(other.contextWindow)}-token window.`);
  } else if (other.contextWindow < chosen.contextWindow) {
    notes.push(`Smaller context window (${formatInteger(other.contextWindow)} tokens).`);
  }
  if (isOpenWeights(other) && !isOpenWeights(chosen)) {
    notes.push('Open weights: you can run it where you choose; estimated here in a typical data centre.');
  }
  return notes.join(' ');
}

/**
 * Tokenizers differ, so another model's count is converted through the calibration factors
 * (count ≈ proxy encoding × factor) rather than recounting a large context per model.
 */
function convertTokens(tokens: number, from: ModelProfile, to: ModelProfile): { tokens: number; converted: boolean } {
  const sameCounting =
    from.tokenizer.encoding === to.tokenizer.encoding && from.tokenizer.calibrationFactor === to.tokenizer.calibrationFactor;
  if (sameCounting) {
    return { tokens, converted: false };
  }
  return {
    tokens: Math.round((tokens / from.tokenizer.calibrationFactor) * to.tokenizer.calibrationFactor),
    converted: true,
  };
}

export interface ComparisonOptions {
  /** The user's grid zone override, if any (otherwise each profile's data-centre zone). */
  region?: string;
}

/**
 * The comparison rows for an analysis: the chosen model (its figures are the analysis's own, so
 * they match "Now"), then a smaller model of the same vendor and an open model when the
 * catalogue has them.
 */
export function buildModelComparisons(
  analysis: Analysis,
  chosen: ModelProfile,
  profiles: readonly ModelProfile[],
  estimate: EstimateFunction,
  options: ComparisonOptions = {},
): ModelComparison[] {
  const comparisons: ModelComparison[] = [
    {
      role: 'chosen',
      modelId: chosen.id,
      name: chosen.name,
      provider: chosen.provider,
      contextWindow: chosen.contextWindow,
      inputTokens: analysis.tokens.total,
      tokensConverted: false,
      estimate: analysis.estimate,
      tradeOff: 'The model this prompt is analysed for.',
    },
  ];
  const smaller = pickSmallerSameVendor(chosen, profiles);
  const open = pickOpenModel(chosen, profiles, smaller ? [smaller.id] : []);
  const chosenTokens = analysis.estimate.tokens;
  const cachedShare =
    chosenTokens.input + chosenTokens.cachedInput > 0 ? chosenTokens.cachedInput / (chosenTokens.input + chosenTokens.cachedInput) : 0;
  const others: Array<[ModelComparison['role'], ModelProfile | undefined]> = [
    ['smallerSameVendor', smaller],
    ['open', open],
  ];
  for (const [role, profile] of others) {
    if (!profile) {
      continue;
    }
    const { tokens, converted } = convertTokens(analysis.tokens.total, chosen, profile);
    comparisons.push({
      role,
      modelId: profile.id,
      name: profile.name,
      provider: profile.provider,
      contextWindow: profile.contextWindow,
      inputTokens: tokens,
      tokensConverted: converted,
      estimate: estimate(profile, {
        inputTokens: tokens,
        cachedInputTokens: profile.caching.supported ? Math.round(tokens * cachedShare) : 0,
        outputTokens: chosenTokens.output,
        region: options.region,
      }),
      tradeOff: capabilityTradeOff(chosen, profile, tokens),
    });
  }
  return comparisons;
}
