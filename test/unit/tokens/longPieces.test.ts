/**
 * Long pathological pieces (issue 18: 10 MB of one letter took 12 s): the near-linear rank sweep
 * (rankSweepMergeCount.ts) must count exactly what tiktoken counts.
 *
 * References: js-tiktoken where it is fast enough (its merge loop is cubic on one long piece: 5,000
 * `a` take it about 5 s, so single-piece shapes are checked at 1,000 chars there, many-piece shapes
 * at 100,000), and tiktoken's own Rust core (the WASM build js-tiktoken ports) for single pieces of
 * 20,000–50,000 chars. Synthetic vocabularies whose ranks are not in merge order reach the sweep's
 * fallback heap, which the shipped vocabularies never need.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import { bytePairCount } from '../../../src/core/tokens/bytePairCount';
import { ENCODING_SOURCES } from '../../../src/core/tokens/encodingSources';
import { ENCODING_NAMES, loadRankTable } from '../../../src/core/tokens/loadRankTable';
import { buildRankHashTable } from '../../../src/core/tokens/rankHashTable';
import { rankSweepMergeCount } from '../../../src/core/tokens/rankSweepMergeCount';
import { createTokenCounter } from '../../../src/core/tokens/tokenCounter';
import { ENCODINGS, referenceCount, wasmReferenceCount } from './reference';

const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** mulberry32: seeded, so a failure names a text that can be rebuilt. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(alphabet: string, length: number, seed: number): string {
  const random = seeded(seed);
  const chars = [...alphabet];
  let text = '';
  for (let i = 0; i < length; i++) text += chars[Math.floor(random() * chars.length)];
  return text;
}

/** One pre-split piece each (in both OpenAI patterns), however long: the shapes that made the merge slow. */
function singlePieceShapes(length: number): [string, string][] {
  return [
    ['one letter', 'a'.repeat(length)],
    ['two letters alternating', 'ab'.repeat(length / 2)],
    ['random lowercase letters', randomText('abcdefghijklmnopqrstuvwxyz', length, 1)],
    ['four letters at random', randomText('aeio', length, 2)],
    ['spaces', ' '.repeat(length)],
    ['spaces and tabs at random', randomText(' \t', length, 7)],
    ['newlines', '\n'.repeat(length)],
    ['a line of =', '='.repeat(length)],
    ['punctuation at random', randomText('=-*#_.', length, 3)],
    ['é (2 bytes each)', 'é'.repeat(length / 2)],
    ['中 (3 bytes each)', '中'.repeat(Math.floor(length / 3))],
    ['CJK at random', randomText('日本語中文的一是不了人我在有', Math.floor(length / 3), 4)],
    ['😀 (4 bytes each)', '😀'.repeat(length / 4)],
  ];
}

