import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isSafeBoundary } from '../../../src/core/tokens/safeBoundary';
import { adversarialText, ENCODINGS, preSplitPattern } from './reference';

function pieces(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

/** A cut is exact when the two sides' pieces, concatenated, are the whole text's pieces. */
function cutKeepsPieces(pattern: RegExp, text: string, index: number): boolean {
  const whole = pieces(pattern, text);
  const split = [...pieces(pattern, text.slice(0, index)), ...pieces(pattern, text.slice(index))];
  return whole.length === split.length && whole.every((piece, i) => piece === split[i]);
}

// One or two of each character class the patterns distinguish, including their edge cases.
const ALPHABET = ['a', 's', 'B', 'é', 'ǅ', '中', '1', '²', '\u0301', ' ', '\t', '\n', '\r', '\u00a0', "'", '/', '.', '😀', '\ud83d'];

describe('safe boundaries', () => {
  for (const encoding of ENCODINGS) {
    const pattern = preSplitPattern(encoding);

    it(`${encoding}: every safe cut of every string of up to 4 chars from the class alphabet keeps the pre-split`, () => {
      let safeCuts = 0;
      const visit = (text: string, depth: number): void => {
        for (let index = 1; index < text.length; index++) {
          if (isSafeBoundary(text, index)) {
            safeCuts++;
            if (!cutKeepsPieces(pattern, text, index)) assert.fail(`unsafe cut at ${index} in ${JSON.stringify(text)}`);
          }
        }
        if (depth === 0) return;
        for (const char of ALPHABET) visit(text + char, depth - 1);
      };
      visit('', 4);
      assert.ok(safeCuts > 10000, `only ${safeCuts} safe cuts exercised`);
    });

    it(`${encoding}: every safe cut of random adversarial text keeps the pre-split`, () => {
      fc.assert(
        fc.property(adversarialText(40), (text) => {
          for (let index = 1; index < text.length; index++) {
            if (isSafeBoundary(text, index)) assert.ok(cutKeepsPieces(pattern, text, index), `cut at ${index} of ${JSON.stringify(text)}`);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuses the cuts that would change the count', () => {
    // " b" is one piece (space prefix joins the word); a trailing space run leaves its last space to the word.
    assert.equal(isSafeBoundary('a b', 2), false);
    assert.equal(isSafeBoundary('\n\n  abc', 4), false);
    assert.equal(isSafeBoundary('x\n/y', 2), false, "o200k's punctuation piece takes '/' after newlines");
    assert.equal(isSafeBoundary('1234', 2), false, 'digits group in threes from the left');
    assert.equal(isSafeBoundary("it's", 2), false);
    assert.equal(isSafeBoundary('😀', 1), false, 'never inside a surrogate pair');
    assert.equal(isSafeBoundary('a\r\nb', 2), false);
  });

  it('accepts the common cuts (word|space, newline|line, letter|punctuation, letter|digit)', () => {
    assert.equal(isSafeBoundary('word next', 4), true);
    assert.equal(isSafeBoundary('line\nnext', 5), true);
    assert.equal(isSafeBoundary('value,', 5), true);
    assert.equal(isSafeBoundary('abc123', 3), true);
  });
});
