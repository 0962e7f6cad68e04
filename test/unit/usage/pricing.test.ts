import * as assert from 'node:assert/strict';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { validateProfile } from '../../../src/core/profiles/validateProfile';
import { profileRegistryFor } from '../../../src/core/analyse';
import { FootprintCalculator } from '../../../src/core/usage/requestFootprint';

describe('model prices for the cost estimate', () => {
  const profiles = loadBuiltinProfiles();

  it('every price states its source and the day it was checked', () => {
    const priced = profiles.filter((p) => p.pricing);
    assert.ok(priced.length >= 17);
    for (const p of priced) {
      assert.match(p.pricing!.source.url, /^https:\/\//, p.id);
      assert.match(p.pricing!.source.checked, /^\d{4}-\d{2}-\d{2}$/, p.id);
      assert.ok(p.pricing!.outputPerMTok >= p.pricing!.inputPerMTok, `${p.id}: output dearer than input`);
      assert.ok(p.pricing!.cacheReadPerMTok < p.pricing!.inputPerMTok, `${p.id}: cache reads cheaper than input`);
    }
  });

  it('the validator rejects a price without its date or with a negative figure', () => {
    const base = JSON.parse(JSON.stringify(profiles.find((p) => p.id === 'claude-sonnet-4-5')));
    base.pricing.source = { url: 'https://example.org/prices' };
    assert.ok(validateProfile(base).some((pr) => pr.path === 'pricing.source.checked'));
    base.pricing.source.checked = 'last week';
    assert.ok(validateProfile(base).some((pr) => pr.path === 'pricing.source.checked' && /YYYY-MM-DD/.test(pr.message)));
    base.pricing.source.checked = '2026-12-04';
    base.pricing.outputPerMTok = -1;
    assert.ok(validateProfile(base).some((pr) => pr.path === 'pricing.outputPerMTok'));
  });

  it('cost = tokens × list price per kind; unknown models are not priced', () => {
    const calc = new FootprintCalculator(profileRegistryFor());
    // Sonnet 4.5: $3 input, $3.75 cache write, $0.30 cache read, $15 output per million.
    const cost = calc.cost('claude-sonnet-4-5-20250929', { input: 1_000_000, cacheCreation: 1_000_000, cacheRead: 1_000_000, output: 1_000_000, reasoning: 0 });
    assert.ok(Math.abs(cost! - (3 + 3.75 + 0.3 + 15)) < 1e-9);
    assert.equal(calc.cost('totally-unknown-model-x', { input: 1000, cacheCreation: 0, cacheRead: 0, output: 10, reasoning: 0 }), undefined);
  });

  it('reasoning recorded in the logs is not doubled by the estimator', () => {
    const calc = new FootprintCalculator(profileRegistryFor());
    const tokens = { input: 1000, cacheCreation: 0, cacheRead: 0, output: 1000, reasoning: 800 };
    assert.equal(calc.model('o3').profile.reasoning.isReasoning, true);
    assert.equal(calc.model('o3').recordedProfile.reasoning.hiddenTokensPerOutputToken, 0);
    const withOutputOnly = calc.footprint('o3', { ...tokens, reasoning: 0 });
    assert.deepEqual(calc.footprint('o3', tokens), withOutputOnly);
  });
});
