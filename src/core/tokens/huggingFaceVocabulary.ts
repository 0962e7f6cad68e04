/**
 * Reads a Hugging Face `tokenizer.json` of a byte-level BPE model (Llama 3, Qwen 2/2.5/3,
 * DeepSeek V3/R1) into our rank table: token bytes by id, the pre-split and normalization, and
 * for vocabularies merged by their list of pairs the one split each token's merge makes.
 *
 * Two merge rules, chosen per family (encodingSources.ts) and checked against the file here:
 *  - 'lowest-rank' (tiktoken): any two adjacent parts that make a token merge, lowest id first,
 *    and a piece that is a token is that token. Llama 3's vocabulary is tiktoken's (Meta's own
 *    tokenizer runs tiktoken); its tokenizer.json says so with `ignore_merges` and lists every
 *    split of every token as a merge, in id order.
 *  - 'listed-pairs' (Hugging Face BPE): only the listed pair makes a token, in list order. Qwen and
 *    DeepSeek list one merge per token, in id order, so the id is the merge priority and the pair
 *    is recorded as where the token splits (RankHashTable.mergeSplits).
 * Anything this reader does not model (another model type, byte fallback, subword prefixes,
 * another normalizer or pre-tokenizer, merges out of id order) is refused with the reason, so a
 * new vocabulary is never counted with a silently different algorithm.
 * Added tokens (special tokens) are left out: their text is counted as text (docs/tokenizers.md).
 */
import type { EncodingName } from '../profiles/modelProfile';
import type { Normalization, PreSplitSpec } from './preSplit';
import { buildRankHashTable, NO_MERGE } from './rankHashTable';
import type { RankTable } from './rankTable';
import { translatePattern } from './translatePattern';

export type MergeRule = 'lowest-rank' | 'listed-pairs';

/** The `model` of a Hugging Face tokenizer.json with a BPE model (both vocabulary readers). */
export interface BpeModelJson {
  type?: string;
  byte_fallback?: boolean;
  continuing_subword_prefix?: string | null;
  end_of_word_suffix?: string | null;
  ignore_merges?: boolean;
  vocab?: Record<string, number>;
  merges?: (string | [string, string])[];
}

interface TokenizerJson {
  normalizer?: { type: string; normalizers?: unknown[] } | null;
  pre_tokenizer?: { type: string; pretokenizers?: PreTokenizerJson[] } | null;
  model?: BpeModelJson;
}

interface PreTokenizerJson {
  type: string;
  pattern?: { Regex?: string; String?: string };
  behavior?: string;
  invert?: boolean;
  add_prefix_space?: boolean;
  use_regex?: boolean;
}

