/**
 * Byte-pair merge count of one long piece in near-linear time and about 24 bytes of typed arrays
 * per byte, with no object per byte or per merge.
 *
 * Pre-splitting keeps almost every piece short, but nothing bounds a piece: a file of one letter,
 * a whitespace run or a line of `=` is one piece of millions of bytes. (Issue 18: 10 MB of `a`
 * took 12 s and 1.1 GB with a binary heap of JavaScript arrays; a typed-array heap still needed
 * about 1.8 s for 4 MB, its log n sifts missing the cache on every level.)
 *
 * The merge order is tiktoken's: repeatedly merge the adjacent pair of lowest rank, the leftmost
 * one on ties. The parts form a doubly linked list (`next`, `prev`, indexed by where a part
 * starts) and `pairRank[p]` is the rank of the live pair starting at part p (-1: none). Pending
 * pairs wait in one bucket per rank, and the ranks are visited in increasing order: when rank r
 * comes up, its bucket's starts are sorted once and swept left to right. This is exact because a
 * merge at rank r never makes another pair of rank r: both pairs it changes are strictly longer
 * than the token of rank r, so they are other tokens. A merge can make a pair of a lower rank
 * than r in principle (a vocabulary that is not merge-ordered); such pairs, and any of rank r made
 * by one of them, go to a small ordinary heap that is always consulted first, so the order stays
 * tiktoken's whatever the vocabulary.
 *
 * Entries are never removed; an entry (rank, p) is stale when pairRank[p] !== rank. That test is
 * exact: parts only grow, so once the pair at p changes it spans more bytes, is another string and
 * so has another rank, and it never spans the same bytes again.
 */
import type { TokenRanks } from './rankHashTable';

const NONE = -1;

/**
 * First bucket entry of each rank, NONE when empty; one array shared by all calls, as large as
 * the largest vocabulary seen, and all NONE between calls (every bucket is drained by the end).
 */
let bucketHeads = new Int32Array(0);

export function rankSweepMergeCount(bytes: string, ranks: TokenRanks): number {
  const length = bytes.length;
  if (length <= 1) return length;
  if (bucketHeads.length < ranks.size) bucketHeads = new Int32Array(ranks.size).fill(NONE);
  const sweep = new RankSweep(bytes, ranks, bucketHeads);
  let finished = false;
  try {
    const parts = sweep.run();
    finished = true;
    return parts;
  } finally {
    // Only an exception (out of memory) can leave buckets filled; the next call must find them empty.
    if (!finished) bucketHeads.fill(NONE);
  }
}

class RankSweep {
  private readonly length: number;
  /** next[p]: start of the part after the part at p (length for the last one). */
  private readonly next: Int32Array;
  /** prev[p]: start of the part before the part at p (NONE for the first one). */
  private readonly prev: Int32Array;
  /** pairRank[p]: rank of the pair made by the part at p and the next one; NONE when none or p is gone. */
  private readonly pairRank: Int32Array;

  /** Bucket entries as a linked list each: the start of a pair and the following entry. */
  private entryStart: Int32Array;
  private entryNext: Int32Array;
  private entryCount = 0;
  /** Entries of buckets already swept, linked through entryNext, for reuse. */
  private freeEntry = NONE;
  /** Ranks whose bucket is not empty and above the current rank. */
  private readonly pendingRanks = new NumberMinHeap();
  /** Keys (rank × length + start) of pairs made at or below the current rank (see the file comment). */
  private readonly lowPairs = new NumberMinHeap();

  /** The rank being swept, its starts sorted, and how far the sweep is. */
  private rank = NONE;
  private rankStarts = new Int32Array(0);
  private rankStartCount = 0;
  private cursor = 0;

  constructor(
    private readonly bytes: string,
    private readonly ranks: TokenRanks,
    private readonly bucketHeads: Int32Array,
  ) {
    const length = bytes.length;
    this.length = length;
    this.next = new Int32Array(length);
    this.prev = new Int32Array(length);
    this.pairRank = new Int32Array(length);
    this.entryStart = new Int32Array(length);
    this.entryNext = new Int32Array(length);
  }

