/**
 * The shape of an energy estimate. One estimator (`estimateRequest` in ./estimator.ts) produces
 * it for every surface. Every figure is a range, never a measurement, and carries its method.
 */
import type { ResolutionStep } from '../profiles/modelProfile';

export interface Estimate3 {
  low: number;
  central: number;
  high: number;
}

export interface RequestTokens {
  /** Input tokens processed without a cache hit. */
  input: number;
  /** Input tokens served from the provider's prompt cache. */
  cachedInput: number;
  /** Visible output tokens. */
  output: number;
  /** Hidden reasoning tokens assumed for reasoning models. */
  reasoning: number;
}

export interface RequestInput {
  /** All input tokens of the request (uncached + cached). */
  inputTokens: number;
  /** Of `inputTokens`, how many are cache reads. Default 0. */
  cachedInputTokens?: number;
  /** Visible output tokens; default: the profile's expected output. */
  outputTokens?: number;
  /** Grid zone override; default: the profile's data-centre zone. */
  region?: string;
  /** Include embodied (manufacturing) share in carbon. Default true. */
  includeEmbodied?: boolean;
  /**
   * True when `outputTokens` is a provider's recorded usage, which already counts hidden reasoning
   * tokens (OpenAI `completion_tokens` includes `reasoning_tokens`; Anthropic bills thinking as
   * output and `output_tokens` counts it): no reasoning tokens are added on top. Default false.
   */
  outputIncludesReasoning?: boolean;
}

/**
 * Where the energy of a request goes by boundary, so a published figure with a narrower boundary
 * (accelerators only, IT only) is compared with the matching slice. gpuWh + hostWh + pueOverheadWh
 * = energyWh. For measured and local profiles the split is not known: everything is in gpuWh = 0,
 * hostWh = IT energy.
 */
export interface EnergyBreakdown {
  /** Accelerator (GPU/TPU) energy. */
  gpuWh: Estimate3;
  /** Host energy: CPUs, memory, networking of the servers (EcoLogits' 1.2 kW per 8-GPU server). */
  hostWh: Estimate3;
  /** Data-centre overhead: (PUE − 1) × IT energy. */
  pueOverheadWh: Estimate3;
  /** Embodied (manufacturing) share of the hardware, gCO2e (not energy; 0 when excluded). */
  embodiedCarbonG: Estimate3;
}

export interface RequestEstimate {
  methodVersion: string;
  profileId: string;
  resolvedBy?: ResolutionStep;
  tokens: RequestTokens;
  energyWh: Estimate3;
  /** Operational + embodied, location-based. */
  carbonG: Estimate3;
  embodiedCarbonG: Estimate3;
  /** Boundary stated in `waterBoundary`. */
  waterMl: Estimate3;
  waterBoundary: string;
  grid: { zone: string; gCO2PerKWh: number; source: string; year: number };
  /** SCI-style intensity: gCO2e per 1,000 tokens (input + output). */
  sciGPer1kTokens: Estimate3;
  /** The same request under the unmodified EcoLogits method (output tokens only), for comparison. */
  ecologitsWh: Estimate3;
  /** The formula in words and symbols, for "why?". */
  formula: string;
  /** Plain-language assumptions behind this figure. */
  assumptions: string[];
  /** On-site (data-centre cooling) part of `waterMl`, the boundary Google reports. */
  waterOnSiteMl?: Estimate3;
  /** Where the energy goes by boundary: accelerators, host, PUE overhead, embodied carbon. */
  breakdown?: EnergyBreakdown;
  /** Where the energy goes: visible + reasoning output, uncached input, cache reads. */
  breakdownWh?: { output: Estimate3; input: Estimate3; cachedInput: Estimate3 };
  /** The profile's confidence in its parameters. */
  confidence?: string;
  /** Which computation produced `energyWh`. */
  energyMethod?: 'parametric' | 'measured' | 'local-device';
}
