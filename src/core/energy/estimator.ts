/**
 * The one energy estimator every surface uses: pure and synchronous. EcoLogits 0.9.1 for output
 * tokens (./ecologits.ts) plus our documented extension for input tokens, prompt caching, long
 * contexts and hidden reasoning tokens, with the central value calibrated to the figures operators
 * have published (./calibration.ts). Method and sources: docs/energy-model.md.
 */
import type { ModelProfile, NumberRange, ResolutionStep } from '../profiles/modelProfile';
import type { Estimate3, RequestEstimate, RequestInput, RequestTokens } from './estimate';
import {
  ECOLOGITS_QUANTIZATION_BITS,
  ecologitsRequest,
  embodiedCarbonG,
  gpuCount,
  gpuEnergyPerTokenWh,
  latencyPerTokenS,
  serverEnergyWh,
} from './ecologits';
import {
  CACHE_READ_SHARE_OF_INPUT,
  DEFAULT_ATTENTION_CROSSOVER_TOKENS,
  INPUT_TOKEN_RATIO,
  METHOD_VERSION,
  SERVING_EFFICIENCY,
  TPU_SERVING_FACTOR,
} from './calibration';
import { ECOLOGITS_PROVIDERS, ecologitsProviderFor } from './ecologitsProviders';
import { GRID_CARBON_SOURCE, gridZoneOrWorld } from './gridIntensity';
import { mapBounds } from './estimate3';
import { formatTokens } from '../format';

type Bound = keyof Estimate3;

/** low → min, central → midpoint, high → max. */
export function pickBound(range: NumberRange, bound: Bound): number {
  if (bound === 'low') return range.min;
  if (bound === 'high') return range.max;
  return (range.min + range.max) / 2;
}

/** For speeds, the low-energy bound is the fast end. */
function pickInverseBound(range: NumberRange, bound: Bound): number {
  if (bound === 'low') return range.max;
  if (bound === 'high') return range.min;
  return (range.min + range.max) / 2;
}

