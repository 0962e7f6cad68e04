import assert from 'node:assert/strict';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import {
  compareModels as buildModelComparisons,
  capabilityTradeOff,
  isOpenWeights,
  pickOpenModel,
  pickSmallerSameVendor,
} from '../../../src/core/profiles/compareModels';
import { profile, sampleAnalysis } from '../panel/sampleAnalysis';

describe('panel model comparisons', () => {
  const profiles = loadBuiltinProfiles();

  it('steps down within the same family first', () => {
    assert.equal(pickSmallerSameVendor(profile('gpt-4o'), profiles)?.id, 'gpt-4o-mini');
    assert.equal(pickSmallerSameVendor(profile('claude-sonnet-4-5'), profiles)?.id, 'claude-haiku-4-5');
    assert.equal(pickSmallerSameVendor(profile('gemma-3-27b-it'), profiles)?.id, 'gemma-3-12b-it');
    assert.equal(pickSmallerSameVendor(profile('gemma-3-4b-it'), profiles)?.id, 'gemma-3-1b-it');
  });

  it('then the same product line: Gemini Flash steps down to Flash-Lite, not to Google\'s larger Gemma', () => {
    // Gemma 3 27B (27B) is larger than Flash-Lite (8–28B, 15B in the middle), and both are Google's.
    assert.equal(pickSmallerSameVendor(profile('gemini-2.5-flash'), profiles)?.id, 'gemini-2.5-flash-lite');
    assert.equal(pickSmallerSameVendor(profile('gemini-2.5-pro'), profiles)?.id, 'gemini-2.5-flash');
    // Mistral Large steps down to Mistral Small, not to the code model Codestral.
    assert.equal(pickSmallerSameVendor(profile('mistral-large'), profiles)?.id, 'mistral-small');
    // With nothing smaller in its own line, Flash-Lite steps down to Google's open Gemma 3 4B.
    assert.equal(pickSmallerSameVendor(profile('gemini-2.5-flash-lite'), profiles)?.id, 'gemma-3-4b-it');
  });

  it('finds nothing smaller for the smallest model of a vendor', () => {
    const smallest = profile('gpt-oss-20b');
    const smaller = pickSmallerSameVendor(smallest, profiles);
    assert.equal(smaller, undefined);
  });

  it('picks an open-weights model close in size, never the fallbacks', () => {
    const open = pickOpenModel(profile('gpt-4o'), profiles)!;
    assert.ok(isOpenWeights(open), open.id);
    assert.notEqual(open.provider, 'unknown');
    assert.equal(open.local, undefined);
    assert.equal(isOpenWeights(profile('gpt-4o')), false);
    assert.equal(isOpenWeights(profile('llama-3.1-70b')), true);
    // Gemma Terms of Use: production use allowed under a use policy, like the Llama licence.
    assert.equal(isOpenWeights(profile('gemma-3-27b-it')), true);
    assert.equal(isOpenWeights(profile('gemini-2.5-flash')), false);
  });

  it('reads the profile\'s weights field, not its name', () => {
    assert.equal(isOpenWeights({ ...profile('llama-3.1-70b'), weights: 'closed' }), false);
    assert.equal(isOpenWeights({ ...profile('gpt-4o'), weights: 'open' }), true);
    // Research or non-production licences are not open: never suggested as the open alternative.
    for (const id of ['codestral', 'mistral-large', 'mistral-medium']) assert.equal(isOpenWeights(profile(id)), false, id);
    assert.equal(isOpenWeights(profile('mistral-small')), true);
    for (const chosen of profiles) {
      const open = pickOpenModel(chosen, profiles);
      assert.ok(open && open.weights === 'open', `${chosen.id} → ${open?.id}`);
    }
  });

  it('offers a model a team marked open in its config', () => {
    const ours = { ...profile('mistral-large'), weights: 'open' as const };
    const catalogue = [profile('gpt-4o'), profile('llama-3.1-8b'), ours];
    assert.equal(pickOpenModel(profile('gpt-4o'), catalogue)?.id, 'mistral-large');
    assert.equal(pickOpenModel(profile('gpt-4o'), [profile('gpt-4o'), profile('llama-3.1-8b'), profile('mistral-large')])?.id, 'llama-3.1-8b');
  });

  it('states the capability trade-off, including a context that does not fit', () => {
    const text = capabilityTradeOff(profile('gpt-4o'), profile('gpt-4o-mini'), 50_000);
    assert.match(text, /^Smaller \(8–28B vs 44–132B active parameters\)/);
    const tooBig = capabilityTradeOff(profile('gemini-2.5-pro'), profile('gpt-4o'), 500_000);
    assert.match(tooBig, /does not fit its 128,000-token window/);
    const reasoning = capabilityTradeOff(profile('gpt-4o'), profile('o4-mini'), 1000);
    assert.match(reasoning, /Reasoning model/);
  });

  it('prices the chosen model with the analysis itself and the others with the estimator', () => {
    const analysis = sampleAnalysis();
    const calls: string[] = [];
    const comparisons = buildModelComparisons(analysis, profile('gpt-4o'), profiles, (p, input) => {
      calls.push(p.id);
      return estimateRequest(p, input);
    });
    assert.deepEqual(
      comparisons.map((c) => c.role),
      ['chosen', 'smallerSameVendor', 'open'],
    );
    assert.equal(comparisons[0].estimate, analysis.estimate);
    assert.deepEqual(calls, [comparisons[1].modelId, comparisons[2].modelId]);
    assert.ok(comparisons[1].estimate.energyWh.central < comparisons[0].estimate.energyWh.central);
    // The same visible answer length everywhere: only the model changes.
    for (const c of comparisons.slice(1)) {
      assert.equal(c.estimate.tokens.output, analysis.estimate.tokens.output);
    }
  });

  it('converts the token count through the calibration factors when tokenizers differ', () => {
    const analysis = sampleAnalysis({ modelId: 'claude-sonnet-4-5' });
    const comparisons = buildModelComparisons(analysis, profile('claude-sonnet-4-5'), profiles, estimateRequest);
    const open = comparisons.find((c) => c.role === 'open')!;
    const factor = profile(open.modelId).tokenizer.calibrationFactor;
    assert.equal(open.tokensConverted, true);
    assert.equal(open.inputTokens, Math.round((analysis.tokens.total / 1.2) * factor));
    const haiku = comparisons.find((c) => c.role === 'smallerSameVendor')!;
    assert.equal(haiku.tokensConverted, false);
    assert.equal(haiku.inputTokens, analysis.tokens.total);
  });
});
