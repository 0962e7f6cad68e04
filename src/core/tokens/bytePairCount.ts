/**
 * Number of tokens byte-pair encoding gives one pre-split piece. Same merge order as tiktoken and
 * js-tiktoken (repeatedly merge the adjacent pair of lowest rank, leftmost on ties), but counting
 * only: no token ids, no arrays of arrays. For vocabularies merged by a list of pairs (Hugging
 * Face BPE) the table also says where each token's one merge splits it (see
 * RankHashTable.mergeSplits); ranks follow merge order there, so the rule is the same.
 *
 * `bytes` is a latin1 string, one char per UTF-8 byte; pairs are looked up by range
 * (`rankOf(bytes, start, end)`), never sliced out.
 */
import type { TokenRanks } from './rankHashTable';
import { rankSweepMergeCount } from './rankSweepMergeCount';

/**
 * Above this many bytes the quadratic scan gives way to the near-linear rank sweep (long
 * whitespace, CJK, a line of `=`, a file of one letter: see rankSweepMergeCount.ts).
 */
export const LONG_PIECE_THRESHOLD = 256;

export function bytePairCount(bytes: string, ranks: TokenRanks, longPieceThreshold = LONG_PIECE_THRESHOLD): number {
  const length = bytes.length;
  if (length <= 1) return length;
  if (ranks.wholePieceIsToken && ranks.has(bytes)) return 1;
  return length > longPieceThreshold ? rankSweepMergeCount(bytes, ranks) : scanMergeCount(bytes, ranks);
}

const NO_RANK = Number.POSITIVE_INFINITY;

function pairRankOf(ranks: TokenRanks, bytes: string, start: number, middle: number, end: number): number {
  const rank = ranks.mergeRankOf(bytes, start, middle, end);
  return rank < 0 ? NO_RANK : rank;
}

/** Quadratic but allocation-light: fine for the short pieces that make up almost all text. */
function scanMergeCount(bytes: string, ranks: TokenRanks): number {
  const length = bytes.length;
  // starts[i] is where part i begins; part i ends where part i+1 begins (starts[parts] = length).
  const starts: number[] = new Array(length + 1);
  for (let i = 0; i <= length; i++) starts[i] = i;
  // pairRank[i]: rank of part i merged with part i+1.
  const pairRank: number[] = new Array(length - 1);
  for (let i = 0; i < length - 1; i++) pairRank[i] = pairRankOf(ranks, bytes, i, i + 1, i + 2);
  let parts = length;
  while (parts > 1) {
    let best = NO_RANK;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      if (pairRank[i] < best) {
        best = pairRank[i];
        at = i;
      }
    }
    if (at < 0) break;
    starts.splice(at + 1, 1);
    pairRank.splice(at, 1);
    parts--;
    if (at < parts - 1) pairRank[at] = pairRankOf(ranks, bytes, starts[at], starts[at + 1], starts[at + 2]);
    if (at > 0) pairRank[at - 1] = pairRankOf(ranks, bytes, starts[at - 1], starts[at], starts[at + 1]);
  }
  return parts;
}
