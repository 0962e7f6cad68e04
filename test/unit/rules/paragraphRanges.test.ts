import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { paragraphRanges } from '../../../src/core/rules/paragraphRanges';

const PARAGRAPH = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
const byRegex = (text: string) => [...text.matchAll(PARAGRAPH)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

describe('paragraphRanges', () => {
  it('finds the same paragraphs as the regular expression it replaces', () => {
    const piece = fc.constantFrom('word', ' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\u3000', '\f', '\v', '\u0001', 'é', '🙂', '\ufeff', '\n\n', ' \n ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(paragraphRanges(text), byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
