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
 *
 * Where each token's merges start is the running sum of the per-token counts. Summing all 262,144
 * at load took 5–8 ms of a cold start, so the file also stores the sum at every MERGE_BLOCK-th
 * token and MergeStarts sums a block's tokens the first time one of them is looked up.
 */

/** Tokens per block of MergeStarts. */
export const MERGE_BLOCK = 1024;

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
  /** How many merges make each token (by id); token id's merges follow those of the ids before it. */
  mergeCounts: Uint8Array;
  /**
   * Merges made by the tokens before id k × MERGE_BLOCK, for every block and the end (the number
   * of merges): where each block's merges start in the arrays below (MergeStarts).
   */
  mergeBlockFirst: Uint32Array;
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
): Pick<SentencePieceTables, 'mergeCounts' | 'mergeBlockFirst' | 'mergeLeftBytes' | 'rankRunStarts' | 'rankRunRanks'> {
  const mergeFirst = new Uint32Array(tokenCount + 1);
  for (const result of results) mergeFirst[result + 1]++;
  for (let id = 0; id < tokenCount; id++) mergeFirst[id + 1] += mergeFirst[id];
  const mergeCounts = new Uint8Array(tokenCount);
  const mergeBlockFirst = new Uint32Array(Math.ceil(tokenCount / MERGE_BLOCK) + 1);
  for (let id = 0; id < tokenCount; id++) {
    const count = mergeFirst[id + 1] - mergeFirst[id];
    if (count > 255) throw new Error(`token ${id} is made by ${count} merges; the rank file stores at most 255`);
    mergeCounts[id] = count;
    if (id % MERGE_BLOCK === 0) mergeBlockFirst[id / MERGE_BLOCK] = mergeFirst[id];
  }
  mergeBlockFirst[mergeBlockFirst.length - 1] = mergeFirst[tokenCount];
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
    mergeCounts,
    mergeBlockFirst,
    mergeLeftBytes,
    rankRunStarts: Uint32Array.from(starts),
    rankRunRanks: Uint32Array.from(firstRanks),
  };
}

/**
 * File form, after the token bytes: merges per token (uint8 × tokens), left lengths (uint8 ×
 * merges), then varints: the block starts as distances from the previous one, then the rank runs:
 * their number, then per run its start's distance from the previous run's start and its first rank.
 */
export function encodeMergeTables(tables: SentencePieceTables): Buffer {
  const varints: number[] = [];
  const push = (value: number): void => {
    while (value >= 0x80) {
      varints.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    varints.push(value);
  };
  tables.mergeBlockFirst.forEach((first, block) => push(first - (block === 0 ? 0 : tables.mergeBlockFirst[block - 1])));
  push(tables.rankRunStarts.length);
  let previous = 0;
  tables.rankRunStarts.forEach((start, run) => {
    push(start - previous);
    push(tables.rankRunRanks[run]);
    previous = start;
  });
  return Buffer.concat([Buffer.from(tables.mergeCounts), Buffer.from(tables.mergeLeftBytes), Buffer.from(varints)]);
}

/**
 * Where each token's merges start (mergeFirst[id] … mergeFirst[id + 1]), summed from the counts
 * one MERGE_BLOCK of tokens at a time, the first time a token of the block is looked up.
 */
export class MergeStarts {
  private readonly first: Uint32Array;
  private readonly ready: Uint8Array;

  constructor(
    private readonly counts: Uint8Array,
    private readonly blockFirst: Uint32Array,
    private readonly source: string,
  ) {
    this.first = new Uint32Array(counts.length + 1);
    this.ready = new Uint8Array(blockFirst.length);
  }

  /** Index of token id's first merge (id ≤ token count: the end of the last token's merges). */
  of(id: number): number {
    const block = (id / MERGE_BLOCK) | 0;
    if (this.ready[block] === 0) this.fill(block);
    return this.first[id];
  }

  private fill(block: number): void {
    const from = block * MERGE_BLOCK;
    const to = Math.min(from + MERGE_BLOCK, this.counts.length);
    let merges = this.blockFirst[block];
    for (let id = from; id < to; id++) {
      this.first[id] = merges;
      merges += this.counts[id];
    }
    if (to === this.counts.length) this.first[to] = merges;
    if (merges !== this.blockFirst[Math.min(block + 1, this.blockFirst.length - 1)])
      throw new Error(`${this.source} is damaged (merge counts do not add up); rebuild with "npm run build"`);
    this.ready[block] = 1;
  }
}

/**
 * Reads the block starts and rank runs that encodeMergeTables wrote after the counts and left
 * lengths (`bytes` starts at the varints).
 */
export function decodeMergeIndex(
  bytes: Uint8Array,
  tokens: number,
  merges: number,
  source: string,
): Pick<SentencePieceTables, 'mergeBlockFirst' | 'rankRunStarts' | 'rankRunRanks'> {
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
  const mergeBlockFirst = new Uint32Array(Math.ceil(tokens / MERGE_BLOCK) + 1);
  let first = 0;
  for (let block = 0; block < mergeBlockFirst.length; block++) mergeBlockFirst[block] = first += next();
  if (first !== merges)
    throw new Error(`${source} is damaged (merge block starts do not add up); rebuild with "npm run build"`);
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
  return { mergeBlockFirst, rankRunStarts, rankRunRanks };
}
