/**
 * Reference tokenizers for the open families, used only in tests:
 *  - Llama 3, Qwen, DeepSeek, Gemma 3: Hugging Face's own JavaScript implementation
 *    (@huggingface/tokenizers) over the family's published tokenizer.json;
 *  - Mistral Tekken: tiktoken's Rust core (the `tiktoken` package's WASM build), which is what
 *    Mistral's own tokenizer runs, over the Tekken ranks and pattern.
 * Special tokens are counted as text, as our counter does (docs/tokenizers.md): the reference is
 * built without its added tokens, and tiktoken is called with no special tokens allowed. Gemma 3
 * keeps its non-special added tokens (`<unusedN>`, HTML tags, newline and tab runs): they are part
 * of how it tokenizes ordinary text.
 */
import { readFileSync } from 'node:fs';
import type { EncodingName } from '../../../src/core/profiles/modelProfile';
import { ENCODING_SOURCES, encodingSourceFile } from '../../../src/core/tokens/encodingSources';

export const OPEN_ENCODINGS: EncodingName[] = ['llama3', 'qwen2', 'deepseek_v3', 'tekken', 'gemma3'];

interface Encoder {
  count(text: string): number;
}

const encoders = new Map<EncodingName, Encoder>();

function load(encoding: EncodingName): Encoder {
  const source = ENCODING_SOURCES[encoding];
  const json = JSON.parse(readFileSync(encodingSourceFile(encoding), 'utf8'));
  if (source.format === 'hugging-face' || source.format === 'sentencepiece-bpe') {
    // The package is ESM-first; its CommonJS build is the one mocha's require can load.
    const { Tokenizer } = require('@huggingface/tokenizers') as typeof import('@huggingface/tokenizers');
    const addedTokens =
      source.format === 'sentencepiece-bpe'
        ? (json.added_tokens as { special: boolean }[]).filter((token) => !token.special)
        : [];
    const tokenizer = new Tokenizer({ ...json, added_tokens: addedTokens }, {});
    return { count: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length };
  }
  const { Tiktoken } = require('tiktoken/lite') as typeof import('tiktoken/lite');
  const tiktoken = new Tiktoken(json.bpe_ranks, {}, json.config.pattern);
  return { count: (text) => tiktoken.encode(text, [], []).length };
}

/** The family's published tokenizer's count of `text`, special-token strings counted as text. */
export function openReferenceCount(encoding: EncodingName, text: string): number {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = load(encoding);
    encoders.set(encoding, encoder);
  }
  return encoder.count(text);
}
