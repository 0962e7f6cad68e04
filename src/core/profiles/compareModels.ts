/**
 * "Compare models", judged once in the core: the analysed context priced on the chosen model, a
 * smaller one and an open-weights one, each with the capability trade-off in words, because a
 * smaller model is only a saving if it still answers. The analysis carries the result
 * (`Analysis.modelComparisons`); the panel draws it, and the oversized-model rule picks its
 * alternative with the same `pickSmallerModel`. Pure: the estimator is passed in.
 */
import type { RequestEstimate, RequestInput } from '../energy/estimate';
import { formatTokens, significant } from '../format';
import type { ModelProfile, NumberRange } from './modelProfile';
import { nameTokens } from './modelName';

/** Why a model is in the comparison. */
export type ComparisonRole = 'chosen' | 'smallerSameVendor' | 'open';

export interface ModelComparison {
  role: ComparisonRole;
  modelId: string;
  name: string;
  provider: string;
  contextWindow: number;
  /** The analysed context's input tokens for this model. */
  inputTokens: number;
  /**
   * True when `inputTokens` was converted from the chosen model's count (different tokenizer or
   * calibration) rather than counted with this model's own tokenizer.
   */
  tokensConverted: boolean;
  estimate: RequestEstimate;
  /** What you give up or gain in capability by switching; never energy alone. */
  tradeOff: string;
}

export type EstimateFunction = (profile: ModelProfile, input: RequestInput) => RequestEstimate;

/**
 * The last tie-break: ids are lower-case ASCII, so code-unit order is enough, and it spares the
 * hook the ICU collator that `localeCompare` loads on first use (~8 ms per process).
 */
function byId(a: ModelProfile, b: ModelProfile): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A smaller model must be at most this share of the chosen one's active parameters. */
export const SMALLER_SHARE = 0.7;

/**
 * Active parameters in billions, one figure for a published range: the geometric middle, since the
 * ranges span orders of magnitude for undisclosed models.
 */
export function activeParamsB(profile: ModelProfile): number {
  return middle(profile.parameters.active);
}

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

export interface SmallerModelOptions {
  /** 'same': only the chosen model's vendor (the panel's row); 'prefer-same': any vendor, the same one first. Default 'same'. */
  vendor?: 'same' | 'prefer-same';
  /** At most this many active parameters (billions), besides being clearly smaller. */
  maxActiveParamsB?: number;
  /** The context window must hold this many tokens. */
  minContextWindow?: number;
  /** Leave out reasoning models (for a task that needs no reasoning). */
  excludeReasoning?: boolean;
}

/** A vendor's product line: the first word of the family ("gemini" for gemini-flash, "gemma" for gemma-3). */
function productLine(profile: ModelProfile): string {
  return nameTokens(profile.family)[0] ?? profile.family;
}

/**
 * The one way "a smaller model" is picked: the closest meaningful step down — at most
 * SMALLER_SHARE of the chosen model's active parameters — the same vendor first, then the same
 * family (gpt-4o → gpt-4o-mini), then the same product line (the family's first word: Gemini 2.5
 * Flash → Flash-Lite rather than Google's Gemma 3 27B, Mistral Large → Mistral Small rather than
 * Codestral), then the same kind (reasoning or not), then the largest that is still clearly smaller.
 */
export function pickSmallerModel(
  chosen: ModelProfile,
  profiles: readonly ModelProfile[],
  options: SmallerModelOptions = {},
): ModelProfile | undefined {
  const limit = Math.min(activeParamsB(chosen) * SMALLER_SHARE, options.maxActiveParamsB ?? Infinity);
  const candidates = profiles.filter(
    (p) =>
      p.id !== chosen.id &&
      isComparable(p) &&
      (options.vendor === 'prefer-same' || p.provider === chosen.provider) &&
      activeParamsB(p) <= limit &&
      p.contextWindow >= (options.minContextWindow ?? 0) &&
      !(options.excludeReasoning && p.reasoning.isReasoning),
  );
  const otherVendor = (p: ModelProfile): number => Number(p.provider !== chosen.provider);
  const otherFamily = (p: ModelProfile): number => Number(p.family !== chosen.family);
  const otherLine = (p: ModelProfile): number => Number(productLine(p) !== productLine(chosen));
  const otherKind = (p: ModelProfile): number => Number(p.reasoning.isReasoning !== chosen.reasoning.isReasoning);
  candidates.sort(
    (a, b) =>
      otherVendor(a) - otherVendor(b) ||
      otherFamily(a) - otherFamily(b) ||
      otherLine(a) - otherLine(b) ||
      otherKind(a) - otherKind(b) ||
      activeParamsB(b) - activeParamsB(a) ||
      byId(a, b),
  );
  return candidates[0];
}

/** The panel's row: a smaller model of the same vendor. */
export function pickSmallerSameVendor(
  chosen: ModelProfile,
  profiles: readonly ModelProfile[],
): ModelProfile | undefined {
  return pickSmallerModel(chosen, profiles, { vendor: 'same' });
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
  const target = Math.log(activeParamsB(chosen));
  const distance = (p: ModelProfile): number => Math.abs(Math.log(activeParamsB(p)) - target);
  const otherKind = (p: ModelProfile): number => Number(p.reasoning.isReasoning !== chosen.reasoning.isReasoning);
  const candidates = profiles.filter(
    (p) => p.id !== chosen.id && !exclude.includes(p.id) && isComparable(p) && isOpenWeights(p),
  );
  candidates.sort((a, b) => otherKind(a) - otherKind(b) || distance(a) - distance(b) || byId(a, b));
  return candidates[0];
}

/** What switching from `chosen` to `other` gives up or gains, in words. */
export function capabilityTradeOff(chosen: ModelProfile, other: ModelProfile, contextTokens: number): string {
  const notes: string[] = [];
  const chosenActive = activeParamsB(chosen);
  const otherActive = activeParamsB(other);
  const size = `${formatParameters(other.parameters.active)} vs ${formatParameters(chosen.parameters.active)} active parameters`;
  if (otherActive < chosenActive * SMALLER_SHARE) {
    notes.push(
      `Smaller (${size}): usually fine for extraction, reformatting and short answers; weaker on multi-step reasoning and long, subtle instructions.`,
    );
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
    notes.push(
      `This context (${formatTokens(contextTokens)} tokens) does not fit its ${formatTokens(other.contextWindow)}-token window.`,
    );
  } else if (other.contextWindow < chosen.contextWindow) {
    notes.push(`Smaller context window (${formatTokens(other.contextWindow)} tokens).`);
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
    from.tokenizer.encoding === to.tokenizer.encoding &&
    from.tokenizer.calibrationFactor === to.tokenizer.calibrationFactor;
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

/** What of an analysis the comparison needs: the request's size and its estimate on the chosen model. */
export interface ComparedRequest {
  tokens: { total: number };
  estimate: RequestEstimate;
}

/**
 * The comparison rows for an analysis: the chosen model (its figures are the analysis's own, so
 * they match "Now"), then a smaller model of the same vendor and an open model when the
 * catalogue has them.
 */
export function compareModels(
  analysis: ComparedRequest,
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
    chosenTokens.input + chosenTokens.cachedInput > 0
      ? chosenTokens.cachedInput / (chosenTokens.input + chosenTokens.cachedInput)
      : 0;
  const others: Array<[ComparisonRole, ModelProfile | undefined]> = [
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
