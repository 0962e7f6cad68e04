/**
 * Reads a Hugging Face `tokenizer.json` converted from a SentencePiece BPE model (Gemma 3) into
 * our rank table: the tokens' UTF-8 bytes by id, every merge in priority order
 * (sentencePieceTables.ts), the non-special added tokens, and what the chunker relies on.
 *
 * The algorithm this models (Hugging Face's, which the tests compare against):
 *  1. non-special added tokens (`<unusedN>`, HTML tags, runs of newlines, tabs or "▁") are cut out
 *     of the raw text, leftmost first, longest at a position; each is one token;
 *  2. every other stretch is normalized (each space becomes "▁") and is one piece: the
 *     pre-tokenizer splits on spaces, and none are left after normalization;
 *  3. each piece is merged character by character (code points, not bytes), the listed merge of
 *     lowest rank first, leftmost on ties; a character that is not a token becomes its UTF-8
 *     bytes as `<0xNN>` tokens (byte fallback), which no merge joins.
 * Anything this does not model (another model, normalizer or pre-tokenizer, subword prefixes,
 * no byte fallback, added tokens that strip or are normalized) is refused with the reason, so a
 * new vocabulary is never counted with a silently different algorithm. Special added tokens
 * (`<bos>`, `<start_of_turn>`…) are left out: their text is counted as text (docs/tokenizers.md).
 */
import type { EncodingName } from '../profiles/modelProfile';
import type { RankTable } from './rankTable';
import { groupMerges, type SentencePieceTables } from './sentencePieceTables';
import { buildSortedTokenTable } from './sortedTokenTable';
import type { BpeModelJson } from './huggingFaceVocabulary';

interface AddedTokenJson {
  id: number;
  content: string;
  special: boolean;
  normalized?: boolean;
  lstrip?: boolean;
  rstrip?: boolean;
  single_word?: boolean;
}

interface TokenizerJson {
  added_tokens?: AddedTokenJson[];
  normalizer?: { type: string; pattern?: { String?: string }; content?: string } | null;
  pre_tokenizer?: { type: string; pattern?: { String?: string }; invert?: boolean } | null;
  model?: BpeModelJson;
}

/** The characters the chunker cuts next to (sentencePieceBoundary.ts): always cut out as added tokens. */
export const RUN_CHARACTERS = ['\n', '\t'];

/**
 * Carried in the rank file's header: Gemma's terms (section 3.1) require modified files to say they
 * were modified, and every distribution to carry this notice (media/licences/GEMMA-NOTICE.txt).
 */
export const GEMMA_NOTICE =
  'Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms. ' +
  "Modified file: Gemma 3's tokenizer.json converted by Minimal Viable Prompt's build into its compact rank format " +
  '(media/licences/GEMMA-NOTICE.txt, GEMMA-TERMS-OF-USE.txt).';

