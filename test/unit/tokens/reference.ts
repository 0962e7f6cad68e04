/**
 * Test helpers: js-tiktoken as the reference tokenizer, and generators of adversarial text.
 */
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import type { EncodingName } from '../../../src/core/profiles/modelProfile';

export const ENCODINGS: EncodingName[] = ['o200k_base', 'cl100k_base'];

const references = new Map<EncodingName, Tiktoken>();

function reference(encoding: EncodingName): Tiktoken {
  let tokenizer = references.get(encoding);
  if (!tokenizer) {
    tokenizer = new Tiktoken(require(`js-tiktoken/ranks/${encoding}`));
    references.set(encoding, tokenizer);
  }
  return tokenizer;
}

/** js-tiktoken's count with special-token strings treated as plain text. */
export function referenceCount(encoding: EncodingName, text: string): number {
  return reference(encoding).encode(text, [], []).length;
}

const wasmEncoders = new Map<EncodingName, { encode(text: string, allowed?: string[], disallowed?: string[]): Uint32Array }>();

/**
 * The original tokenizer (tiktoken's Rust core, as WASM): fast enough for long single pieces,
 * where js-tiktoken's merge loop is cubic.
 */
export function wasmReferenceCount(encoding: EncodingName, text: string): number {
  let encoder = wasmEncoders.get(encoding);
  if (!encoder) {
    encoder = (require('tiktoken') as { get_encoding(name: string): typeof encoder }).get_encoding(encoding);
    wasmEncoders.set(encoding, encoder!);
  }
  return encoder!.encode(text, [], []).length;
}

/** js-tiktoken's own pre-split pattern for an encoding. */
export function preSplitPattern(encoding: EncodingName): RegExp {
  return new RegExp((require(`js-tiktoken/ranks/${encoding}`) as { pat_str: string }).pat_str, 'gu');
}

/** Fragments chosen to sit on every alternative of the pre-split patterns and their edges. */
export const FRAGMENTS = [
  ' ', '  ', '   ', '\t', '\t\t', '\n', '\n\n', '\r\n', '\r', '\r\r\n', ' \n', '  \n  ', '\n ', '\u00a0', '\u2028', '\u3000', '\u200b', '\ufeff',
  'word', 'Word', 'WORD', 'HTTPServer', 'camelCase', 'snake_case', 'ǅungla', 'naïve', 'e\u0301', '\u0301', 'Straße',
  "'s", "'S", "'ll", "'LL", "'re", "'Ve", "'d", "'m", "'t", "don't", "it's", "'", "''", '’s',
  '1', '12', '123', '1234', '1234567', '3.14159', '1,000,000', '²', 'Ⅻ', '٣٤٥',
  '.', '...', '!!!', '?!', ',', ';', '(', ')', '{', '}', '[]', '=>', '===', '/', '//', '/*', '*/', './path/to', 'http://x.y/z', '"', '""', '#', '##', '- ', '* ',
  '<|endoftext|>', '<|fim_prefix|>', '<|fim_middle|>', '<|fim_suffix|>', '<|endofprompt|>', '<|im_start|>',
  '日本語のテキスト', '中文文本。', '한국어', 'العربية', 'Ελληνικά', 'кириллица',
  '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '\ud83d', '\ude00',
  'const x = (y) => y ** 2;', 'def f(a, b):\n    return a + b\n', '{"key": [1, 2.5, null], "k2": "v"}', 'SELECT * FROM t WHERE id = 42;',
  'aGVsbG8gd29ybGQ=', 'ERROR 2024-05-01T12:00:00Z something failed\n',
];

/** Random text: fragments and arbitrary strings mixed, up to `maxParts` parts. */
export function adversarialText(maxParts = 120): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[ \t\r\n]{1,12}$/) },
  );
  return fc.array(part, { maxLength: maxParts }).map((parts) => parts.join(''));
}

/** Longer documents, so that chunking actually cuts (chunks are ≥ 256 chars). */
export function adversarialDocument(): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[ \t\r\n]{1,12}$/) },
  );
  return fc.array(part, { minLength: 50, maxLength: 600, size: 'max' }).map((parts) => parts.join(''));
}
