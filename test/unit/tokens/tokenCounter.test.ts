import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createTokenCounter, getTokenCounter } from '../../../src/core/tokens/tokenCounter';
import { adversarialDocument, adversarialText, ENCODINGS, FRAGMENTS, referenceCount } from './reference';

describe('token counter', () => {
  for (const encoding of ENCODINGS) {
    describe(encoding, () => {
      it('counts exactly like js-tiktoken on random adversarial text', () => {
        const counter = createTokenCounter(encoding);
        fc.assert(
          fc.property(adversarialText(), (text) => {
            assert.equal(counter.count(text), referenceCount(encoding, text));
          }),
          { numRuns: 300 },
        );
      });

      it('counts exactly on long documents that are cut into many chunks, cold and cached', () => {
        fc.assert(
          fc.property(adversarialDocument(), (text) => {
            const expected = referenceCount(encoding, text);
            const counter = createTokenCounter(encoding);
            assert.equal(counter.count(text), expected, 'cold caches');
            assert.equal(counter.count(text), expected, 'warm caches');
          }),
          { numRuns: 40, endOnFailure: true },
        );
      });

      it('counts each fragment exactly, alone and repeated', () => {
        const counter = getTokenCounter(encoding);
        for (const fragment of FRAGMENTS) {
          assert.equal(counter.count(fragment), referenceCount(encoding, fragment), JSON.stringify(fragment));
          const repeated = fragment.repeat(40);
          assert.equal(counter.count(repeated), referenceCount(encoding, repeated), `${JSON.stringify(fragment)} × 40`);
        }
      });

      it('counts special-token strings as plain text and never throws', () => {
        const counter = getTokenCounter(encoding);
        for (const text of ['<|endoftext|>', 'a<|endoftext|>b', '<|fim_prefix|><|fim_middle|><|fim_suffix|>', '<|endofprompt|>\n<|endoftext|>']) {
          const count = counter.count(text);
          assert.equal(count, referenceCount(encoding, text));
          assert.ok(count > 1, `${text} is several ordinary tokens, not one special token`);
        }
      });

      it('returns 0 for empty text and shares one counter per encoding', () => {
        assert.equal(getTokenCounter(encoding).count(''), 0);
        assert.equal(getTokenCounter(encoding), getTokenCounter(encoding));
        assert.equal(getTokenCounter(encoding).encoding, encoding);
      });
    });
  }

  it('gives different counts for the two encodings where they differ (no shared state)', () => {
    const text = '日本語のテキストとコード const x = 1;'.repeat(50);
    assert.equal(getTokenCounter('o200k_base').count(text), referenceCount('o200k_base', text));
    assert.equal(getTokenCounter('cl100k_base').count(text), referenceCount('cl100k_base', text));
    assert.notEqual(getTokenCounter('o200k_base').count(text), getTokenCounter('cl100k_base').count(text));
  });
});
