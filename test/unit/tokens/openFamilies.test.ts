/**
 * Exactness of the open families' counts (Llama 3, Qwen 2/2.5/3, DeepSeek V3/R1, Mistral Tekken)
 * against each family's published tokenizer run by a reference implementation (openReference.ts),
 * on an adversarial corpus: special-token text, CJK, emoji, long digit and whitespace runs, code,
 * text NFC changes, pieces long enough for the heap merge; then random text, real prompt files
 * from public repositories, long documents counted chunk by chunk, and documents edited in place.
 * Every comparison must match: 0 mismatches. (All 678 real-world fixture files, 5.25 M chars, were
 * checked once by hand the same way: 0 mismatches; the test keeps every tenth to stay quick.)
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LONG_PIECE_THRESHOLD } from '../../../src/core/tokens/bytePairCount';
import { IncrementalDocumentCount } from '../../../src/core/tokens/incrementalDocumentCount';
import { createTokenCounter, getTokenCounter } from '../../../src/core/tokens/tokenCounter';
import { OPEN_ENCODINGS, openReferenceCount } from './openReference';
import { adversarialDocument, FRAGMENTS } from './reference';

const SPECIAL_TOKEN_TEXT = [
  '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>',
  '<|im_start|>system\nYou are Qwen.<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n',
  '<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜><think>',
  '<s>[INST] hi [/INST]</s>[AVAILABLE_TOOLS][TOOL_CALLS]',
  '<|endoftext|><|fim_prefix|>a<|fim_suffix|>b<|fim_middle|>',
  '<|reserved_special_token_250|><|python_tag|>',
];
const CJK = [
  '日本語のテキストです。句読点、括弧「」も。',
  '中文文本，包含标点：“引号”！还有数字１２３。',
  '한국어 문장입니다. 띄어쓰기도 있습니다.',
  'カタカナ・ひらがな゛゜ー゠ヽヾ',
  '繁體中文與简体中文混合，龥龦𠀋𪚥',
  'ｆｕｌｌｗｉｄｔｈ　ＡＢＣ　１２３',
];
// NFC changes these (Qwen normalizes): decomposed Hangul and Latin, compatibility singletons, an
// excluded composition (U+FB2A), and combining marks in non-canonical order.
const NORMALIZATION = [
  '\u1100\u1161\u11a8 가각',
  'A\u030a \u212b \u00c5',
  '\ufb2a\u05e9\u05c1',
  'e\u0301 e\u0327\u0301 e\u0301\u0327',
  'q\u0307\u0323',
  '\u2126 \u1e9b\u0323',
];
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇫🇷🇯🇵', '❤️‍🔥', '🫠🫠🫠', '\u200d\u200d'];
const DIGITS = [
  ...Array.from({ length: 41 }, (_, n) => '9876543210'.repeat(5).slice(0, n + 1)),
  '3.14159265358979',
  '1,234,567.89',
  '٣٤٥٦',
  '１２３',
  'v1.2.3-rc4',
  '0x1F600',
  '12ab34cd',
];
const WHITESPACE = [
  ...[1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 64].flatMap((n) => [
    ' '.repeat(n),
    '\t'.repeat(n),
    '\n'.repeat(n),
    ' '.repeat(n) + 'x',
    'x' + ' '.repeat(n),
  ]),
  ' \t \n',
  '\r\n\r\n',
  '  \r\n  ',
  '\u00a0\u00a0',
  '\u3000\u3000',
  '\u0085',
  'a\u0085b',
  '\ufeff',
  'a\ufeffb',
  '\u2028\u2029',
  '\u000b\u000c',
];
const CODE = [
  'export function add(a: number, b: number): number {\n  return a + b; // sum\n}\n',
  'def fib(n):\n    """Return n-th Fibonacci."""\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n\n',
  '{"id": 12345, "tags": ["a", "b"], "nested": {"x": null, "y": -1.5e-10}}',
  'SELECT u.name, COUNT(*) AS n FROM users u JOIN orders o ON o.user_id = u.id GROUP BY 1 HAVING n > 10;',
  '#!/bin/bash\nset -euo pipefail\nfor f in *.ts; do echo "$f" | sed -E \'s/\\.ts$//\'; done\n',
  '<div class="a-b_c" data-x=\'1\'>&nbsp;&lt;tag&gt;</div>',
  '!function(e){var t={};function n(r){if(t[r])return t[r].exports}}([]);',
  "/^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)$/i",
  "don't it's we'll THEY'RE I'M you'VE she'D 'S 'ſ ’s",
];
const LONG = [
  'a'.repeat(1000),
  ' '.repeat(1000),
  '中'.repeat(600),
  '1'.repeat(1000),
  '='.repeat(700),
  'aGVsbG8gd29ybGQ'.repeat(80),
  '😀'.repeat(200),
  'x'.repeat(LONG_PIECE_THRESHOLD + 1),
];

const CORPUS = [
  ...FRAGMENTS,
  ...SPECIAL_TOKEN_TEXT,
  ...CJK,
  ...NORMALIZATION,
  ...EMOJI,
  ...DIGITS,
  ...WHITESPACE,
  ...CODE,
  ...LONG,
];

/** The corpus's texts alone and joined in a few ways, so the pieces meet each other too. */
function corpusTexts(): string[] {
  return [
    ...CORPUS,
    CORPUS.join(''),
    CORPUS.join(' '),
    CORPUS.join('\n'),
    [...CORPUS].reverse().join(''),
    CORPUS.slice(0, 200).join('  \n'),
  ];
}