  run(): number {
    const { length, bytes, ranks, next, prev, pairRank } = this;
    for (let i = 0; i < length; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    pairRank[length - 1] = NONE;
    for (let i = 0; i < length - 1; i++) this.setPair(i, ranks.mergeRankOf(bytes, i, i + 1, i + 2));

    let parts = length;
    for (let start = this.nextPair(); start !== NONE; start = this.nextPair()) {
      const second = next[start];
      const end = next[second];
      pairRank[second] = NONE; // the part at `second` is absorbed, and its pair with it
      next[start] = end;
      if (end < length) prev[end] = start;
      parts--;
      // The two pairs the merge changed: the merged part with the next one, the previous one with it.
      this.setPair(start, end < length ? ranks.mergeRankOf(bytes, start, end, next[end]) : NONE);
      const before = prev[start];
      if (before !== NONE) this.setPair(before, ranks.mergeRankOf(bytes, before, start, end));
    }
    return parts;
  }

  private setPair(start: number, rank: number): void {
    this.pairRank[start] = rank;
    if (rank < 0) return;
    if (rank <= this.rank) {
      this.lowPairs.push(rank * this.length + start);
      return;
    }
    let entry = this.freeEntry;
    if (entry !== NONE) {
      this.freeEntry = this.entryNext[entry];
    } else {
      if (this.entryCount === this.entryStart.length) this.growEntries();
      entry = this.entryCount++;
    }
    this.entryStart[entry] = start;
    const head = this.bucketHeads[rank];
    if (head === NONE) this.pendingRanks.push(rank);
    this.entryNext[entry] = head;
    this.bucketHeads[rank] = entry;
  }

  /** Start of the pair to merge next (lowest rank, then leftmost), or NONE when nothing merges. */
  private nextPair(): number {
    const { pairRank, lowPairs, length } = this;
    for (;;) {
      const rankStarts = this.rankStarts; // beginRank may replace it
      while (this.cursor < this.rankStartCount && pairRank[rankStarts[this.cursor]] !== this.rank) this.cursor++;
      while (lowPairs.size > 0) {
        const key = lowPairs.peek();
        const rank = Math.floor(key / length);
        if (pairRank[key - rank * length] === rank) break;
        lowPairs.pop();
      }
      const swept =
        this.cursor < this.rankStartCount ? this.rank * length + rankStarts[this.cursor] : Number.POSITIVE_INFINITY;
      if (lowPairs.size > 0 && lowPairs.peek() < swept) {
        const key = lowPairs.pop();
        return key - Math.floor(key / length) * length;
      }
      if (swept !== Number.POSITIVE_INFINITY) return rankStarts[this.cursor++];
      if (this.pendingRanks.size === 0) return NONE;
      this.beginRank(this.pendingRanks.pop());
    }
  }

  /** Empties the bucket of `rank` into rankStarts, sorted, and frees its entries. */
  private beginRank(rank: number): void {
    const head = this.bucketHeads[rank];
    let count = 0;
    let tail = head;
    for (let entry = head; entry !== NONE; entry = this.entryNext[entry]) {
      count++;
      tail = entry;
    }
    if (this.rankStarts.length < count) this.rankStarts = new Int32Array(Math.max(count, 2 * this.rankStarts.length));
    const starts = this.rankStarts;
    // The list runs newest first; filling from the back restores insertion order, usually sorted already.
    let at = count;
    for (let entry = head; entry !== NONE; entry = this.entryNext[entry]) starts[--at] = this.entryStart[entry];
    this.bucketHeads[rank] = NONE;
    this.entryNext[tail] = this.freeEntry;
    this.freeEntry = head;
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = starts[i - 1] < starts[i];
    if (!sorted) starts.subarray(0, count).sort();
    this.rank = rank;
    this.rankStartCount = count;
    this.cursor = 0;
  }

  private growEntries(): void {
    const capacity = 2 * this.entryStart.length;
    const starts = new Int32Array(capacity);
    starts.set(this.entryStart);
    const nexts = new Int32Array(capacity);
    nexts.set(this.entryNext);
    this.entryStart = starts;
    this.entryNext = nexts;
  }
}

/** Binary min-heap of numbers in a growable Float64Array. */
class NumberMinHeap {
  private values = new Float64Array(16);
  size = 0;

  peek(): number {
    return this.values[0];
  }

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(2 * this.size);
      grown.set(this.values);
      this.values = grown;
    }
    const values = this.values;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (values[parent] <= value) break;
      values[at] = values[parent];
      at = parent;
    }
    values[at] = value;
  }

  pop(): number {
    const values = this.values;
    const top = values[0];
    const last = values[--this.size];
    const size = this.size;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && values[child + 1] < values[child]) child++;
      if (values[child] >= last) break;
      values[at] = values[child];
      at = child;
    }
    values[at] = last;
    return top;
  }
}
