import { strict as assert } from 'node:assert';
import type { ModelProfile, TokenizerSpec } from '../../../src/core/profiles/modelProfile';
import { countForProfile } from '../../../src/core/tokens/countForProfile';
import { referenceCount } from './reference';

function profileWith(tokenizer: TokenizerSpec): ModelProfile {
  // Only id and tokenizer matter to counting; the rest is a minimal valid shape.
  return {
    id: 'test-model', name: 'Test model', aliases: [], provider: 'test', family: 'test', weights: 'closed', tokenizer,
    contextWindow: 1000, maxOutputTokens: 100, architecture: 'dense',
    parameters: { total: { min: 1, max: 1 }, active: { min: 1, max: 1 } },
    reasoning: { isReasoning: false, hiddenTokensPerOutputToken: 0 },
    caching: { supported: false, automatic: false, readPriceFactor: 1 },
    dataCentre: { pue: { min: 1, max: 1 }, wueOnSite: { min: 0, max: 0 }, gridZone: 'WORLD', location: 'test' },
    expectedOutputTokens: 100, confidence: 'estimated', sources: [],
  };
}

const text = 'Explain the attached spreadsheet in three bullet points. <|endoftext|> 日本語\n';

describe('countForProfile', () => {
  it('is exact and not approximate for a profile that uses its own encoding @slow', () => {
    const result = countForProfile(profileWith({ encoding: 'cl100k_base', approximate: false, calibrationFactor: 1 }), text);
    assert.deepEqual(result, { tokens: referenceCount('cl100k_base', text), approximate: false });
  });

  it('scales the proxy count by the calibration factor, rounded, and says it is approximate @slow', () => {
    const proxy = referenceCount('o200k_base', text);
    const result = countForProfile(profileWith({ encoding: 'o200k_base', approximate: true, calibrationFactor: 1.23, calibrationMethod: 'estimated' }), text);
    assert.deepEqual(result, { tokens: Math.round(proxy * 1.23), approximate: true });
    assert.notEqual(result.tokens, proxy);
  });

  it('rejects an unusable calibration factor naming the profile', () => {
    for (const factor of [0, -1, Number.NaN]) {
      assert.throws(() => countForProfile(profileWith({ encoding: 'o200k_base', approximate: true, calibrationFactor: factor }), text), /"test-model".*calibrationFactor/);
    }
  });
});