/** Many short pieces, but long runs of them: cheap for every tokenizer, must stay exact here too. */
function manyPieceShapes(length: number): [string, string][] {
  return [
    ['repeated digit pairs', '12'.repeat(length / 2)],
    ['random digits', randomText('0123456789', length, 5)],
    ['base64-like', randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', length, 6)],
    ['capitalised words', 'Aa '.repeat(length / 3)],
    ['one letter then spaces, repeated', 'a '.repeat(length / 2)],
  ];
}

describe('long pathological pieces', () => {
  for (const encoding of ENCODINGS) {
    describe(encoding, () => {
      it('single pieces of 1,000 chars: the same count as js-tiktoken', () => {
        const counter = createTokenCounter(encoding);
        for (const [name, text] of singlePieceShapes(1000)) {
          assert.equal(counter.count(text), referenceCount(encoding, text), name);
        }
      });

      it('runs of 100,000 chars in many pieces: the same count as js-tiktoken', () => {
        const counter = createTokenCounter(encoding);
        for (const [name, text] of manyPieceShapes(100_000)) {
          assert.equal(counter.count(text), referenceCount(encoding, text), name);
        }
      });

      it('single pieces of 20,000 chars, and one letter × 50,000: the same count as tiktoken (Rust core, WASM) @slow', () => {
        const counter = createTokenCounter(encoding);
        for (const [name, text] of [
          ...singlePieceShapes(20_000),
          ['one letter × 50,000', 'x'.repeat(50_000)] as [string, string],
        ]) {
          assert.equal(counter.count(text), wasmReferenceCount(encoding, text), name);
        }
      });
    });
  }

  // Byte-level vocabularies only: Gemma 3 merges characters by its own rule (sentencePieceCount.ts).
  for (const encoding of ENCODING_NAMES.filter((name) => ENCODING_SOURCES[name].format !== 'sentencepiece-bpe')) {
    it(`${encoding}: the rank sweep and the scan merge agree on random pieces of repetitive bytes`, () => {
      const { ranks } = loadRankTable(encoding);
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({
              unit: fc.constantFrom('a', 'b', 'aa', 'ab', ' ', '  ', '=', '\n', 'é', '中'),
              minLength: 1,
              maxLength: 200,
            }),
            fc.string({ unit: 'binary', minLength: 2, maxLength: 60 }),
          ),
          (text) => {
            const bytes = latin1(text);
            assert.equal(bytePairCount(bytes, ranks, 0), bytePairCount(bytes, ranks, Number.POSITIVE_INFINITY));
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  describe('vocabularies whose ranks are not in merge order (a merge can make a pair of lower rank)', () => {
    /** A random vocabulary over a, b, c: the three bytes, then random longer tokens at shuffled ranks. */
    const vocabulary = fc
      .uniqueArray(fc.stringMatching(/^[abc]{2,5}$/), { minLength: 1, maxLength: 40 })
      .map((tokens) => ['a', 'b', 'c', ...tokens]);
    const text = fc.stringMatching(/^[abc]{0,120}$/);

    it('tiktoken rule: the rank sweep counts what js-tiktoken counts with the same vocabulary', () => {
      fc.assert(
        fc.property(vocabulary, text, (tokens, piece) => {
          const ranks = buildRankHashTable(tokens);
          const reference = new Tiktoken({
            pat_str: '[abc]+',
            special_tokens: { '<|end|>': tokens.length },
            bpe_ranks: `! 0 ${tokens.map((token) => Buffer.from(token, 'latin1').toString('base64')).join(' ')}`,
          });
          assert.equal(bytePairCount(piece, ranks, 0), reference.encode(piece, [], []).length);
        }),
        { numRuns: 300 },
      );
    });

    it('listed-pair rule (merge splits): the rank sweep and the scan merge agree', () => {
      fc.assert(
        fc.property(
          vocabulary,
          fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
          text,
          (tokens, splitChoices, piece) => {
            const splits = Uint16Array.from(tokens, (token, rank) =>
              token.length < 2 ? 0xffff : 1 + (splitChoices[rank % splitChoices.length] % (token.length - 1)),
            );
            const ranks = buildRankHashTable(tokens, splits);
            assert.equal(rankSweepMergeCount(piece, ranks), bytePairCount(piece, ranks, Number.POSITIVE_INFINITY));
          },
        ),
        { numRuns: 300 },
      );
    });

    it('the lower-rank pair is merged before the rest of the current rank (hand-made case)', () => {
      // "ab" is rank 3 and "aba" rank 2: merging the first a|b makes the pair ab|a, of a lower rank
      // than the sweep's current one, and it must merge before the next "ab" to its right
      // (tiktoken: aba|bb, 2 tokens; merging the next "ab" first would leave ab|ab|b, 3).
      const tokens = ['a', 'b', 'aba', 'ab', 'bb'];
      const ranks = buildRankHashTable(tokens);
      const reference = new Tiktoken({
        pat_str: '[ab]+',
        special_tokens: { '<|end|>': tokens.length },
        bpe_ranks: `! 0 ${tokens.map((token) => Buffer.from(token, 'latin1').toString('base64')).join(' ')}`,
      });
      for (const piece of ['ababb', 'ababbabab', 'abababb']) {
        assert.equal(rankSweepMergeCount(piece, ranks), reference.encode(piece, [], []).length, piece);
      }
      assert.equal(rankSweepMergeCount('ababb', ranks), 2);
    });
  });
});
