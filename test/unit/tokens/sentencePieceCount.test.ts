/**
 * The SentencePiece-style BPE counter (sentencePieceCount.ts) and its converter
 * (sentencePieceVocabulary.ts) on synthetic vocabularies, against Hugging Face's own JavaScript
 * tokenizer given the same tokenizer.json: random merge lists in random priority order (Gemma 3's
 * is almost grouped by token; these are not), tokens made by several merges, byte fallback,
 * added tokens, long pieces for the heap. Gemma 3 itself is checked in openFamilies.test.ts.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SentencePieceCounter } from '../../../src/core/tokens/sentencePieceCount';
import { rankTableFromSentencePiece } from '../../../src/core/tokens/sentencePieceVocabulary';

const BYTES = Array.from({ length: 256 }, (_, byte) => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
const ADDED = ['\n', '\n\n', '\t', '<b>', '▁▁▁'];

function tokenizerJson(merges: [string, string][], extraTokens: string[] = []): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  const add = (token: string): void => {
    if (vocab[token] === undefined) vocab[token] = Object.keys(vocab).length;
  };
  ['<unk>', '<bos>', ...BYTES, ...ADDED, 'a', 'b', 'c', '▁', '中', ...extraTokens].forEach(add);
  for (const [left, right] of merges) {
    add(left);
    add(right);
    add(left + right);
  }
  return {
    added_tokens: [
      {
        id: vocab['<bos>'],
        content: '<bos>',
        special: true,
        normalized: false,
        lstrip: false,
        rstrip: false,
        single_word: false,
      },
      ...ADDED.map((content) => ({
        id: vocab[content],
        content,
        special: false,
        normalized: false,
        lstrip: false,
        rstrip: false,
        single_word: false,
      })),
    ],
    normalizer: { type: 'Replace', pattern: { String: ' ' }, content: '▁' },
    pre_tokenizer: { type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: false },
    post_processor: null,
    decoder: null,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<unk>',
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: true,
      byte_fallback: true,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}

/** Random merges over a, b, c, ▁, 中 (each combining two earlier tokens), in shuffled priority. */
const mergeLists = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }).chain((picks) => {
  const tokens = ['a', 'b', 'c', '▁', '中'];
  const merges: [string, string][] = [];
  const seen = new Set<string>();
  for (const [i, j] of picks) {
    const left = tokens[i % tokens.length];
    const right = tokens[j % tokens.length];
    if (left.length + right.length > 12 || seen.has(`${left}\0${right}`)) continue;
    seen.add(`${left}\0${right}`);
    merges.push([left, right]);
    if (!tokens.includes(left + right)) tokens.push(left + right);
  }
  return fc.shuffledSubarray(merges, { minLength: merges.length, maxLength: merges.length });
});
const texts = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', ' ', '▁', '中', '\n', '\t', 'd', '😀', '<b>', '\ud800'),
  maxLength: 80,
});

function reference(json: Record<string, unknown>): (text: string) => number {
  const { Tokenizer } = require('@huggingface/tokenizers') as typeof import('@huggingface/tokenizers');
  const tokenizer = new Tokenizer(
    { ...json, added_tokens: (json.added_tokens as { special: boolean }[]).filter((token) => !token.special) },
    {},
  );
  return (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length;
}

describe('SentencePiece-style BPE on synthetic vocabularies', () => {
  it('counts what Hugging Face counts, whatever the merge order (random vocabularies and texts)', () => {
    fc.assert(
      fc.property(mergeLists, fc.array(texts, { minLength: 1, maxLength: 5 }), (merges, samples) => {
        const json = tokenizerJson(merges);
        const counter = new SentencePieceCounter(rankTableFromSentencePiece('gemma3', json, 'synthetic'));
        const expected = reference(json);
        for (const text of samples) assert.equal(counter.count(text), expected(text), JSON.stringify(text));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('merges long pieces exactly (the heap), and counts characters outside the vocabulary as bytes', () => {
    const json = tokenizerJson([
      ['a', 'b'],
      ['b', 'a'],
      ['ab', 'a'],
      ['a', 'ba'],
      ['▁', 'a'],
      ['ab', 'ab'],
      ['▁', '▁'],
    ]);
    const counter = new SentencePieceCounter(rankTableFromSentencePiece('gemma3', json, 'synthetic'));
    const expected = reference(json);
    for (const text of ['ab'.repeat(3000), 'aba '.repeat(2000), ' '.repeat(5000), 'é😀d', '\ud800\udc00\udc00']) {
      assert.equal(counter.count(text), expected(text), JSON.stringify(text.slice(0, 20)));
    }
    assert.equal(counter.count('é'), 2, 'two UTF-8 bytes, two byte tokens');
  });

  it('refuses a tokenizer.json it does not model, saying why', () => {
    const valid = tokenizerJson([['a', 'b']]);
    const refuses = (json: Record<string, unknown>, reason: RegExp): void =>
      assert.throws(() => rankTableFromSentencePiece('gemma3', json, 'x.json'), reason);
    const model = valid.model as Record<string, unknown>;
    refuses({ ...valid, model: { ...model, byte_fallback: false } }, /byte_fallback is off/);
    refuses({ ...valid, model: { ...model, type: 'Unigram' } }, /not BPE/);
    refuses({ ...valid, normalizer: { type: 'NFC' } }, /normalizer/);
    refuses({ ...valid, model: { ...model, merges: [['a', 'z']] } }, /does not combine two tokens/);
    const added = valid.added_tokens as { content: string; special: boolean }[];
    refuses(
      { ...valid, added_tokens: added.filter((token) => token.content !== '\t') },
      /"\\t" alone is not an added token/,
    );
  });
});
