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
 *
 * Gemma 3 lists its merges almost exactly grouped by token in id order, so in our order a rank is
 * nearly always the previous one + 1 (all but about 1,400 of 514,906). The ranks are kept as those
 * runs: a few kilobytes where uint32 ranks would take 2 MB, and nothing to expand at load.
 */

export interface SentencePieceTables {
  /** Non-special added tokens: cut out of the raw text, longest first, one token each. */
  addedTokens: string[];
  /**
   * Characters that precede "▁" inside some token: a space after any other character is a safe cut
   * (sentencePieceBoundary.ts). Computed by the converter.
   */
  charsBeforeSpace: string;
  /** Byte length of the longest token (no longer pair needs a lookup). */
  maxTokenBytes: number;
  /** Token id's merges are mergeFirst[id] … mergeFirst[id + 1] of the arrays below. */
  mergeFirst: Uint32Array;
  /** UTF-8 length of each merge's left part. */
  mergeLeftBytes: Uint8Array;
  /**
   * The merges' ranks (priority: lowest first) in the published list, as runs: merge i of run k
   * (rankRunStarts[k] ≤ i < rankRunStarts[k + 1]) has rank rankRunRanks[k] + i − rankRunStarts[k].
   */
  rankRunStarts: Uint32Array;
  rankRunRanks: Uint32Array;
}

/** Rank of merge `index` (in the grouped order). */
export function mergeRank(tables: SentencePieceTables, index: number): number {
  const starts = tables.rankRunStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return tables.rankRunRanks[low] + index - starts[low];
}

/** The tables from the merge list in rank order: results[rank] is the token made, leftBytes[rank] its split. */
export function groupMerges(
  results: Uint32Array,
  leftBytes: Uint8Array,
  tokenCount: number,
): Pick<SentencePieceTables, 'mergeFirst' | 'mergeLeftBytes' | 'rankRunStarts' | 'rankRunRanks'> {
  const mergeFirst = new Uint32Array(tokenCount + 1);
  for (const result of results) mergeFirst[result + 1]++;
  for (let id = 0; id < tokenCount; id++) mergeFirst[id + 1] += mergeFirst[id];
  const fill = mergeFirst.slice(0, tokenCount);
  const mergeLeftBytes = new Uint8Array(results.length);
  const ranks = new Uint32Array(results.length);
  for (let rank = 0; rank < results.length; rank++) {
    const at = fill[results[rank]]++;
    mergeLeftBytes[at] = leftBytes[rank];
    ranks[at] = rank;
  }
  const starts: number[] = [];
  const firstRanks: number[] = [];
  ranks.forEach((rank, index) => {
    if (index === 0 || rank !== ranks[index - 1] + 1) {
      starts.push(index);
      firstRanks.push(rank);
    }
  });
  return {
    mergeFirst,
    mergeLeftBytes,
    rankRunStarts: Uint32Array.from(starts),
    rankRunRanks: Uint32Array.from(firstRanks),
  };
}

/**
 * File form, after the token bytes: merges per token (uint8 × tokens), left lengths (uint8 ×
 * merges), then the rank runs as varints: their number, then per run its start's distance from the
 * previous run's start and its first rank.
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
  push(tables.rankRunStarts.length);
  let previous = 0;
  tables.rankRunStarts.forEach((start, run) => {
    push(start - previous);
    push(tables.rankRunRanks[run]);
    previous = start;
  });
  return Buffer.concat([counts, Buffer.from(tables.mergeLeftBytes), Buffer.from(varints)]);
}

/**
 * Reads the rank runs that encodeMergeTables wrote after the counts and left lengths (`bytes` starts
 * at the runs); the per-token counts were already summed into `mergeFirst` by the caller's pass.
 */
export function decodeRankRuns(
  bytes: Uint8Array,
  merges: number,
  source: string,
): Pick<SentencePieceTables, 'rankRunStarts' | 'rankRunRanks'> {
  let at = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      if (at >= bytes.length)
        throw new Error(`${source} is damaged (merge ranks truncated); rebuild with "npm run build"`);
      byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte >= 0x80);
    return value;
  };
  const runs = next();
  const rankRunStarts = new Uint32Array(runs);
  const rankRunRanks = new Uint32Array(runs);
  let start = 0;
  for (let run = 0; run < runs; run++) {
    start += next();
    rankRunStarts[run] = start;
    rankRunRanks[run] = next();
  }
  if (runs === 0 || rankRunStarts[0] !== 0 || start >= merges)
    throw new Error(`${source} is damaged (merge rank runs do not cover the merges); rebuild with "npm run build"`);
  return { rankRunStarts, rankRunRanks };
}