export function rankTableFromHuggingFace(
  encoding: EncodingName,
  json: unknown,
  mergeRule: MergeRule,
  source: string,
): RankTable {
  const fail = (what: string): never => {
    throw new Error(
      `${source}: ${what}; this reader handles byte-level BPE tokenizers only (see src/core/tokens/huggingFaceVocabulary.ts)`,
    );
  };
  const tokenizer = json as TokenizerJson;
  const model = tokenizer.model;
  if (!model || model.type !== 'BPE') fail(`model type is ${model?.type ?? 'missing'}, not BPE`);
  if (model!.byte_fallback) fail('byte_fallback is on');
  if (model!.continuing_subword_prefix || model!.end_of_word_suffix) fail('it uses subword prefixes or suffixes');
  if (mergeRule === 'lowest-rank' && !model!.ignore_merges)
    fail('the lowest-rank rule needs ignore_merges (a tiktoken-derived vocabulary)');
  const preSplit = readPreSplit(tokenizer, fail);

  const decode = byteLevelDecoder();
  const vocab = model!.vocab ?? fail('no vocab');
  const tokens: string[] = [];
  const notByteLevel = new Set<number>();
  for (const [text, id] of Object.entries(vocab)) {
    if (!Number.isInteger(id) || id < 0) fail(`token ${JSON.stringify(text)} has id ${id}`);
    if (tokens[id] !== undefined) fail(`id ${id} is used twice`);
    const bytes = decode(text);
    if (bytes === undefined) {
      // A special token stored in the vocabulary (DeepSeek's "<｜begin▁of▁sentence｜>"): no merge makes it.
      notByteLevel.add(id);
      tokens[id] = Buffer.from(text, 'utf8').toString('latin1');
    } else {
      tokens[id] = bytes;
    }
  }
  for (let id = 0; id < tokens.length; id++)
    if (tokens[id] === undefined) fail(`ids are not contiguous (${id} is missing)`);
  if (mergeRule === 'lowest-rank' && notByteLevel.size > 0)
    fail(`${notByteLevel.size} vocabulary entries are not byte-level text`);

  const idOf = new Map<string, number>();
  tokens.forEach((bytes, id) => idOf.set(bytes, id));
  for (let byte = 0; byte < 256; byte++)
    if (!idOf.has(String.fromCharCode(byte))) fail(`byte 0x${byte.toString(16)} has no token`);

  const splits = new Uint16Array(tokens.length).fill(NO_MERGE);
  let lastNewId = -1;
  for (const [index, merge] of (model!.merges ?? fail('no merges')).entries()) {
    const [left, right] = typeof merge === 'string' ? splitMerge(merge) : merge;
    const leftBytes = decode(left);
    const rightBytes = decode(right);
    if (leftBytes === undefined || rightBytes === undefined) return fail(`merge ${index} is not byte-level text`);
    const id = idOf.get(leftBytes + rightBytes);
    if (id === undefined) return fail(`merge ${index} (${JSON.stringify(merge)}) makes no token`);
    if (splits[id] !== NO_MERGE) {
      if (mergeRule === 'listed-pairs') fail(`token ${id} is made by two merges; the listed-pairs rule records one`);
      continue;
    }
    // Merge priority must follow ids, so that the rank table's order is the merge order.
    if (id < lastNewId)
      fail(`merge ${index} makes token ${id} after token ${lastNewId}: merge order differs from id order`);
    lastNewId = id;
    splits[id] = leftBytes.length;
  }
  return { encoding, preSplit, ranks: buildRankHashTable(tokens, mergeRule === 'listed-pairs' ? splits : undefined) };
}

function readPreSplit(tokenizer: TokenizerJson, fail: (what: string) => never): PreSplitSpec {
  let normalization: Normalization | undefined;
  const normalizer = tokenizer.normalizer;
  if (normalizer && !(normalizer.type === 'Sequence' && (normalizer.normalizers ?? []).length === 0)) {
    if (normalizer.type === 'NFC') normalization = 'NFC';
    else fail(`normalizer ${normalizer.type} is not supported`);
  }
  const preTokenizer = tokenizer.pre_tokenizer;
  if (!preTokenizer || preTokenizer.type !== 'Sequence' || !preTokenizer.pretokenizers?.length)
    return fail('the pre-tokenizer is not a Sequence');
  const steps = preTokenizer.pretokenizers;
  const last = steps[steps.length - 1];
  if (last.type !== 'ByteLevel' || last.use_regex || last.add_prefix_space)
    fail('the pre-tokenizer does not end in a plain ByteLevel step');
  const patterns = steps.slice(0, -1).map((step) => {
    if (step.type !== 'Split' || step.behavior !== 'Isolated' || step.invert || step.pattern?.Regex === undefined) {
      return fail(`pre-tokenizer step ${step.type} (${step.behavior ?? ''}) is not an isolating regex Split`);
    }
    return translatePattern(step.pattern.Regex);
  });
  if (patterns.length === 0) fail('the pre-tokenizer has no Split step');
  return normalization ? { patterns, normalization } : { patterns };
}

function splitMerge(merge: string): [string, string] {
  const space = merge.indexOf(' ');
  return [merge.slice(0, space), merge.slice(space + 1)];
}

/**
 * GPT-2's byte-level alphabet: each byte is written as one printable character (bytes that are
 * printable Latin-1 stand for themselves, the others map to U+0100 upwards). Returns the decoder
 * from such text to a latin1 string of bytes, or undefined for text outside the alphabet.
 */
function byteLevelDecoder(): (text: string) => string | undefined {
  const byteOf = new Map<number, number>();
  let extra = 0;
  for (let byte = 0; byte < 256; byte++) {
    const printable =
      (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
    byteOf.set(printable ? byte : 256 + extra++, byte);
  }
  return (text) => {
    let bytes = '';
    for (let i = 0; i < text.length; i++) {
      const byte = byteOf.get(text.charCodeAt(i));
      if (byte === undefined) return undefined;
      bytes += String.fromCharCode(byte);
    }
    return bytes;
  };
}
