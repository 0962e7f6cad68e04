import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bytePairCount } from '../../../src/core/tokens/bytePairCount';
import { loadRankTable } from '../../../src/core/tokens/loadRankTable';
import { ENCODINGS, wasmReferenceCount } from './reference';

const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('bytePairCount', () => {
  for (const encoding of ENCODINGS) {
    it(`${encoding}: the rank sweep and the scan merge agree on random byte strings`, () => {
      const { ranks } = loadRankTable(encoding);
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^[a-z ]{0,200}$/), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '中'), maxLength: 300 })),
          (text) => {
            const bytes = latin1(text);
            assert.equal(bytePairCount(bytes, ranks, 0), bytePairCount(bytes, ranks, Number.POSITIVE_INFINITY));
          },
        ),
        { numRuns: 400 },
      );
    });

    it(`${encoding}: long single pieces (whitespace runs, CJK runs, letters) match tiktoken (WASM) @slow`, () => {
      const { ranks } = loadRankTable(encoding);
      for (const piece of [' '.repeat(5000), '日本語'.repeat(700), 'abcdefghij'.repeat(300), 'x'.repeat(1000)]) {
        // Each of these is one pre-split piece, so its BPE count is the whole text's count.
        assert.equal(bytePairCount(latin1(piece), ranks), wasmReferenceCount(encoding, piece), `${piece.slice(0, 10)}… (${piece.length} chars)`);
      }
    });
  }
});
