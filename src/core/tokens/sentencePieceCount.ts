/**
 * Token count of text in a SentencePiece-style BPE vocabulary (Gemma 3), the algorithm that
 * sentencePieceVocabulary.ts describes: cut out the added tokens, turn spaces into "▁", merge each
 * remaining stretch character by character by merge rank, and count characters that are not
 * tokens as their UTF-8 bytes (byte fallback).
 *
 * A stretch has no pre-split, so it can be a whole paragraph, or a whole document in a script
 * without spaces. The merge is a binary heap of (rank, position) over a linked list of parts in
 * typed arrays: O(n log n), and exact in the reference's order (lowest rank first, leftmost on
 * ties). A heap entry is stale when the pair now at its position has another rank; equal ranks
 * mean the same merge at the same position, so the same two parts (a merge fixes both lengths).
 */
import type { RankTable } from './rankTable';
import { MergeStarts, mergeRank, type SentencePieceTables } from './sentencePieceTables';

const NONE = -1;
/** Heap keys are rank × POSITION_SCALE + byte position: ranks < 2^21 and positions < 2^32 stay exact in a double. */
const POSITION_SCALE = 2 ** 32;
/** Bytes a lone surrogate becomes (U+FFFD, as TextEncoder writes it): each is a byte-fallback token. */
const LONE_SURROGATE_TOKENS = 3;

export class SentencePieceCounter {
  private readonly ranks: RankTable['ranks'];
  private readonly tables: SentencePieceTables;
  /** Merges of token id: mergeStarts.of(id) … mergeStarts.of(id + 1) index mergeLeft, in rank order. */
  private readonly mergeStarts: MergeStarts;
  private readonly mergeLeft: Uint8Array;
  /** Only a token can be merged into, so longer pairs need no lookup. */
  private readonly maxTokenBytes: number;
  private readonly added: AddedTokenMatcher;

  constructor(table: RankTable) {
    const tables = table.sentencePiece;
    if (!tables) throw new Error(`${table.encoding} is not a SentencePiece-style vocabulary`);
    this.ranks = table.ranks;
    this.tables = tables;
    this.mergeStarts = new MergeStarts(tables.mergeCounts, tables.mergeBlockFirst, table.encoding);
    this.mergeLeft = tables.mergeLeftBytes;
    this.maxTokenBytes = tables.maxTokenBytes;
    this.added = new AddedTokenMatcher(tables.addedTokens);
  }

  /**
   * Tokens of `text`: one per added token, plus `countStretch` of each stretch between them
   * (the caller may cache stretches; by default they are counted directly).
   */
  count(text: string, countStretch: (stretch: string) => number = (stretch) => this.countStretch(stretch)): number {
    let total = 0;
    let stretchStart = 0;
    const length = text.length;
    for (let at = 0; at < length;) {
      const matched = this.added.matchAt(text, at);
      if (matched === 0) {
        at++;
        continue;
      }
      if (at > stretchStart) total += countStretch(text.slice(stretchStart, at));
      total++;
      at += matched;
      stretchStart = at;
    }
    if (length > stretchStart) total += countStretch(stretchStart === 0 ? text : text.slice(stretchStart));
    return total;
  }

  /** Tokens of a stretch without added tokens. */
  countStretch(stretch: string): number {
    // A lone surrogate is its own part (no merge has it) of three byte tokens, as in the reference.
    if (!/[\ud800-\udfff]/.test(stretch)) return this.mergeCount(stretch);
    let total = 0;
    let start = 0;
    for (let i = 0; i < stretch.length; i++) {
      const unit = stretch.charCodeAt(i);
      if (unit < 0xd800 || unit > 0xdfff) continue;
      const next = stretch.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      if (i > start) total += this.mergeCount(stretch.slice(start, i));
      total += LONE_SURROGATE_TOKENS;
      start = i + 1;
    }
    if (stretch.length > start) total += this.mergeCount(stretch.slice(start));
    return total;
  }

