/**
 * A model profile: everything the engine needs to count a model's tokens and estimate the energy
 * of one of its requests. Profiles are data (`model-profiles/*.json`, validated by
 * `model-profiles/model-profile.schema.json`); this file is their TypeScript shape.
 * Field meanings follow ENERGY-MODEL.md §5.
 */

/** A value known only as a range; `min === max` when it is known exactly. */
export interface NumberRange {
  min: number;
  max: number;
}

/**
 * Encodings we can run offline: OpenAI's two, and the open families' own vocabularies (Llama 3.x,
 * Qwen 2/2.5/3, DeepSeek V3/R1, Mistral Tekken); see src/core/tokens/encodingSources.ts.
 */
export type EncodingName = 'o200k_base' | 'cl100k_base' | 'llama3' | 'qwen2' | 'deepseek_v3' | 'tekken' | 'gemma3';

export interface TokenizerSpec {
  /** The offline encoding used to count (the real one, or the proxy for an approximation). */
  encoding: EncodingName;
  /** True when `encoding` is not the model's own tokenizer. Shown as "approximate" everywhere. */
  approximate: boolean;
  /** Multiply the proxy count by this to approximate the model's own count (1 when exact). */
  calibrationFactor: number;
  /** How the factor was obtained (required when approximate). */
  calibrationMethod?: string;
}

export interface ProfileSource {
  title: string;
  url: string;
  note?: string;
}

export type ProfileConfidence = 'published' | 'leaked' | 'estimated' | 'default' | 'measured';

/**
 * Whether anyone may run the model themselves. `open`: the weights are published under a licence
 * that allows running them in production (Apache 2.0, MIT, Llama Community License…). `closed`:
 * a hosted service only, or published weights whose licence forbids production use (research or
 * non-production licences). Built-in profiles say why in a source note starting "Weights:".
 */
export type ModelWeights = 'open' | 'closed';

/** List prices per million tokens, for the estimated cost of agent usage; each with its source and the day it was checked. */
export interface ModelPricing {
  currency: 'USD';
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok: number;
  /** Cache writes (Anthropic); when absent they cost the input price. */
  cacheWritePerMTok?: number;
  source: { url: string; checked: string };
  note?: string;
}

export interface ModelProfile {
  id: string;
  name: string;
  aliases: string[];
  provider: string;
  family: string;
  weights: ModelWeights;
  tokenizer: TokenizerSpec;
  contextWindow: number;
  maxOutputTokens: number;
  architecture: 'dense' | 'moe';
  /** Parameters in billions. Dense models have active === total. */
  parameters: { total: NumberRange; active: NumberRange };
  /** Transformer shape, when known, for the long-context attention factor. */
  layers?: number;
  modelDim?: number;
  /**
   * Attention width (heads × head size) when it differs from `modelDim` (Qwen3: 64 × 128 = 8192 on a
   * 4096 hidden size). The long-context crossover uses it instead of `modelDim`.
   */
  attentionDim?: number;
  /** The accelerators the provider serves the model on; default "gpu" (EcoLogits' H100 fit). */
  accelerator?: 'gpu' | 'tpu';
  /**
   * Bits per weight of the documented serving deployment when it is not EcoLogits' 16 (Llama 3.1
   * 405B: 8, Meta's FP8 release for one 8×H100 node). Sets the GPU count of the low and central
   * bounds; the high bound and `ecologitsWh` keep EcoLogits' 16 bits. docs/energy-model.md §2.
   */
  servingPrecisionBits?: number;
  reasoning: {
    isReasoning: boolean;
    /** Hidden reasoning tokens per visible output token (0 for non-reasoning models). */
    hiddenTokensPerOutputToken: number;
  };
  caching: {
    supported: boolean;
    /** True when the provider caches repeated prefixes without the caller asking. */
    automatic: boolean;
    /** Price of a cached input token relative to an uncached one (e.g. 0.1). */
    readPriceFactor: number;
    note?: string;
  };
  dataCentre: {
    pue: NumberRange;
    /** On-site water usage effectiveness, litres per kWh. */
    wueOnSite: NumberRange;
    /** Grid zone key of `src/core/energy/gridIntensity` (e.g. "USA", "SE", "WORLD"). */
    gridZone: string;
    location: string;
  };
  /** Typical visible output tokens of a chat answer for this model. */
  expectedOutputTokens: number;
  /** Measured serving speed, when published. */
  deployment?: { tokensPerSecond: number; ttftSeconds: number };
  /** Teams running their own model can state measured energy; it replaces the parametric model. */
  measuredEnergy?: { whPerInputToken: number; whPerOutputToken: number; note: string };
  /** List prices, for the estimated cost of agent usage (`mvp usage`). */
  pricing?: ModelPricing;
  confidence: ProfileConfidence;
  warnings?: string[];
  /** Runs on the user's own machine (no data-centre overhead, local grid). */
  local?: boolean;
  /**
   * For local models: the device's power while generating and its speeds. When present, energy is
   * power × time instead of the data-centre method.
   */
  localDevice?: {
    watts: NumberRange;
    outputTokensPerSecond: NumberRange;
    inputTokensPerSecond: NumberRange;
    note: string;
  };
  /** The profile a family-level match picks when several profiles share a family. */
  familyDefault?: boolean;
  sources: ProfileSource[];
}

/** How a user-supplied model name was matched to a profile. */
export type ResolutionStep = 'exact' | 'alias' | 'family' | 'default';

export interface ResolvedProfile {
  requested: string;
  profile: ModelProfile;
  resolvedBy: ResolutionStep;
}
