import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ENCODING_SOURCES } from '../../../src/core/tokens/encodingSources';
import { ENCODING_NAMES, loadRankTable } from '../../../src/core/tokens/loadRankTable';
import { PreSplitter } from '../../../src/core/tokens/preSplit';
import { isSafeBoundary } from '../../../src/core/tokens/safeBoundary';
import { adversarialText } from './reference';

/** A cut is exact when the two sides' pieces, concatenated, are the whole text's pieces (after normalization). */
function cutKeepsPieces(splitter: PreSplitter, text: string, index: number): boolean {
  const whole = splitter.pieces(text);
  const split = [...splitter.pieces(text.slice(0, index)), ...splitter.pieces(text.slice(index))];
  return whole.length === split.length && whole.every((piece, i) => piece === split[i]);
}

// One or two of each character class the patterns distinguish, including their edge cases.
const ALPHABET = ['a', 's', 'B', 'é', 'ǅ', '中', '1', '²', '\u0301', ' ', '\t', '\n', '\r', '\u00a0', "'", '/', '.', '😀', '\ud83d'];
// Characters where the families' patterns and normalization differ: White_Space vs JavaScript's \s
// (U+0085, U+FEFF), DeepSeek's CJK run (kana, its punctuation and marks: ・ ゛ ー \u3099) and the
// characters no DeepSeek alternative matches (U+200B, controls), Hangul jamo and a combining ring
// that NFC composes and characters it decomposes (Qwen: U+FB2A, U+2126), Oniguruma's case folding of ſ.
const FAMILY_EDGES = ['\ufb2a', '\u2126', '\u0085', '\ufeff', '\u200b', '\u0000', 'あ', '・', '゛', 'ー', '\u3099', '\u1100', '\u1161', 'A', '\u030a', 'ſ', '-'];
// Gemma 3 has no pre-split; its own cuts are checked in sentencePieceBoundary.test.ts.
const PRE_SPLIT_ENCODINGS = ENCODING_NAMES.filter((encoding) => ENCODING_SOURCES[encoding].format !== 'sentencepiece-bpe');

describe('safe boundaries', () => {
  for (const encoding of PRE_SPLIT_ENCODINGS) {
    let splitter: PreSplitter;
    before(function () {
      this.timeout(60_000); // the open families' vocabularies load from node_modules when running from sources
      splitter = new PreSplitter(loadRankTable(encoding).preSplit);
    });

    it(`${encoding}: every safe cut of every string of up to 4 chars from the class alphabet keeps the pre-split @slow`, () => {
      let safeCuts = 0;
      const visit = (text: string, depth: number): void => {
        for (let index = 1; index < text.length; index++) {
          if (isSafeBoundary(text, index)) {
            safeCuts++;
            if (!cutKeepsPieces(splitter, text, index)) assert.fail(`unsafe cut at ${index} in ${JSON.stringify(text)}`);
          }
        }
        if (depth === 0) return;
        for (const char of ALPHABET) visit(text + char, depth - 1);
      };
      visit('', 4);
      assert.ok(safeCuts > 10000, `only ${safeCuts} safe cuts exercised`);
    });

    it(`${encoding}: every safe cut of every string of up to 3 chars from the class and family-edge alphabet keeps the pre-split @slow`, () => {
      const alphabet = [...ALPHABET, ...FAMILY_EDGES];
      let safeCuts = 0;
      const visit = (text: string, depth: number): void => {
        for (let index = 1; index < text.length; index++) {
          if (isSafeBoundary(text, index)) {
            safeCuts++;
            if (!cutKeepsPieces(splitter, text, index)) assert.fail(`unsafe cut at ${index} in ${JSON.stringify(text)}`);
          }
        }
        if (depth === 0) return;
        for (const char of alphabet) visit(text + char, depth - 1);
      };
      visit('', 3);
      assert.ok(safeCuts > 5000, `only ${safeCuts} safe cuts exercised`);
    });

    it(`${encoding}: every safe cut of random adversarial text keeps the pre-split`, () => {
      fc.assert(
        fc.property(adversarialText(40), (text) => {
          for (let index = 1; index < text.length; index++) {
            if (isSafeBoundary(text, index)) assert.ok(cutKeepsPieces(splitter, text, index), `cut at ${index} of ${JSON.stringify(text)}`);
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
