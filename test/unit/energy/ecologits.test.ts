/**
 * Hand-computed EcoLogits 0.9.1 vectors. The constants are written out here from the published
 * method (ecologits/impacts/llm.py, ENERGY-MODEL.md §1), and GPU counts are worked out by hand in
 * the comments, so the test does not reuse the code it checks.
 */
import * as assert from 'node:assert/strict';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { ecologitsRequest, gpuCount } from '../../../src/core/energy/ecologits';

const ALPHA = 1.1665273170451914e-6;
const BETA = -0.011205921025579175;
const GAMMA = 4.052928146734005e-5;
const LAT_A = 6.785088094353663e-4;
const LAT_B = 3.119310311688259e-4;
const LAT_C = 1.9473717579473387e-2;
const B = 64;

/** EcoLogits request energy in Wh, with the GPU count given by hand. */
function handEcologitsWh(pActive: number, gpus: number, tokens: number, pue: number): number {
  const fWh = ALPHA * Math.exp(BETA * B) * pActive + GAMMA;
  const latencyS = tokens * (LAT_A * pActive + LAT_B * B + LAT_C);
  const serverKWh = (latencyS / 3600) * 1.2 * (gpus / 8) / B;
  return pue * (serverKWh * 1000 + gpus * tokens * fWh);
}

function handEmbodiedG(pActive: number, gpus: number, tokens: number): number {
  const latencyS = tokens * (LAT_A * pActive + LAT_B * B + LAT_C);
  const kg = (latencyS * ((gpus / 8) * 5700 + gpus * 164)) / (3 * 365 * 24 * 3600 * B);
  return kg * 1000;
}

