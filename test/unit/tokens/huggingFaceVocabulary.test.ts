import { strict as assert } from 'node:assert';
import { rankTableFromHuggingFace } from '../../../src/core/tokens/huggingFaceVocabulary';
import { bytePairCount } from '../../../src/core/tokens/bytePairCount';
import { NO_MERGE } from '../../../src/core/tokens/rankHashTable';

/** GPT-2's byte-level alphabet, as tokenizer.json writes bytes. */
function byteLevel(byte: number): string {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  if (printable(byte)) return String.fromCharCode(byte);
  let extra = 0;
  for (let b = 0; b < byte; b++) if (!printable(b)) extra++;
  return String.fromCharCode(256 + extra);
}

/** A tiny listed-pairs vocabulary: the 256 bytes, then "ab" (a+b), "bc" (b+c), "abc" (ab+c). */
function tokenizer(overrides: Record<string, unknown> = {}, model: Record<string, unknown> = {}): unknown {
  const vocab: Record<string, number> = {};
  for (let byte = 0; byte < 256; byte++) vocab[byteLevel(byte)] = byte;
  Object.assign(vocab, { ab: 256, bc: 257, abc: 258 });
  return {
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: '\\p{L}+|\\s+' }, behavior: 'Isolated', invert: false },
        { type: 'ByteLevel', add_prefix_space: false, use_regex: false },
      ],
    },
    model: {
      type: 'BPE',
      vocab,
      merges: [
        ['a', 'b'],
        ['b', 'c'],
        ['ab', 'c'],
      ],
      ...model,
    },
    ...overrides,
  };
}

describe('reading a Hugging Face tokenizer.json (byte-level BPE)', () => {
  it('records where each listed merge splits its token, and merges only there', () => {
    const table = rankTableFromHuggingFace('qwen2', tokenizer(), 'listed-pairs', 'test.json');
    assert.deepEqual(table.preSplit, { patterns: ['\\p{L}+|\\p{White_Space}+'] });
    const splits = table.ranks.mergeSplits!;
    assert.deepEqual([splits[97], splits[256], splits[257], splits[258]], [NO_MERGE, 1, 1, 2]);
    assert.equal(bytePairCount('abc', table.ranks), 1, 'a+b, then ab+c');
    // Lowest listed merge first: a+b (256), then b+c (257); "bc"+"ab" is no token.
    assert.equal(bytePairCount('bcab', table.ranks), 2);
    // "a"+"bc" makes the bytes of "abc", but that pair is not listed: two tokens.
    assert.equal(table.ranks.mergeRankOf('abc', 0, 1, 3), -1);
  });

  it('reads NFC normalization and a sequence of splits', () => {
    const json = tokenizer({ normalizer: { type: 'NFC' } }) as { pre_tokenizer: { pretokenizers: unknown[] } };
    json.pre_tokenizer.pretokenizers.unshift({
      type: 'Split',
      pattern: { Regex: '\\p{N}{1,3}' },
      behavior: 'Isolated',
      invert: false,
    });
    const table = rankTableFromHuggingFace('deepseek_v3', json, 'listed-pairs', 'test.json');
    assert.deepEqual(table.preSplit, { patterns: ['\\p{N}{1,3}', '\\p{L}+|\\p{White_Space}+'], normalization: 'NFC' });
  });

  it('refuses what it does not model, naming the file and the reason', () => {
    const refuse = (json: unknown, rule: 'listed-pairs' | 'lowest-rank', reason: RegExp) =>
      assert.throws(
        () => rankTableFromHuggingFace('qwen2', json, rule, 'models/tokenizer.json'),
        (error: Error) => error.message.startsWith('models/tokenizer.json: ') && reason.test(error.message),
      );
    refuse(tokenizer({}, { type: 'Unigram' }), 'listed-pairs', /model type is Unigram, not BPE/);
    refuse(tokenizer({}, { byte_fallback: true }), 'listed-pairs', /byte_fallback/);
    refuse(tokenizer({ normalizer: { type: 'NFKC' } }), 'listed-pairs', /normalizer NFKC/);
    refuse(tokenizer({ pre_tokenizer: { type: 'Metaspace' } }), 'listed-pairs', /not a Sequence/);
    refuse(
      tokenizer(
        {},
        {
          merges: [
            ['b', 'c'],
            ['a', 'b'],
            ['ab', 'c'],
          ],
        },
      ),
      'listed-pairs',
      /merge order differs from id order/,
    );
    refuse(
      tokenizer(
        {},
        {
          merges: [
            ['a', 'b'],
            ['b', 'c'],
            ['ab', 'c'],
            ['a', 'bc'],
          ],
        },
      ),
      'listed-pairs',
      /made by two merges/,
    );
    refuse(tokenizer({}, { merges: [['a', 'x']] }), 'listed-pairs', /makes no token/);
    refuse(tokenizer(), 'lowest-rank', /needs ignore_merges/);
  });
});
