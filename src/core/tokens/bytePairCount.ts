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
import type { RankHashTable } from './rankHashTable';

/** Above this many bytes the quadratic scan gives way to a heap (long whitespace, CJK, base64). */
export const HEAP_MERGE_THRESHOLD = 256;

export function bytePairCount(bytes: string, ranks: RankHashTable, heapThreshold = HEAP_MERGE_THRESHOLD): number {
  const length = bytes.length;
  if (length <= 1) return length;
  if (ranks.wholePieceIsToken && ranks.has(bytes)) return 1;
  return length > heapThreshold ? heapMergeCount(bytes, ranks) : scanMergeCount(bytes, ranks);
}

const NO_RANK = Number.POSITIVE_INFINITY;

function pairRankOf(ranks: RankHashTable, bytes: string, start: number, middle: number, end: number): number {
  const rank = ranks.mergeRankOf(bytes, start, middle, end);
  return rank < 0 ? NO_RANK : rank;
}

/** Quadratic but allocation-light: fine for the short pieces that make up almost all text. */
function scanMergeCount(bytes: string, ranks: RankHashTable): number {
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

/**
 * O(n log n): parts form a linked list; candidate merges sit in a binary heap ordered by
 * (rank, start), which pops exactly the leftmost lowest-rank pair. Stale entries (a side merged
 * since) are recognised by their recorded end and skipped.
 */
function heapMergeCount(bytes: string, ranks: RankHashTable): number {
  const length = bytes.length;
  const next = new Int32Array(length); // start of the following part, or length
  const prev = new Int32Array(length); // start of the preceding part, or -1
  const alive = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
    alive[i] = 1;
  }
  const heap = new MinHeap();
  const endOfPair = (start: number): number => {
    const second = next[start];
    return second < length ? next[second] : -1;
  };
  const push = (start: number): void => {
    const end = endOfPair(start);
    if (end < 0) return;
    const rank = ranks.mergeRankOf(bytes, start, next[start], end);
    if (rank >= 0) heap.push(rank, start, end);
  };
  for (let i = 0; i < length - 1; i++) push(i);
  let parts = length;
  while (heap.size > 0) {
    const { start, end } = heap.pop();
    if (!alive[start] || endOfPair(start) !== end) continue;
    const second = next[start];
    alive[second] = 0;
    next[start] = end;
    if (end < length) prev[end] = start;
    parts--;
    push(start);
    if (prev[start] >= 0) push(prev[start]);
  }
  return parts;
}

/** Binary min-heap of (rank, start, end), ordered by rank then start. */
class MinHeap {
  private ranks: number[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  get size(): number {
    return this.ranks.length;
  }

  push(rank: number, start: number, end: number): void {
    this.ranks.push(rank);
    this.starts.push(start);
    this.ends.push(end);
    this.up(this.ranks.length - 1);
  }

  pop(): { rank: number; start: number; end: number } {
    const top = { rank: this.ranks[0], start: this.starts[0], end: this.ends[0] };
    const last = this.ranks.length - 1;
    this.swap(0, last);
    this.ranks.pop();
    this.starts.pop();
    this.ends.pop();
    if (last > 0) this.down(0);
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.ranks[a] < this.ranks[b] || (this.ranks[a] === this.ranks[b] && this.starts[a] < this.starts[b]);
  }

  private swap(a: number, b: number): void {
    [this.ranks[a], this.ranks[b]] = [this.ranks[b], this.ranks[a]];
    [this.starts[a], this.starts[b]] = [this.starts[b], this.starts[a]];
    [this.ends[a], this.ends[b]] = [this.ends[b], this.ends[a]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ranks.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.less(left, smallest)) smallest = left;
      if (right < n && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
