/**
 * Gemma 3's chunk cuts (sentencePieceBoundary.ts) keep counts exact: at every cut the rule allows,
 * the reference tokenizer's counts of the two sides add up to its count of the whole, and so do
 * ours. Checked exhaustively over short strings of the characters the rule and the vocabulary
 * treat differently, and on random adversarial text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { loadRankTable } from '../../../src/core/tokens/loadRankTable';
import { sentencePieceBoundary } from '../../../src/core/tokens/sentencePieceBoundary';
import { createTokenCounter } from '../../../src/core/tokens/tokenCounter';
import { openReferenceCount } from './openReference';
import { adversarialText } from './reference';

const reference = (text: string): number => (text.length === 0 ? 0 : openReferenceCount('gemma3', text));

// Space and "▁" (the same after normalization), the one character a token has before "▁" (">"),
// the run characters cut out as added tokens, the start of added tokens ("<", "<b>" via "b"),
// letters, CJK, an astral character, a lone surrogate, and text that merges across a space in
// other vocabularies ("'").
const ALPHABET = [' ', '▁', '>', '\n', '\t', '<', 'b', 'a', "'", '日', '😀', '\ud800', '.'];

describe('Gemma 3 chunk boundaries', function () {
  this.timeout(120_000);
  let isSafe: (text: string, index: number) => boolean;

  before(() => {
    isSafe = sentencePieceBoundary(loadRankTable('gemma3').sentencePiece!.charsBeforeSpace);
    reference('warm up');
  });

  it('the vocabulary has only ">" before "▁" inside a token, so a space after anything else is a cut', () => {
    assert.equal(loadRankTable('gemma3').sentencePiece!.charsBeforeSpace, '>');
  });

  it('every cut of every string of up to 4 chars from the alphabet adds up to the reference count @slow', () => {
    let cuts = 0;
    const counter = createTokenCounter('gemma3');
    const visit = (text: string, depth: number): void => {
      for (let index = 1; index < text.length; index++) {
        if (!isSafe(text, index)) continue;
        cuts++;
        const left = text.slice(0, index);
        const right = text.slice(index);
        const whole = reference(text);
        if (reference(left) + reference(right) !== whole)
          assert.fail(`reference: unsafe cut at ${index} in ${JSON.stringify(text)}`);
        if (counter.countChunk(left) + counter.countChunk(right) !== whole)
          assert.fail(`ours: cut at ${index} in ${JSON.stringify(text)}`);
      }
      if (depth === 0) return;
      for (const char of ALPHABET) visit(text + char, depth - 1);
    };
    visit('', 4);
    assert.ok(cuts > 5000, `only ${cuts} cuts exercised`);
  });

  it('every cut of random adversarial text adds up to the reference count @slow', () => {
    fc.assert(
      fc.property(adversarialText(40), (text) => {
        const whole = reference(text);
        for (let index = 1; index < text.length; index++) {
          if (isSafe(text, index))
            assert.equal(
              reference(text.slice(0, index)) + reference(text.slice(index)),
              whole,
              `cut at ${index} of ${JSON.stringify(text)}`,
            );
        }
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('refuses the cuts a merge or an added token could cross, accepts the common ones', () => {
    assert.equal(isSafe('a b', 1), true, 'word|space');
    assert.equal(isSafe('line\nnext', 4), true);
    assert.equal(isSafe('line\nnext', 5), true);
    assert.equal(isSafe('a\tb', 2), true);
    assert.equal(isSafe('\n\n\n', 1), false, 'inside a newline run (one added token)');
    assert.equal(isSafe('a  b', 2), false, 'inside a space run ("▁▁" is a token)');
    assert.equal(isSafe('<b> x', 3), false, 'after ">" (a token has ">▁")');
    assert.equal(isSafe('ab', 1), false, 'inside a word');
    assert.equal(isSafe('a,b', 1), false, 'letter|punctuation merges here');
    assert.equal(isSafe('😀 ', 1), false, 'never inside a surrogate pair');
    assert.equal(isSafe('😀 ', 2), true);
  });
});
