/**
 * Where text can be cut so that SentencePiece-style BPE (Gemma 3, sentencePieceCount.ts) counts
 * the two sides to exactly the count of the whole. The byte-level families' rules
 * (safeBoundary.ts) do not carry over: there is no pre-split, so a cut must be a place no added
 * token and no merge can cross. Two kinds are, and the converter (sentencePieceVocabulary.ts)
 * refuses a vocabulary for which they would not be:
 *
 *  1. The two sides of the edge of a run of newlines or tabs ("line|\n", "\n|next", "\t|x").
 *     Every such character is inside an added token (runs of one character are added tokens,
 *     the single character too, and no other added token holds one), so no added token crosses
 *     the cut and the character never reaches merging: the cut is an edge between an added
 *     token and the rest, in the whole text and in each side alone.
 *  2. Before a space, after a character c that is not a space, "▁", or one of the few that some
 *     token has right before "▁" (`charsBeforeSpace`; only ">" for Gemma 3). No added token holds
 *     a space, so the added tokens are cut out alike. Inside a stretch, a merge makes a token, so
 *     no merge can join c and the "▁" after it: the merges left of the cut never involve a part
 *     right of it, and the reference's order (lowest rank, then leftmost) restricted to either
 *     side is that side's own order. So each side merges exactly as it does alone.
 *
 * Both depend only on the two characters next to the cut, as IncrementalDocumentCount needs.
 * test/unit/tokens/sentencePieceBoundary.test.ts checks every cut of short and random texts
 * against the reference tokenizer.
 */

const RUN_UNITS = [0x0a, 0x09];

export function sentencePieceBoundary(charsBeforeSpace: string): (text: string, index: number) => boolean {
  const before = new Set([...charsBeforeSpace].map((char) => char.codePointAt(0) as number));
  before.add(0x20);
  before.add(0x2581);
  return (text, index) => {
    if (index <= 0 || index >= text.length) return false;
    const after = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    for (const unit of RUN_UNITS) if ((after === unit) !== (previous === unit)) return true;
    if (after !== 0x20) return false;
    // A low surrogate ends the code point before; a lone high one is its own part (never merged).
    const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
    const pair = previous >= 0xdc00 && previous <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    const code = pair ? (text.codePointAt(index - 2) as number) : previous;
    return !before.has(code);
  };
}
