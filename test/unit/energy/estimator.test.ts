import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import type { ModelProfile } from '../../../src/core/profiles/modelProfile';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { METHOD_VERSION } from '../../../src/core/energy/calibration';
import type { Estimate3 } from '../../../src/core/energy/estimate';

const all = loadBuiltinProfiles();
const byId = new Map(all.map((p) => [p.id, p] as const));
const get = (id: string) => byId.get(id)!;
const bounds: (keyof Estimate3)[] = ['low', 'central', 'high'];

const profileArb = fc.constantFrom(...all);
const tokensArb = fc.integer({ min: 0, max: 300_000 });

describe('estimateRequest: properties', () => {
  it('low ≤ central ≤ high for energy, carbon, water, for every profile and request', () => {
    fc.assert(
      fc.property(profileArb, tokensArb, fc.integer({ min: 0, max: 8000 }), fc.double({ min: 0, max: 1, noNaN: true }), (p, input, output, cachedShare) => {
        const e = estimateRequest(p, { inputTokens: input, cachedInputTokens: Math.floor(input * cachedShare), outputTokens: output });
        for (const r of [e.energyWh, e.carbonG, e.waterMl, e.ecologitsWh, e.sciGPer1kTokens]) {
          assert.ok(r.low <= r.central + 1e-15 && r.central <= r.high + 1e-15, JSON.stringify(r));
          assert.ok(Number.isFinite(r.high) && r.low >= 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('more output tokens → more energy (every bound)', () => {
    fc.assert(
      fc.property(profileArb, tokensArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (p, input, out, extra) => {
        const a = estimateRequest(p, { inputTokens: input, outputTokens: out });
        const b = estimateRequest(p, { inputTokens: input, outputTokens: out + extra });
        for (const k of bounds) assert.ok(b.energyWh[k] > a.energyWh[k]);
      }),
      { numRuns: 200 },
    );
  });

  it('more input tokens → more energy (every bound)', () => {
    fc.assert(
      fc.property(profileArb, tokensArb, fc.integer({ min: 1, max: 50_000 }), (p, input, extra) => {
        const a = estimateRequest(p, { inputTokens: input, outputTokens: 100 });
        const b = estimateRequest(p, { inputTokens: input + extra, outputTokens: 100 });
        for (const k of bounds) assert.ok(b.energyWh[k] > a.energyWh[k]);
      }),
      { numRuns: 200 },
    );
  });

  it('cached input costs less than the same input uncached', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 1, max: 200_000 }), (p, input) => {
        const uncached = estimateRequest(p, { inputTokens: input, outputTokens: 200 });
        const cached = estimateRequest(p, { inputTokens: input, cachedInputTokens: input, outputTokens: 200 });
        for (const k of bounds) assert.ok(cached.energyWh[k] < uncached.energyWh[k]);
      }),
      { numRuns: 200 },
    );
  });

  it('long contexts make each input token dearer (attention grows with context)', () => {
    const p = get('llama-3.1-70b');
    const short = estimateRequest(p, { inputTokens: 1000, outputTokens: 0 });
    const long = estimateRequest(p, { inputTokens: 100_000, outputTokens: 0 });
    assert.ok(long.energyWh.central / 100_000 > (short.energyWh.central / 1000) * 1.4);
  });
});

describe('estimateRequest: comparisons', () => {
  const req = { inputTokens: 3000, outputTokens: 500 };
  const ladder = (ids: string[]) => {
    for (let i = 1; i < ids.length; i++) {
      const small = estimateRequest(get(ids[i - 1]), req);
      const big = estimateRequest(get(ids[i]), req);
      for (const k of bounds) assert.ok(big.energyWh[k] > small.energyWh[k], `${ids[i]} vs ${ids[i - 1]} (${k})`);
    }
  };

  it('bigger model → more energy', () => {
    ladder(['llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b']);
    ladder(['gpt-4.1-nano', 'gpt-4.1-mini']);
    ladder(['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1']);
    ladder(['gemini-2.5-flash-lite', 'gemini-2.5-pro']);
  });

  it('reasoning (hidden tokens) → more energy than the same model without', () => {
    const base = get('gpt-5');
    const nonReasoning: ModelProfile = { ...base, reasoning: { isReasoning: false, hiddenTokensPerOutputToken: 0 } };
    const r = estimateRequest(base, req);
    const n = estimateRequest(nonReasoning, req);
    assert.equal(r.tokens.reasoning, 1500);
    for (const k of bounds) assert.ok(r.energyWh[k] > n.energyWh[k]);
    assert.ok(r.assumptions.some((a) => /hidden reasoning tokens/.test(a)));
  });

  it('a cleaner grid lowers carbon, not energy', () => {
    const us = estimateRequest(get('gpt-4o'), { ...req, region: 'USA' });
    const se = estimateRequest(get('gpt-4o'), { ...req, region: 'SE' });
    assert.deepEqual(se.energyWh, us.energyWh);
    assert.ok(se.carbonG.central < us.carbonG.central);
    assert.equal(se.grid.zone, 'SE');
  });
});

describe('estimateRequest: result contents', () => {
  it('carries method version, profile, resolution step, formula and assumptions', () => {
    const e = estimateRequest(get('claude-sonnet-4-5'), { inputTokens: 5000, cachedInputTokens: 4000, outputTokens: 300 }, 'alias');
    assert.equal(e.methodVersion, METHOD_VERSION);
    assert.match(e.methodVersion, /EcoLogits 0\.9/);
    assert.equal(e.profileId, 'claude-sonnet-4-5');
    assert.equal(e.resolvedBy, 'alias');
    assert.match(e.formula, /PUE × k × h × e_tok/);
    assert.ok(e.assumptions.some((a) => /cached input token costs 0\.1 of an uncached one/.test(a)));
    assert.ok(e.assumptions.some((a) => /approximate/.test(a)), 'Claude token counts are approximate');
    assert.ok(e.assumptions.some((a) => /location-based/.test(a)));
    assert.match(e.waterBoundary, /On-site .* off-site/);
    assert.equal(e.grid.year, 2023);
    assert.match(e.grid.source, /ourworldindata/);
  });

  it('uses the profile\'s expected output when none is given, and says so', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: 100 });
    assert.equal(e.tokens.output, get('gpt-4o').expectedOutputTokens);
    assert.ok(e.assumptions.some((a) => /typical chat answer/.test(a)));
  });

  it('SCI intensity is carbon per 1,000 tokens processed', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: 1500, outputTokens: 500 });
    assert.ok(Math.abs(e.sciGPer1kTokens.central - e.carbonG.central / 2) < 1e-12);
  });

  it('carbon = energy × grid factor + embodied share', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: 1500, outputTokens: 500, region: 'FR' });
    assert.ok(Math.abs(e.carbonG.central - (e.energyWh.central * 56) / 1000 - e.embodiedCarbonG.central) < 1e-12);
    assert.ok(e.embodiedCarbonG.central > 0);
    const noEmbodied = estimateRequest(get('gpt-4o'), { inputTokens: 1500, outputTokens: 500, region: 'FR', includeEmbodied: false });
    assert.equal(noEmbodied.embodiedCarbonG.central, 0);
  });

  it('water = on-site (IT energy × WUE) + off-site (energy × grid water)', () => {
    const p = get('gpt-4o'); // PUE 1.2, WUE 0.569, USA grid water 3.1321 L/kWh
    const e = estimateRequest(p, { inputTokens: 1000, outputTokens: 500 });
    assert.ok(Math.abs(e.waterOnSiteMl!.central - (e.energyWh.central / 1.2) * 0.569) < 1e-12);
    assert.ok(Math.abs(e.waterMl.central - e.waterOnSiteMl!.central - e.energyWh.central * 3.1321) < 1e-12);
  });

  it('unknown grid zones fall back to the world average, with a note', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: 10, outputTokens: 10, region: 'Atlantis' });
    assert.equal(e.grid.zone, 'WORLD');
    assert.ok(e.assumptions.some((a) => a.includes('Unknown grid zone "Atlantis"')));
  });

  it('bad numbers are treated as zero, never NaN', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: Number.NaN, cachedInputTokens: -5, outputTokens: -1 });
    assert.deepEqual(e.tokens, { input: 0, cachedInput: 0, output: 0, reasoning: 0 });
    assert.deepEqual(e.energyWh, { low: 0, central: 0, high: 0 });
    assert.deepEqual(e.sciGPer1kTokens, { low: 0, central: 0, high: 0 });
  });

  it('cached tokens above the input total are capped at the total', () => {
    const e = estimateRequest(get('gpt-4o'), { inputTokens: 100, cachedInputTokens: 500, outputTokens: 1 });
    assert.deepEqual([e.tokens.input, e.tokens.cachedInput], [0, 100]);
  });
});

