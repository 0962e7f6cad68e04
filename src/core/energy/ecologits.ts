/**
 * The EcoLogits LLM inference method (GenAI Impact, methodology CC BY-SA 4.0, code MPL-2.0,
 * https://ecologits.ai, JOSS doi:10.21105/joss.07471), version 0.9.1 constants
 * (`ecologits/impacts/llm.py`), implemented from its published formulas. It estimates the energy of *output* tokens only; our input-token extension
 * lives in ./estimator.ts. Units: parameters in billions, energy in Wh, time in seconds.
 */

/** GPU energy per output token per GPU: f = α·exp(β·B)·P_active + γ (Wh), fitted on ML.ENERGY (H100). */
export const ECOLOGITS_GPU_ENERGY_ALPHA = 1.1665273170451914e-6;
export const ECOLOGITS_GPU_ENERGY_BETA = -0.011205921025579175;
export const ECOLOGITS_GPU_ENERGY_GAMMA = 4.052928146734005e-5;
/** Generation latency per output token: a·P_active + b·B + c (s). */
export const ECOLOGITS_LATENCY_ALPHA = 6.785088094353663e-4;
export const ECOLOGITS_LATENCY_BETA = 3.119310311688259e-4;
export const ECOLOGITS_LATENCY_GAMMA = 1.9473717579473387e-2;
/** Requests served concurrently by one server. */
export const ECOLOGITS_BATCH_SIZE = 64;
/** Host (non-GPU) power of an 8-GPU server, kW. */
export const ECOLOGITS_SERVER_POWER_KW = 1.2;
export const ECOLOGITS_GPUS_PER_SERVER = 8;
export const ECOLOGITS_GPU_MEMORY_GB = 80;
/** Memory overhead over raw weights (Transformer Math 101, EleutherAI). */
export const ECOLOGITS_MEMORY_OVERHEAD = 1.2;
export const ECOLOGITS_QUANTIZATION_BITS = 16;
/** Embodied emissions, kgCO2e: one 8-GPU server without GPUs, one H100. */
export const ECOLOGITS_SERVER_EMBODIED_KG = 5700;
export const ECOLOGITS_GPU_EMBODIED_KG = 164;
/** Hardware lifetime used to amortise embodied emissions, seconds (3 years). */
export const ECOLOGITS_HARDWARE_LIFETIME_S = 3 * 365 * 24 * 60 * 60;

/** GPU energy of one output token on one GPU, Wh. */
export function gpuEnergyPerTokenWh(activeParamsB: number): number {
  return (
    ECOLOGITS_GPU_ENERGY_ALPHA * Math.exp(ECOLOGITS_GPU_ENERGY_BETA * ECOLOGITS_BATCH_SIZE) * activeParamsB +
    ECOLOGITS_GPU_ENERGY_GAMMA
  );
}

/**
 * GPUs needed to hold the weights: ceil(1.2 × P_total × bits/8 GB / 80 GB), rounded up to a power of
 * two. `quantizationBits` is EcoLogits' own `model_quantization_bits` input (16 in its LLM method);
 * our low and central bounds pass a profile's documented serving precision (./estimator.ts).
 */
export function gpuCount(totalParamsB: number, quantizationBits: number = ECOLOGITS_QUANTIZATION_BITS): number {
  const memoryGb = ECOLOGITS_MEMORY_OVERHEAD * totalParamsB * (quantizationBits / 8);
  const gpus = Math.max(1, Math.ceil(memoryGb / ECOLOGITS_GPU_MEMORY_GB));
  return 2 ** Math.ceil(Math.log2(gpus));
}

/** Seconds of generation per output token. */
export function latencyPerTokenS(activeParamsB: number): number {
  return (
    ECOLOGITS_LATENCY_ALPHA * activeParamsB +
    ECOLOGITS_LATENCY_BETA * ECOLOGITS_BATCH_SIZE +
    ECOLOGITS_LATENCY_GAMMA
  );
}

/**
 * Generation latency of a request, s. EcoLogits takes the *smaller* of the fitted latency and the
 * measured request latency (`generation_latency` in llm.py: a measured latency only ever shortens
 * it). A profile's published speeds stand in for the measured latency.
 */
export function generationLatencyS(
  outputTokens: number,
  activeParamsB: number,
  deployment?: { tokensPerSecond: number; ttftSeconds: number },
): number {
  if (outputTokens <= 0) return 0;
  const fitted = outputTokens * latencyPerTokenS(activeParamsB);
  if (deployment && deployment.tokensPerSecond > 0) {
    return Math.min(fitted, deployment.ttftSeconds + outputTokens / deployment.tokensPerSecond);
  }
  return fitted;
}

/** Host (non-GPU) energy share of the request, Wh: latency × 1.2 kW × (GPUs/8) / B. */
export function serverEnergyWh(latencyS: number, gpus: number): number {
  const kWh =
    (latencyS / 3600) * ECOLOGITS_SERVER_POWER_KW * (gpus / ECOLOGITS_GPUS_PER_SERVER) * (1 / ECOLOGITS_BATCH_SIZE);
  return kWh * 1000;
}

/** Embodied emissions share of the request, gCO2e: latency/(B × 3 y) × [(GPUs/8)·5700 + GPUs·164] kg. */
export function embodiedCarbonG(latencyS: number, gpus: number): number {
  const serverKg =
    (gpus / ECOLOGITS_GPUS_PER_SERVER) * ECOLOGITS_SERVER_EMBODIED_KG + gpus * ECOLOGITS_GPU_EMBODIED_KG;
  return ((latencyS * serverKg) / (ECOLOGITS_HARDWARE_LIFETIME_S * ECOLOGITS_BATCH_SIZE)) * 1000;
}

export interface EcologitsRequest {
  activeParamsB: number;
  totalParamsB: number;
  outputTokens: number;
  pue: number;
  deployment?: { tokensPerSecond: number; ttftSeconds: number };
}

export interface EcologitsResult {
  gpus: number;
  latencyS: number;
  gpuWh: number;
  serverWh: number;
  /** PUE × (server + GPUs × T_out × f). */
  energyWh: number;
  embodiedG: number;
}

/**
 * EcoLogits' water formula as its code computes it (`request_usage_wcf` in llm.py, 0.9.1):
 * request energy (PUE already included) × (WUE_on-site + PUE × grid water), in mL for Wh.
 * Ours differs (docs/energy-model.md §6): WUE applies to IT energy and grid water to facility
 * energy once, so EcoLogits' water is exactly PUE × ours for the same energy.
 */
export function ecologitsWaterMl(energyWh: number, pue: number, wueOnSite: number, gridWaterLPerKWh: number): number {
  return energyWh * (wueOnSite + pue * gridWaterLPerKWh);
}

/** The unmodified EcoLogits request energy (output tokens only). */
export function ecologitsRequest(req: EcologitsRequest): EcologitsResult {
  const gpus = gpuCount(req.totalParamsB);
  const latencyS = generationLatencyS(req.outputTokens, req.activeParamsB, req.deployment);
  const gpuWh = gpus * req.outputTokens * gpuEnergyPerTokenWh(req.activeParamsB);
  const serverWh = serverEnergyWh(latencyS, gpus);
  return {
    gpus,
    latencyS,
    gpuWh,
    serverWh,
    energyWh: req.pue * (serverWh + gpuWh),
    embodiedG: embodiedCarbonG(latencyS, gpus),
  };
}