function cleanCount(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/**
 * Context length at which attention FLOPs per token equal the weights' 2N (Kaplan et al. 2020:
 * 2·n_layer·n_ctx·d_attn). d_attn is the attention width (heads × head size), which differs from
 * the hidden size in some models (Qwen3-235B: 64 × 128 = 8192 against a 4096 hidden size).
 */
export function attentionCrossoverTokens(profile: ModelProfile): number {
  const width = profile.attentionDim ?? profile.modelDim;
  if (profile.layers && width) {
    const activeParams = pickBound(profile.parameters.active, 'central') * 1e9;
    return activeParams / (profile.layers * width);
  }
  return DEFAULT_ATTENTION_CROSSOVER_TOKENS;
}

/**
 * Mean attention factor of the uncached input tokens: they sit after the cached prefix, so the
 * i-th of them attends to C + i earlier tokens; averaged, 1 + (C + U/2) / L*.
 */
export function inputContextFactor(profile: ModelProfile, uncached: number, cached: number): number {
  if (uncached <= 0) return 1;
  return 1 + (cached + uncached / 2) / attentionCrossoverTokens(profile);
}

/**
 * Mean attention factor of the generated tokens (hidden reasoning, then visible output): the j-th
 * of G generated tokens attends to all T_in input tokens and j − 1 earlier generated ones, so
 * averaged, 1 + (T_in + G/2) / L*. Decoding reads the whole KV cache for every token, and
 * ML.ENERGY v3 measures that long sequences force smaller batches, so energy per output token
 * grows with context at least as fast as this FLOPs ratio (Epoch AI's 100k-token figure).
 */
export function outputContextFactor(profile: ModelProfile, inputTokens: number, generatedTokens: number): number {
  if (generatedTokens <= 0) return 1;
  return 1 + (inputTokens + generatedTokens / 2) / attentionCrossoverTokens(profile);
}

/** Tokens in the request, after sanitising the caller's numbers. */
export function requestTokens(profile: ModelProfile, input: RequestInput): RequestTokens {
  const total = cleanCount(input.inputTokens);
  const cached = Math.min(cleanCount(input.cachedInputTokens), total);
  const output = input.outputTokens === undefined ? profile.expectedOutputTokens : cleanCount(input.outputTokens);
  // A provider's recorded output count already includes the hidden reasoning tokens.
  const reasoning = profile.reasoning.isReasoning && !(input.outputIncludesReasoning && input.outputTokens !== undefined)
    ? Math.round(output * profile.reasoning.hiddenTokensPerOutputToken)
    : 0;
  return { input: total - cached, cachedInput: cached, output, reasoning };
}

interface EnergySplit {
  output: number;
  input: number;
  cachedInput: number;
  /** IT energy of the accelerators and of the host (before PUE); gpu + host = it. */
  gpu: number;
  host: number;
  /** Facility energy (includes PUE where it applies). */
  total: number;
  /** IT energy (before PUE), for on-site water. */
  it: number;
  /** Seconds of server occupancy attributed to the request, for the embodied share. */
  occupancyS: number;
  gpus: number;
}

/** The factors one bound of a parametric estimate applies to the EcoLogits per-token energy. */
function servingFactor(profile: ModelProfile, bound: Bound): number {
  const tpu = profile.accelerator === 'tpu' ? TPU_SERVING_FACTOR[bound] : 1;
  return SERVING_EFFICIENCY[bound] * tpu;
}

/**
 * Bits per weight that size the GPU count of one bound. Low and central use the profile's
 * documented serving precision (Meta's FP8 Llama 3.1 405B fits one 8×H100 node where 16-bit needs
 * two); the high bound stays EcoLogits (16 bits), so it still covers the EcoLogits figure. The
 * per-GPU energy per token is left as fitted: ML.ENERGY v3 measures FP8 against BF16 on the same
 * GPUs at batch 17–64 (EcoLogits uses 64) at a median +1% energy, i.e. no change.
 */
export function servingPrecisionBits(profile: ModelProfile, bound: Bound): number {
  return bound === 'high' ? ECOLOGITS_QUANTIZATION_BITS : (profile.servingPrecisionBits ?? ECOLOGITS_QUANTIZATION_BITS);
}

/** Context factors of one request: uncached input, generated tokens. */
interface ContextFactors {
  input: number;
  output: number;
}

function parametricSplit(profile: ModelProfile, t: RequestTokens, bound: Bound, ctx: ContextFactors): EnergySplit {
  const active = pickBound(profile.parameters.active, bound);
  const total = pickBound(profile.parameters.total, bound);
  const pue = profile.local ? 1 : pickBound(profile.dataCentre.pue, bound);
  const k = servingFactor(profile, bound);
  const rIn = INPUT_TOKEN_RATIO[bound];
  const gpus = gpuCount(total, servingPrecisionBits(profile, bound));
  // EcoLogits takes the shorter of the fitted and the measured latency.
  const fitted = latencyPerTokenS(active);
  const latencyPerToken =
    profile.deployment && profile.deployment.tokensPerSecond > 0 ? Math.min(fitted, 1 / profile.deployment.tokensPerSecond) : fitted;
  // IT energy of one output-token equivalent, calibrated, split into accelerators and host.
  const perTokenGpu = k * gpus * gpuEnergyPerTokenWh(active);
  const perTokenHost = k * serverEnergyWh(latencyPerToken, gpus);
  const perTokenIt = perTokenGpu + perTokenHost;
  const outputEq = ctx.output * (t.output + t.reasoning);
  const inputEq = rIn * ctx.input * t.input;
  const cachedEq = rIn * CACHE_READ_SHARE_OF_INPUT * t.cachedInput;
  const eq = outputEq + inputEq + cachedEq;
  const it = perTokenIt * eq;
  return {
    output: pue * perTokenIt * outputEq,
    input: pue * perTokenIt * inputEq,
    cachedInput: pue * perTokenIt * cachedEq,
    gpu: perTokenGpu * eq,
    host: perTokenHost * eq,
    total: pue * it,
    it,
    occupancyS: k * latencyPerToken * eq,
    gpus,
  };
}

function measuredSplit(profile: ModelProfile, t: RequestTokens): EnergySplit {
  const m = profile.measuredEnergy!;
  const output = m.whPerOutputToken * (t.output + t.reasoning);
  const input = m.whPerInputToken * t.input;
  const cachedInput = m.whPerInputToken * CACHE_READ_SHARE_OF_INPUT * t.cachedInput;
  const total = output + input + cachedInput;
  const pue = profile.local ? 1 : pickBound(profile.dataCentre.pue, 'central');
  return { output, input, cachedInput, gpu: 0, host: total / pue, total, it: total / pue, occupancyS: 0, gpus: 0 };
}

function localDeviceSplit(profile: ModelProfile, t: RequestTokens, bound: Bound, ctx: ContextFactors): EnergySplit {
  const d = profile.localDevice!;
  const watts = pickBound(d.watts, bound);
  const outTps = pickInverseBound(d.outputTokensPerSecond, bound);
  const inTps = pickInverseBound(d.inputTokensPerSecond, bound);
  const output = (watts * ctx.output * (t.output + t.reasoning)) / outTps / 3600;
  const input = (watts * ctx.input * t.input) / inTps / 3600;
  const cachedInput = (watts * CACHE_READ_SHARE_OF_INPUT * t.cachedInput) / inTps / 3600;
  const total = output + input + cachedInput;
  return { output, input, cachedInput, gpu: 0, host: total, total, it: total, occupancyS: 0, gpus: 0 };
}

function energyMethodOf(profile: ModelProfile): 'parametric' | 'measured' | 'local-device' {
  if (profile.measuredEnergy) return 'measured';
  if (profile.local && profile.localDevice) return 'local-device';
  return 'parametric';
}

/**
 * The unmodified EcoLogits figure for the same request: output (incl. reasoning) tokens only, at
 * the PUE EcoLogits itself assumes for the provider (./ecologitsProviders.ts), not the profile's.
 */
export function ecologitsWh(profile: ModelProfile, outputTokens: number): Estimate3 {
  const provider = ECOLOGITS_PROVIDERS[ecologitsProviderFor(profile)];
  return mapBounds((bound) =>
    ecologitsRequest({
      activeParamsB: pickBound(profile.parameters.active, bound),
      totalParamsB: pickBound(profile.parameters.total, bound),
      outputTokens,
      pue: pickBound(provider.pue, bound),
      deployment: profile.deployment,
    }).energyWh,
  );
}

const FORMULA = [
  'E = PUE × k × h × e_tok × (c_out × (T_out + T_reasoning) + r_in × c_ctx × T_in + r_in × 0.1 × T_cached)',
  'e_tok = GPUs × (α·exp(β·B)·P_active + γ) + t_tok × 1.2 kW × (GPUs/8) / B   [EcoLogits 0.9.1, Wh per output token]',
  'GPUs = 2^ceil(log2(ceil(1.2 × P_total × bits/8 GB / 80 GB))) with bits = 16, or the profile\'s serving precision for low/central,  t_tok = min(6.785e-4·P_active + 3.119e-4·B + 1.947e-2, 1/measured tps) s',
  'c_ctx = 1 + (T_cached + T_in/2) / L*,  c_out = 1 + (T_cached + T_in + (T_out + T_reasoning)/2) / L*,  L* = P_active / (layers × attention width)',
  `h = ${TPU_SERVING_FACTOR.central} on TPUs (low/central; fitted on Google's median Gemini prompt), 1 otherwise`,
  'carbon = E × grid gCO2e/kWh + k × h × t_tok × (output-token equivalents) × [(GPUs/8)·5700 + GPUs·164] kg / (B × 3 years)',
  'water = E/PUE × WUE_on-site + E × grid water L/kWh',
].join('\n');

function fmt(n: number): string {
  return Number(n.toPrecision(3)).toString();
}

function assumptionsFor(
  profile: ModelProfile,
  t: RequestTokens,
  method: 'parametric' | 'measured' | 'local-device',
  zone: { zone: string; name: string; gCO2PerKWh: number; waterNote?: string; carbonYear: number; carbonSource: string },
  zoneFellBack: boolean,
  requestedZone: string | undefined,
  ctx: ContextFactors,
  input: RequestInput,
  includeEmbodied: boolean,
): string[] {
  const a: string[] = [];
  const p = profile.parameters;
  const range = (r: NumberRange, unit: string) => (r.min === r.max ? `${fmt(r.min)}${unit}` : `${fmt(r.min)}–${fmt(r.max)}${unit}`);
  a.push(
    `Model "${profile.id}": ${profile.architecture === 'moe' ? 'mixture-of-experts' : 'dense'}, ` +
      `${range(p.total, 'B')} parameters in total, ${range(p.active, 'B')} active per token (confidence: ${profile.confidence}).`,
  );
  if (method === 'parametric') {
    a.push(
      'Output-token energy follows EcoLogits 0.9.1 (H100 GPUs, batch of 64, 16-bit weights); the GPU count comes from the total parameters.',
    );
    a.push(
      `The central figure is EcoLogits × ${SERVING_EFFICIENCY.central} and the low figure × ${SERVING_EFFICIENCY.low}: operators report 3–5× less than EcoLogits (larger batches, 8-bit weights, newer chips). The high figure is EcoLogits unmodified.`,
    );
    if (profile.servingPrecisionBits !== undefined && profile.servingPrecisionBits !== ECOLOGITS_QUANTIZATION_BITS) {
      a.push(
        `Served at ${profile.servingPrecisionBits}-bit weights (documented release): the low and central figures count the GPUs for that precision (${gpuCount(pickBound(profile.parameters.total, 'central'), profile.servingPrecisionBits)} instead of EcoLogits' ${gpuCount(pickBound(profile.parameters.total, 'central'))} at 16 bits); the high figure keeps EcoLogits' count.`,
      );
    }
    if (profile.accelerator === 'tpu') {
      a.push(
        `Served on TPUs: low and central × ${TPU_SERVING_FACTOR.central}, a factor fitted on Google's median Gemini prompt (0.24 Wh); no second public source gives TPU serving energy, so treat it as a calibration, not a measurement.`,
      );
    }
  } else if (method === 'measured') {
    a.push(`Energy uses the measured figures stated in the profile (${profile.measuredEnergy!.note}); they are taken as facility energy, no PUE added.`);
  } else {
    a.push(`Runs on your own machine: energy = device power × time (${profile.localDevice!.note}). No data-centre overhead (PUE 1) and no data-centre water.`);
  }
  if (t.input > 0) {
    a.push(
      `An uncached input token costs ${INPUT_TOKEN_RATIO.central} of an output token (range ${INPUT_TOKEN_RATIO.low}–${INPUT_TOKEN_RATIO.high}), from Epoch AI's prefill estimates.`,
    );
  }
  if (t.cachedInput > 0) {
    a.push(
      `A cached input token costs ${CACHE_READ_SHARE_OF_INPUT} of an uncached one. This is an assumption from provider prices (cache reads billed at ~10%); no energy figure for a cache hit is published.`,
    );
  }
  if (ctx.input > 1.005 || ctx.output > 1.005) {
    const width = profile.attentionDim ?? profile.modelDim;
    const shape = profile.layers && width ? `its ${profile.layers} layers × ${width} attention width` : `a default (${formatTokens(DEFAULT_ATTENTION_CROSSOVER_TOKENS)} tokens) because the model's shape is not public`;
    const parts: string[] = [];
    if (ctx.input > 1.005) parts.push(`each input token ${fmt(ctx.input)}× dearer`);
    if (ctx.output > 1.005) parts.push(`each output token ${fmt(ctx.output)}× dearer`);
    a.push(`Long context: attention over the context makes ${parts.join(' and ')} (crossover from ${shape}; Kaplan et al. 2020).`);
  }
  if (input.outputTokens === undefined) {
    a.push(`Output length: ${t.output} tokens, the profile's typical chat answer (edit it to match your request).`);
  }
  if (t.reasoning > 0) {
    a.push(
      `Reasoning model: ${t.reasoning} hidden reasoning tokens assumed (${profile.reasoning.hiddenTokensPerOutputToken} per visible output token); they cost like output tokens.`,
    );
  } else if (profile.reasoning.isReasoning && input.outputIncludesReasoning && input.outputTokens !== undefined) {
    a.push('Reasoning model: the recorded output count already includes the hidden reasoning tokens (providers bill them as output), so none are added.');
  }
  if (!profile.local) {
    const dc = profile.dataCentre;
    a.push(`Data centre: PUE ${range(dc.pue, '')}, on-site water ${range(dc.wueOnSite, ' L/kWh')}. Location: ${dc.location}.`);
  }
  const zoneText = `Carbon is location-based: ${zone.name} grid, ${zone.gCO2PerKWh} gCO2e/kWh (${zone.carbonSource}, ${zone.carbonYear}).`;
  a.push(zoneFellBack ? `Unknown grid zone "${requestedZone}": the world average is used. ${zoneText}` : zoneText);
  if (zone.waterNote) a.push(`Off-site water: ${zone.waterNote}.`);
  a.push(
    includeEmbodied
      ? method === 'parametric'
        ? 'Embodied carbon: the request\'s share of the servers\' and GPUs\' manufacturing over 3 years (EcoLogits).'
        : 'Embodied carbon of the hardware is not included for this energy method.'
      : 'Embodied (manufacturing) carbon excluded on request.',
  );
  a.push('Model training is outside this boundary (SCI for AI consumer boundary).');
  if (profile.tokenizer.approximate) {
    a.push(`Token counts for this model are approximate: ${profile.tokenizer.calibrationMethod ?? 'proxy tokenizer'}.`);
  }
  for (const w of profile.warnings ?? []) a.push(w);
  return a;
}

/**
 * Estimate one request. Pure and synchronous. `inputTokens` counts everything sent (cached included);
 * `outputTokens` defaults to the profile's typical answer; `region` overrides the profile's grid zone.
 */
export function estimateRequest(
  profile: ModelProfile,
  input: RequestInput,
  resolvedBy?: ResolutionStep,
): RequestEstimate {
  const tokens = requestTokens(profile, input);
  const method = energyMethodOf(profile);
  const ctx: ContextFactors = {
    input: inputContextFactor(profile, tokens.input, tokens.cachedInput),
    output: outputContextFactor(profile, tokens.input + tokens.cachedInput, tokens.output + tokens.reasoning),
  };
  const split = (bound: Bound): EnergySplit => {
    if (method === 'measured') return measuredSplit(profile, tokens);
    if (method === 'local-device') return localDeviceSplit(profile, tokens, bound, ctx);
    return parametricSplit(profile, tokens, bound, ctx);
  };
  const splits = { low: split('low'), central: split('central'), high: split('high') };
  const requestedZone = input.region ?? profile.dataCentre.gridZone;
  const { zone, fellBack } = gridZoneOrWorld(requestedZone);
  const includeEmbodied = input.includeEmbodied ?? true;

  const energyWh = mapBounds((b) => splits[b].total);
  const embodiedCarbon = mapBounds((b) =>
    includeEmbodied && method === 'parametric' ? embodiedCarbonG(splits[b].occupancyS, splits[b].gpus) : 0,
  );
  const carbonG = mapBounds((b) => (energyWh[b] * zone.gCO2PerKWh) / 1000 + embodiedCarbon[b]);
  // Wh × L/kWh = mL.
  const onSiteWue = (b: Bound) => (method === 'local-device' ? 0 : pickBound(profile.dataCentre.wueOnSite, b));
  const waterOnSiteMl = mapBounds((b) => splits[b].it * onSiteWue(b));
  const waterMl = mapBounds((b) => waterOnSiteMl[b] + energyWh[b] * zone.waterLPerKWh);
  const tokenCount = tokens.input + tokens.cachedInput + tokens.output + tokens.reasoning;
  const sciGPer1kTokens = mapBounds((b) => (tokenCount > 0 ? (carbonG[b] / tokenCount) * 1000 : 0));

  return {
    methodVersion: METHOD_VERSION,
    profileId: profile.id,
    resolvedBy,
    tokens,
    energyWh,
    carbonG,
    embodiedCarbonG: embodiedCarbon,
    waterMl,
    waterBoundary:
      method === 'local-device'
        ? 'Off-site only: water consumed generating the electricity (no data-centre cooling for a local model).'
        : 'On-site (data-centre cooling, WUE) + off-site (water consumed generating the electricity); manufacturing water excluded.',
    grid: { zone: zone.zone, gCO2PerKWh: zone.gCO2PerKWh, source: GRID_CARBON_SOURCE, year: zone.carbonYear },
    sciGPer1kTokens,
    ecologitsWh: ecologitsWh(profile, tokens.output + tokens.reasoning),
    formula: FORMULA,
    assumptions: assumptionsFor(profile, tokens, method, zone, fellBack, requestedZone, ctx, input, includeEmbodied),
    waterOnSiteMl,
    breakdown: {
      gpuWh: mapBounds((b) => splits[b].gpu),
      hostWh: mapBounds((b) => splits[b].host),
      pueOverheadWh: mapBounds((b) => splits[b].total - splits[b].it),
      embodiedCarbonG: embodiedCarbon,
    },
    breakdownWh: {
      output: mapBounds((b) => splits[b].output),
      input: mapBounds((b) => splits[b].input),
      cachedInput: mapBounds((b) => splits[b].cachedInput),
    },
    confidence: profile.confidence,
    energyMethod: method,
  };
}