export function rankTableFromSentencePiece(
  encoding: EncodingName,
  json: unknown,
  source: string,
  notice?: string,
): RankTable {
  const fail = (what: string): never => {
    throw new Error(
      `${source}: ${what}; this reader handles SentencePiece-style BPE tokenizers like Gemma 3's only (see src/core/tokens/sentencePieceVocabulary.ts)`,
    );
  };
  const tokenizer = json as TokenizerJson;
  const model = tokenizer.model ?? fail('no model');
  if (model.type !== 'BPE') fail(`model type is ${model.type ?? 'missing'}, not BPE`);
  if (!model.byte_fallback) fail('byte_fallback is off');
  if (model.ignore_merges) fail('ignore_merges is on');
  if (model.continuing_subword_prefix || model.end_of_word_suffix) fail('it uses subword prefixes or suffixes');
  const normalizer = tokenizer.normalizer;
  if (normalizer?.type !== 'Replace' || normalizer.pattern?.String !== ' ' || normalizer.content !== '▁')
    fail('the normalizer is not Replace(" " → "▁")');
  // Splitting on spaces after every space became "▁" splits nothing: the whole stretch is one piece.
  const preTokenizer = tokenizer.pre_tokenizer;
  if (preTokenizer && !(preTokenizer.type === 'Split' && preTokenizer.pattern?.String === ' ' && !preTokenizer.invert))
    fail('the pre-tokenizer is not a split on " " (which normalization leaves nothing to split)');

  const vocab = model.vocab ?? fail('no vocab');
  const texts: string[] = [];
  for (const [text, id] of Object.entries(vocab)) {
    if (!Number.isInteger(id) || id < 0) fail(`token ${JSON.stringify(text)} has id ${id}`);
    if (texts[id] !== undefined) fail(`id ${id} is used twice`);
    texts[id] = text;
  }
  for (let id = 0; id < texts.length; id++)
    if (texts[id] === undefined) fail(`ids are not contiguous (${id} is missing)`);
  for (let byte = 0; byte < 256; byte++) {
    const name = `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
    if (vocab[name] === undefined) fail(`byte fallback token ${name} is missing`);
  }
  const tokens = texts.map((text) => Buffer.from(text, 'utf8').toString('latin1'));

  const merges = model.merges ?? fail('no merges');
  const mergeResults = new Uint32Array(merges.length);
  const mergeLeftBytes = new Uint8Array(merges.length);
  for (const [rank, merge] of merges.entries()) {
    const [left, right] = typeof merge === 'string' ? splitMerge(merge) : merge;
    const result = vocab[left + right];
    if (vocab[left] === undefined || vocab[right] === undefined || result === undefined)
      fail(`merge ${rank} (${JSON.stringify(merge)}) does not combine two tokens into a token`);
    const leftBytes = Buffer.byteLength(left, 'utf8');
    if (leftBytes > 255) fail(`merge ${rank} has a left part of ${leftBytes} bytes`);
    mergeResults[rank] = result;
    mergeLeftBytes[rank] = leftBytes;
  }

  const added = (tokenizer.added_tokens ?? []).filter((token) => !token.special);
  for (const token of added) {
    if (texts[token.id] !== token.content) fail(`added token ${token.id} is not its vocabulary entry`);
    if (token.normalized || token.lstrip || token.rstrip || token.single_word)
      fail(`added token ${JSON.stringify(token.content)} is normalized or strips; only raw matching is modelled`);
    // The chunker's cuts rely on these (sentencePieceBoundary.ts).
    if (token.content.includes(' ')) fail(`added token ${JSON.stringify(token.content)} contains a space`);
    for (const char of RUN_CHARACTERS) {
      if (token.content.includes(char) && token.content !== char.repeat(token.content.length))
        fail(`added token ${JSON.stringify(token.content)} mixes ${JSON.stringify(char)} with other characters`);
    }
  }
  for (const char of RUN_CHARACTERS)
    if (!added.some((token) => token.content === char)) fail(`${JSON.stringify(char)} alone is not an added token`);

  const sentencePiece: SentencePieceTables = {
    // By id: the order does not matter to matching (longest first at each position).
    addedTokens: [...added].sort((a, b) => a.id - b.id).map((token) => token.content),
    charsBeforeSpace: charsBeforeSpace(texts),
    maxTokenBytes: tokens.reduce((longest, token) => Math.max(longest, token.length), 0),
    ...groupMerges(mergeResults, mergeLeftBytes, texts.length),
  };
  // Sorted, as the shipped file is (rankTable.ts), so that the tests and benchmarks that count from
  // the sources run the lookup the extension runs. Tokens are distinct: ids and texts are one-to-one.
  const table: RankTable = {
    encoding,
    preSplit: { patterns: [] },
    ranks: buildSortedTokenTable(tokens),
    sentencePiece,
  };
  return notice === undefined ? table : { ...table, notice };
}

/** Code points (other than "▁") that some token has right before a "▁", in code point order. */
function charsBeforeSpace(texts: string[]): string {
  const found = new Set<number>();
  for (const text of texts) {
    const chars = Array.from(text);
    for (let i = 1; i < chars.length; i++)
      if (chars[i] === '▁' && chars[i - 1] !== '▁') found.add(chars[i - 1].codePointAt(0) as number);
  }
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}

function splitMerge(merge: string): [string, string] {
  const space = merge.indexOf(' ');
  return [merge.slice(0, space), merge.slice(space + 1)];
}