describe('estimateRequest: measured and local profiles', () => {
  it('measured energy bypasses the parametric model', () => {
    const p: ModelProfile = {
      ...get('llama-3.1-70b'),
      id: 'ours',
      confidence: 'measured',
      measuredEnergy: { whPerInputToken: 0.0001, whPerOutputToken: 0.001, note: 'metered' },
    };
    const e = estimateRequest(p, { inputTokens: 1000, cachedInputTokens: 500, outputTokens: 200 });
    const expected = 0.001 * 200 + 0.0001 * 500 + 0.0001 * 0.1 * 500;
    for (const k of bounds) assert.ok(Math.abs(e.energyWh[k] - expected) < 1e-15);
    assert.equal(e.energyMethod, 'measured');
    assert.ok(e.assumptions.some((a) => /measured figures/.test(a)));
  });

  it('the local model is device power × time, with no data-centre overhead or cooling water', () => {
    const p = get('local-model');
    const e = estimateRequest(p, { inputTokens: 1000, outputTokens: 500 });
    assert.equal(e.energyMethod, 'local-device');
    // Central: 40 W; 27.5 output tokens/s; 600 prompt tokens/s; default crossover 50k: input factor
    // 1 + 500/50k, output factor 1 + (1000 + 250)/50k.
    const expected = (40 * 500 * (1 + 1250 / 50_000)) / 27.5 / 3600 + (40 * 1000 * (1 + 500 / 50_000)) / 600 / 3600;
    assert.ok(Math.abs(e.energyWh.central - expected) < 1e-12);
    assert.deepEqual(e.waterOnSiteMl, { low: 0, central: 0, high: 0 });
    assert.match(e.waterBoundary, /no data-centre cooling/);
    assert.ok(e.assumptions.some((a) => /own machine/.test(a)));
  });
});