const relClose = (actual: number, expected: number, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} vs ${expected}`);

const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));

describe('EcoLogits 0.9.1 reproduction (hand-computed vectors, 1e-9 relative)', () => {
  it('GPU count: 1.2 × P × 2 GB / 80 GB, ceil, next power of two', () => {
    // 440B: 1056 GB → 13.2 → 14 → 16.   70.55B: 169.32 GB → 2.1 → 3 → 4.   8.03B: 19.3 GB → 1.
    // 117B: 280.8 GB → 3.5 → 4 → 4.      1760B: 4224 GB → 52.8 → 53 → 64.   405.85B: 974 GB → 12.2 → 13 → 16.
    assert.equal(gpuCount(440), 16);
    assert.equal(gpuCount(70.55), 4);
    assert.equal(gpuCount(8.03), 1);
    assert.equal(gpuCount(117), 4);
    assert.equal(gpuCount(1760), 64);
    assert.equal(gpuCount(405.85), 16);
  });

  it('gpt-4o (MoE 440B, 44–132B active, PUE 1.2), 500 output tokens', () => {
    const e = estimateRequest(profiles.get('gpt-4o')!, { inputTokens: 0, outputTokens: 500 });
    relClose(e.ecologitsWh.low, handEcologitsWh(44, 16, 500, 1.2));
    relClose(e.ecologitsWh.central, handEcologitsWh(88, 16, 500, 1.2));
    relClose(e.ecologitsWh.high, handEcologitsWh(132, 16, 500, 1.2));
    // Sanity against the published magnitude (ENERGY-MODEL.md: ≈0.8–1.9 Wh for this request).
    assert.ok(Math.abs(handEcologitsWh(44, 16, 500, 1.2) - 1.0627) < 1e-3);
    assert.ok(Math.abs(handEcologitsWh(132, 16, 500, 1.2) - 1.9169) < 1e-3);
  });

  it("llama-3.1-70b (dense 70.55B, 4 GPUs), 300 output tokens, at EcoLogits' huggingface_hub PUE 1.09–1.14 (not the profile's 1.1–1.56)", () => {
    const e = estimateRequest(profiles.get('llama-3.1-70b')!, { inputTokens: 1000, outputTokens: 300 });
    relClose(e.ecologitsWh.low, handEcologitsWh(70.55, 4, 300, 1.09));
    relClose(e.ecologitsWh.central, handEcologitsWh(70.55, 4, 300, (1.09 + 1.14) / 2));
    relClose(e.ecologitsWh.high, handEcologitsWh(70.55, 4, 300, 1.14));
  });

  it('gpt-oss-120b (MoE 117B total, 5.1B active): reasoning tokens count as output', () => {
    // Profile: 2 hidden tokens per visible token → 200 visible = 600 output tokens for EcoLogits.
    const e = estimateRequest(profiles.get('gpt-oss-120b')!, { inputTokens: 50, outputTokens: 200 });
    assert.equal(e.tokens.reasoning, 400);
    relClose(e.ecologitsWh.high, handEcologitsWh(5.1, 4, 600, 1.14));
  });

  it('recorded usage that already includes reasoning adds no hidden tokens (OpenAI completion_tokens, Anthropic output_tokens)', () => {
    const e = estimateRequest(profiles.get('gpt-oss-120b')!, { inputTokens: 50, outputTokens: 600, outputIncludesReasoning: true });
    assert.equal(e.tokens.reasoning, 0);
    relClose(e.ecologitsWh.high, handEcologitsWh(5.1, 4, 600, 1.14));
    assert.ok(e.assumptions.some((a) => /already includes the hidden reasoning tokens/.test(a)));
    // Without a recorded count the flag has nothing to apply to: the profile's typical answer and its reasoning.
    const typical = estimateRequest(profiles.get('gpt-oss-120b')!, { inputTokens: 50, outputIncludesReasoning: true });
    assert.equal(typical.tokens.reasoning, 1000);
  });

  it('embodied share: latency/(B × 3 y) × [(GPUs/8)·5700 + GPUs·164] kg', () => {
    const r = ecologitsRequest({ activeParamsB: 88, totalParamsB: 440, outputTokens: 500, pue: 1.2 });
    relClose(r.embodiedG, handEmbodiedG(88, 16, 500));
    relClose(r.energyWh, handEcologitsWh(88, 16, 500, 1.2));
  });

  it('measured speeds shorten the latency, never lengthen it: min(fit, ttft + T/tps), as EcoLogits', () => {
    // Fit for 10B active: 100 × (6.785e-3 + 1.996e-2 + 1.947e-2) ≈ 4.62 s.
    const fit = 100 * (LAT_A * 10 + LAT_B * B + LAT_C);
    const fast = ecologitsRequest({ activeParamsB: 10, totalParamsB: 10, outputTokens: 100, pue: 1, deployment: { tokensPerSecond: 50, ttftSeconds: 0.5 } });
    relClose(fast.latencyS, 0.5 + 100 / 50);
    const slow = ecologitsRequest({ activeParamsB: 10, totalParamsB: 10, outputTokens: 100, pue: 1, deployment: { tokensPerSecond: 10, ttftSeconds: 2 } });
    relClose(slow.latencyS, fit);
  });
});

describe('our estimator on top of EcoLogits (hand-computed)', () => {
  it('gpt-4o central: k=0.2, r_in=0.3, cache 0.1×r_in, context factors over the 50k default crossover', () => {
    const e = estimateRequest(profiles.get('gpt-4o')!, { inputTokens: 2000, cachedInputTokens: 1000, outputTokens: 300 });
    const fWh = ALPHA * Math.exp(BETA * B) * 88 + GAMMA;
    const latPerTok = LAT_A * 88 + LAT_B * B + LAT_C;
    const gpuIt = 0.2 * 16 * fWh;
    const hostIt = 0.2 * (latPerTok / 3600) * 1.2 * (16 / 8) / B * 1000;
    const perTokIt = gpuIt + hostIt;
    const ctxIn = 1 + (1000 + 1000 / 2) / 50_000; // gpt-4o's shape is not public: default crossover
    const ctxOut = 1 + (2000 + 300 / 2) / 50_000; // every output token attends to the 2,000 input tokens
    const eq = ctxOut * 300 + 0.3 * ctxIn * 1000 + 0.3 * 0.1 * 1000;
    relClose(e.energyWh.central, 1.2 * perTokIt * eq);
    relClose(e.breakdownWh!.cachedInput.central, 1.2 * perTokIt * 0.3 * 0.1 * 1000);
    relClose(e.breakdown!.gpuWh.central, gpuIt * eq);
    relClose(e.breakdown!.hostWh.central, hostIt * eq);
    relClose(e.breakdown!.pueOverheadWh.central, 0.2 * perTokIt * eq);
    assert.deepEqual(e.tokens, { input: 1000, cachedInput: 1000, output: 300, reasoning: 0 });
  });

  it('llama-3.1-8b high = EcoLogits (k = 1, profile PUE) + input at r_in 0.5, both with the shape-derived context factors', () => {
    const e = estimateRequest(profiles.get('llama-3.1-8b')!, { inputTokens: 20_000, outputTokens: 400 });
    const fWh = ALPHA * Math.exp(BETA * B) * 8.03 + GAMMA;
    const latPerTok = LAT_A * 8.03 + LAT_B * B + LAT_C;
    const perTokIt = 1 * (1 * fWh + (latPerTok / 3600) * 1.2 * (1 / 8) / B * 1000);
    const crossover = 8.03e9 / (32 * 4096); // 32 layers × 4096 width ≈ 61k tokens
    const ctxIn = 1 + (0 + 20_000 / 2) / crossover;
    const ctxOut = 1 + (20_000 + 400 / 2) / crossover;
    relClose(e.energyWh.high, 1.56 * perTokIt * (ctxOut * 400 + 0.5 * ctxIn * 20_000));
    // With no input the high end is the EcoLogits formula at the profile's PUE, times the small output context factor.
    const noInput = estimateRequest(profiles.get('llama-3.1-8b')!, { inputTokens: 0, outputTokens: 400 });
    relClose(noInput.energyWh.high, handEcologitsWh(8.03, 1, 400, 1.56) * (1 + 200 / crossover));
  });

  it('context term for output: at 100k tokens of context each output token costs 1 + (100k + T/2)/L* output tokens', () => {
    const gpt4o = profiles.get('gpt-4o')!;
    const short = estimateRequest(gpt4o, { inputTokens: 0, outputTokens: 500 });
    const long = estimateRequest(gpt4o, { inputTokens: 100_000, cachedInputTokens: 100_000, outputTokens: 500 });
    const factor = (1 + (100_000 + 250) / 50_000) / (1 + 250 / 50_000);
    relClose(long.breakdownWh!.output.central / short.breakdownWh!.output.central, factor);
    assert.ok(factor > 2.9 && factor < 3.1);
    // Qwen3-235B: 94 layers × 8192 attention width (64 heads × 128), not the 4096 hidden size.
    const qwen = profiles.get('qwen3-235b-a22b')!;
    const q = estimateRequest(qwen, { inputTokens: 100_000, cachedInputTokens: 100_000, outputTokens: 100, outputIncludesReasoning: true });
    const q0 = estimateRequest(qwen, { inputTokens: 0, outputTokens: 100, outputIncludesReasoning: true });
    const L = 22e9 / (94 * 8192);
    relClose(q.breakdownWh!.output.central / q0.breakdownWh!.output.central, (1 + (100_000 + 50) / L) / (1 + 50 / L));
  });

  it('TPU-served profiles apply the fitted factor 0.4 to low and central, not to high', () => {
    const flash = profiles.get('gemini-2.5-flash')!;
    const asGpu = { ...flash, accelerator: 'gpu' as const };
    const tpu = estimateRequest(flash, { inputTokens: 1000, outputTokens: 400 });
    const gpu = estimateRequest(asGpu, { inputTokens: 1000, outputTokens: 400 });
    relClose(tpu.energyWh.low, 0.4 * gpu.energyWh.low);
    relClose(tpu.energyWh.central, 0.4 * gpu.energyWh.central);
    relClose(tpu.energyWh.high, gpu.energyWh.high);
    assert.ok(tpu.assumptions.some((a) => /fitted on Google's median Gemini prompt/.test(a)));
  });
});