/** Every tenth file of the real-world prompt corpus (agents, skills, instructions from public repositories; test/fixtures/real-world/LICENSES.md). */
function realWorldSample(): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory)
      .sort()
      .flatMap((name) => {
        const file = path.join(directory, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
  return walk(path.resolve(__dirname, '../../fixtures/real-world'))
    .filter((_, index) => index % 10 === 0)
    .map((file) => readFileSync(file, 'utf8'));
}

function mismatches(encoding: (typeof OPEN_ENCODINGS)[number], texts: string[]): string[] {
  const counter = createTokenCounter(encoding);
  const found: string[] = [];
  for (const text of texts) {
    const ours = counter.count(text);
    const reference = openReferenceCount(encoding, text);
    if (ours !== reference)
      found.push(
        `${JSON.stringify(text.slice(0, 60))}${text.length > 60 ? '…' : ''}: ours ${ours}, reference ${reference}`,
      );
  }
  return found;
}

describe('exact counts for the open model families', function () {
  this.timeout(120_000);

  for (const encoding of OPEN_ENCODINGS) {
    describe(encoding, () => {
      before(() => {
        // Both sides load a vocabulary of 128k–151k tokens from node_modules (seconds each).
        getTokenCounter(encoding).count('warm up');
        openReferenceCount(encoding, 'warm up');
      });

      it('matches the published tokenizer on the adversarial corpus (0 mismatches) @slow', () => {
        const texts = corpusTexts();
        const found = mismatches(encoding, texts);
        assert.deepEqual(found, [], `${found.length} of ${texts.length} texts differ`);
      });

      it('matches it on random adversarial text (fixed seed) @slow', () => {
        const part = fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...CORPUS.filter((text) => text.length < 100)) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
          { weight: 1, arbitrary: fc.stringMatching(/^[ \t\r\n]{1,12}$/) },
        );
        const texts = fc.sample(
          fc.array(part, { maxLength: 60 }).map((parts) => parts.join('')),
          { numRuns: 300, seed: 15 },
        );
        const found = mismatches(encoding, texts);
        assert.deepEqual(found, [], `${found.length} of ${texts.length} texts differ`);
      });

      it('matches it on real prompts, skills and agent files from public repositories @slow', () => {
        const texts = realWorldSample();
        assert.ok(texts.length > 50);
        const found = mismatches(encoding, texts);
        assert.deepEqual(found, [], `${found.length} of ${texts.length} files differ`);
      });

      it('stays exact on long documents counted chunk by chunk, and after edits @slow', () => {
        const documents = fc.sample(adversarialDocument(), { numRuns: 12, seed: 4 });
        const found = mismatches(encoding, documents);
        assert.deepEqual(found, [], `${found.length} of ${documents.length} documents differ`);
        const edits = fc.sample(
          fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...CORPUS.filter((text) => text.length < 100))),
          { numRuns: 40, seed: 9 },
        );
        const document = new IncrementalDocumentCount(createTokenCounter(encoding), documents[0]);
        let text = documents[0];
        for (const [at, remove, insert] of edits) {
          const offset = at % (text.length + 1);
          const deleteLength = Math.min(remove, text.length - offset);
          document.applyEdit(offset, deleteLength, insert);
          text = text.slice(0, offset) + insert + text.slice(offset + deleteLength);
        }
        assert.equal(document.currentText(), text);
        assert.ok(document.chunkCount() > 1, 'the document was cut into chunks');
        assert.equal(document.total(), openReferenceCount(encoding, text));
      });
    });
  }

  it('each family counts with its own vocabulary (the counts differ where the vocabularies do) @slow', () => {
    const sample = CORPUS.join('\n');
    const counts = [...OPEN_ENCODINGS, 'o200k_base' as const].map((encoding) =>
      getTokenCounter(encoding).count(sample),
    );
    assert.equal(new Set(counts).size, counts.length, `counts ${counts.join(', ')}`);
  });
});
