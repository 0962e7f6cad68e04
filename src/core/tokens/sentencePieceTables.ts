/**
 * What a SentencePiece-style BPE vocabulary (Gemma 3) needs besides its tokens, in the form the
 * rank file stores it (rankTable.ts) and the counter reads it (sentencePieceCount.ts).
 *
 * Its merges are not one per token in id order as in the byte-level families: Gemma 3 lists
 * 514,906 merges for 262,144 tokens (every split of a token into two tokens, ordered by the
 * token's score), so a token can be made by several merges of different priority. We keep every
 * merge, grouped by the token it makes (ranks ascending within a token): the byte length of its
 * left part and its rank. Two adjacent parts merge when their concatenation is a token and one of
 * that token's merges splits it there; the rank of that merge is their priority. (The left part
 * is then a token, and so the right one, because the listed merges combine tokens only.)
 */

export interface SentencePieceTables {
  /** Non-special added tokens: cut out of the raw text, longest first, one token each. */
  addedTokens: string[];
  /**
   * Characters that precede "▁" inside some token: a space after any other character is a safe cut
   * (sentencePieceBoundary.ts). Computed by the converter.
   */
  charsBeforeSpace: string;
  /** Token id's merges are mergeFirst[id] … mergeFirst[id + 1] of the two arrays below. */
  mergeFirst: Uint32Array;
  /** UTF-8 length of each merge's left part. */
  mergeLeftBytes: Uint8Array;
  /** Each merge's rank (priority: lowest first) in the published merge list. */
  mergeRanks: Uint32Array;
}

/** The tables from the merge list in rank order: results[rank] is the token made, leftBytes[rank] its split. */
export function groupMerges(
  results: Uint32Array,
  leftBytes: Uint8Array,
  tokenCount: number,
): Pick<SentencePieceTables, 'mergeFirst' | 'mergeLeftBytes' | 'mergeRanks'> {
  const mergeFirst = new Uint32Array(tokenCount + 1);
  for (const result of results) mergeFirst[result + 1]++;
  for (let id = 0; id < tokenCount; id++) mergeFirst[id + 1] += mergeFirst[id];
  const fill = mergeFirst.slice(0, tokenCount);
  const mergeLeftBytes = new Uint8Array(results.length);
  const mergeRanks = new Uint32Array(results.length);
  for (let rank = 0; rank < results.length; rank++) {
    const at = fill[results[rank]]++;
    mergeLeftBytes[at] = leftBytes[rank];
    mergeRanks[at] = rank;
  }
  return { mergeFirst, mergeLeftBytes, mergeRanks };
}

/**
 * File form, after the token bytes: merges per token (uint8 × tokens), left lengths (uint8 ×
 * merges), then the ranks. Gemma 3 lists its merges almost exactly grouped by token in id order,
 * so in our order a rank is nearly always the previous one + 1 (all but about 1,400 of 514,906):
 * the ranks are stored as varint pairs (how many follow on by +1, then the next rank that does
 * not), a few kilobytes where uint32 ranks would take 2 MB.
 */
export function encodeMergeTables(tables: SentencePieceTables): Buffer {
  const tokenCount = tables.mergeFirst.length - 1;
  const counts = Buffer.alloc(tokenCount);
  for (let id = 0; id < tokenCount; id++) {
    const count = tables.mergeFirst[id + 1] - tables.mergeFirst[id];
    if (count > 255) throw new Error(`token ${id} is made by ${count} merges; the rank file stores at most 255`);
    counts[id] = count;
  }
  const varints: number[] = [];
  const push = (value: number): void => {
    while (value >= 0x80) {
      varints.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    varints.push(value);
  };
  let run = 0;
  let previous = -1;
  for (const rank of tables.mergeRanks) {
    if (rank === previous + 1) {
      run++;
    } else {
      push(run);
      push(rank);
      run = 0;
    }
    previous = rank;
  }
  push(run);
  return Buffer.concat([counts, Buffer.from(tables.mergeLeftBytes), Buffer.from(varints)]);
}

/** Reads what encodeMergeTables wrote for `tokenCount` tokens and `merges` merges. */
export function decodeMergeTables(
  bytes: Uint8Array,
  tokenCount: number,
  merges: number,
  source: string,
): Pick<SentencePieceTables, 'mergeFirst' | 'mergeLeftBytes' | 'mergeRanks'> {
  const damaged = (what: string): never => {
    throw new Error(`${source} is damaged (${what}); rebuild with "npm run build"`);
  };
  if (bytes.length < tokenCount + merges) damaged('merge tables truncated');
  const mergeFirst = new Uint32Array(tokenCount + 1);
  for (let id = 0; id < tokenCount; id++) mergeFirst[id + 1] = mergeFirst[id] + bytes[id];
  if (mergeFirst[tokenCount] !== merges) damaged('merge counts do not add up');
  const mergeLeftBytes = bytes.subarray(tokenCount, tokenCount + merges);
  const mergeRanks = new Uint32Array(merges);
  let at = tokenCount + merges;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      if (at >= bytes.length) damaged('merge ranks truncated');
      byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte >= 0x80);
    return value;
  };
  let filled = 0;
  let previous = -1;
  for (;;) {
    const run = next();
    if (filled + run > merges) damaged('merge ranks overrun');
    for (let end = filled + run; filled < end; filled++) mergeRanks[filled] = ++previous;
    if (filled === merges) break;
    previous = next();
    mergeRanks[filled++] = previous;
  }
  return { mergeFirst, mergeLeftBytes, mergeRanks };
}