  /** Merge count of well-formed text (spaces not yet normalized). */
  private mergeCount(text: string): number {
    const bytes = Buffer.from(text.replaceAll(' ', '▁'), 'utf8').toString('latin1');
    const length = bytes.length;
    // Parts start at code points: every byte that is not a UTF-8 continuation byte.
    const next = new Int32Array(length + 1);
    const prev = new Int32Array(length + 1);
    let parts = 0;
    let last = NONE;
    for (let at = 0; at < length; at++) {
      if ((bytes.charCodeAt(at) & 0xc0) === 0x80) continue;
      if (last !== NONE) next[last] = at;
      prev[at] = last;
      last = at;
      parts++;
    }
    if (last === NONE) return 0;
    next[last] = length;
    if (parts > 1) parts -= this.mergeAll(bytes, next, prev);
    let total = 0;
    for (let at = 0; at < length; at = next[at]) {
      // Merged parts are tokens; a single character that is not one falls back to its bytes.
      total += this.ranks.rankOf(bytes, at, next[at]) >= 0 ? 1 : next[at] - at;
    }
    return total;
  }

  /** Runs every merge on the linked list of parts; returns how many merges were made. */
  private mergeAll(bytes: string, next: Int32Array, prev: Int32Array): number {
    const length = bytes.length;
    const pairRank = new Int32Array(length).fill(NONE);
    const heap = new KeyHeap(length);
    for (let at = 0; next[at] < length; at = next[at]) {
      const rank = this.pairRankOf(bytes, at, next[at], next[next[at]]);
      pairRank[at] = rank;
      if (rank !== NONE) heap.push(rank * POSITION_SCALE + at);
    }
    let merges = 0;
    while (heap.size > 0) {
      const key = heap.pop();
      const rank = Math.floor(key / POSITION_SCALE);
      const at = key - rank * POSITION_SCALE;
      if (pairRank[at] !== rank) continue;
      const right = next[at];
      const after = next[right];
      next[at] = after;
      if (after < length) prev[after] = at;
      pairRank[right] = NONE;
      merges++;
      const own = after < length ? this.pairRankOf(bytes, at, after, next[after]) : NONE;
      pairRank[at] = own;
      if (own !== NONE) heap.push(own * POSITION_SCALE + at);
      if (at > 0) {
        const before = prev[at];
        const rankBefore = this.pairRankOf(bytes, before, at, after);
        pairRank[before] = rankBefore;
        if (rankBefore !== NONE) heap.push(rankBefore * POSITION_SCALE + before);
      }
    }
    return merges;
  }

  /** Rank of merging parts bytes[start … middle) and [middle … end), or NONE. */
  private pairRankOf(bytes: string, start: number, middle: number, end: number): number {
    if (end - start > this.maxTokenBytes) return NONE;
    const id = this.ranks.rankOf(bytes, start, end);
    if (id < 0) return NONE;
    const left = middle - start;
    const last = this.mergeStarts.of(id + 1);
    for (let i = this.mergeStarts.of(id); i < last; i++)
      if (this.mergeLeft[i] === left) return mergeRank(this.tables, i);
    return NONE;
  }
}

/**
 * The added tokens, matched on raw text as Hugging Face does: at each position the longest token
 * that starts there, the leftmost position first.
 */
class AddedTokenMatcher {
  private readonly tokens: Set<string>;
  /** Distinct token lengths by first UTF-16 unit, longest first; undefined for units no token starts with. */
  private readonly lengthsByFirst = new Map<number, number[]>();
  private readonly startsToken = new Uint8Array(0x10000);

  constructor(texts: string[]) {
    this.tokens = new Set(texts);
    for (const text of texts) {
      const first = text.charCodeAt(0);
      this.startsToken[first] = 1;
      const lengths = this.lengthsByFirst.get(first) ?? [];
      if (!lengths.includes(text.length)) lengths.push(text.length);
      this.lengthsByFirst.set(first, lengths);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  /** Length of the added token at `at`, or 0. */
  matchAt(text: string, at: number): number {
    const first = text.charCodeAt(at);
    if (this.startsToken[first] === 0) return 0;
    for (const length of this.lengthsByFirst.get(first) as number[]) {
      if (at + length <= text.length && this.tokens.has(text.slice(at, at + length))) return length;
    }
    return 0;
  }
}

/** Binary min-heap of numbers in a growable Float64Array. */
class KeyHeap {
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  push(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const keys = this.keys;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[at] = keys[parent];
      at = parent;
    }
    keys[at] = key;
  }

  pop(): number {
    const keys = this.keys;
    const top = keys[0];
    const last = keys[--this.size];
    let at = 0;
    const size = this.size;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= last) break;
      keys[at] = keys[child];
      at = child;
    }
    keys[at] = last;
    return top;
  }
}