describe('estimateRequest: documented serving precision (servingPrecisionBits)', () => {
  const req = { inputTokens: 500, outputTokens: 300 };
  const fp8 = get('llama-3.1-405b');
  const bf16: ModelProfile = { ...fp8, servingPrecisionBits: undefined };

  it('counts the GPUs of the FP8 release for low and central: half of the 16-bit 16 H100s', () => {
    assert.equal(fp8.servingPrecisionBits, 8);
    const a = estimateRequest(fp8, req);
    const b = estimateRequest(bf16, req);
    // 1.2 × 405.85 GB × 8/8 = 487 GB → 7 → 8 GPUs, against 974 GB → 13 → 16 at 16 bits. Every term
    // (GPU energy, host share, embodied share) is proportional to the GPU count at a fixed model size.
    for (const k of ['low', 'central'] as const) {
      assert.ok(Math.abs(a.energyWh[k] / b.energyWh[k] - 0.5) < 1e-12, k);
      assert.ok(Math.abs(a.embodiedCarbonG[k] / b.embodiedCarbonG[k] - 0.5) < 1e-12, k);
    }
    assert.equal(a.energyWh.high, b.energyWh.high);
    assert.ok(a.assumptions.some((s) => /8-bit weights .* \(8 instead of EcoLogits' 16 at 16 bits\)/.test(s)), a.assumptions.join('\n'));
    assert.ok(!b.assumptions.some((s) => /^Served at/.test(s)));
  });

  it('leaves the EcoLogits figure alone: it is EcoLogits at 16 bits', () => {
    assert.deepEqual(estimateRequest(fp8, req).ecologitsWh, estimateRequest(bf16, req).ecologitsWh);
  });
});
