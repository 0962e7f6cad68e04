/**
 * The ranks of one encoding as flat arrays, looked up without building a Map.
 *
 * A Map of 200k latin1 strings costs 50–130 ms and tens of MB of garbage to build, on every CLI
 * and hook run. Here the token bytes sit back to back in one byte array (`bytes`, rank order, with
 * `offsets[rank]` … `offsets[rank + 1]` delimiting each token) and an open-addressing hash table
 * (`slots`, linear probing, 0 = empty, else rank + 1) finds a byte string's rank. The build writes
 * these arrays as they are (rankTable.ts), so loading them is a file read and three views.
 *
 * Lookups hash straight over a range of the caller's latin1 string (one char per byte), so the
 * byte-pair merge loop never slices a substring to ask for a rank.
 */

/** mergeSplits value of a token that no listed merge makes. */
export const NO_MERGE = 0xffff;

/** FNV-1a, 32-bit: the build and every lookup must hash alike. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** What counting needs of a rank lookup: this hash table, or the sorted one (sortedTokenTable.ts). */
export interface TokenRanks extends Iterable<[string, number]> {
  readonly size: number;
  readonly mergeSplits?: Uint16Array;
  readonly wholePieceIsToken: boolean;
  rankOf(text: string, start: number, end: number): number;
  mergeRankOf(text: string, start: number, middle: number, end: number): number;
  get(token: string): number | undefined;
  has(token: string): boolean;
  tokenOf(rank: number): string;
}

export class RankHashTable implements TokenRanks {
  private readonly mask: number;

  constructor(
    /** Token bytes, concatenated in rank order. */
    readonly bytes: Uint8Array,
    /** count + 1 entries: token `rank` is bytes[offsets[rank] … offsets[rank + 1]). */
    readonly offsets: Uint32Array,
    /** Power-of-two length; 0 = empty slot, else rank + 1. */
    readonly slots: Uint32Array,
    /**
     * Only for vocabularies merged by a list of pairs (Hugging Face BPE: Qwen, DeepSeek): count
     * entries, the byte length of the left part of the one listed merge that makes token `rank`
     * (NO_MERGE for single bytes and tokens no merge makes). Two parts whose concatenation is a
     * token merge only when they split it there. Absent: any split merges (tiktoken's rule).
     */
    readonly mergeSplits?: Uint16Array,
  ) {
    this.mask = slots.length - 1;
  }

  /**
   * Rank of merging the adjacent parts text[start … middle) and text[middle … end), or -1 when
   * they do not merge.
   */
  mergeRankOf(text: string, start: number, middle: number, end: number): number {
    const rank = this.rankOf(text, start, end);
    if (rank < 0 || this.mergeSplits === undefined) return rank;
    return this.mergeSplits[rank] === middle - start ? rank : -1;
  }

  /**
   * True when a piece that is itself a token is that one token without merging (tiktoken, and
   * Hugging Face's `ignore_merges`); false when merges must reach it (listed-pair vocabularies).
   */
  get wholePieceIsToken(): boolean {
    return this.mergeSplits === undefined;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** Rank of the latin1 string `text[start … end)`, or -1 when it is not a token. */
  rankOf(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const { bytes, offsets, slots, mask } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      const rank = entry - 1;
      const from = offsets[rank];
      if (offsets[rank + 1] - from !== length) continue;
      let i = 0;
      while (i < length && bytes[from + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return rank;
    }
  }

  /** Rank of a whole latin1 string, Map-style. */
  get(token: string): number | undefined {
    const rank = this.rankOf(token, 0, token.length);
    return rank < 0 ? undefined : rank;
  }

  has(token: string): boolean {
    return this.rankOf(token, 0, token.length) >= 0;
  }

  /** The token of `rank` as a latin1 string. */
  tokenOf(rank: number): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offsets[rank], this.offsets[rank + 1] - this.offsets[rank]).toString('latin1');
  }

  /** [token, rank] in rank order. */
  *[Symbol.iterator](): Iterator<[string, number]> {
    for (let rank = 0; rank < this.size; rank++) yield [this.tokenOf(rank), rank];
  }
}

/**
 * Builds the table from tokens listed by rank (latin1 strings, one char per byte). Ranks must be
 * contiguous and tokens distinct, as they are in both encodings we ship.
 */
export function buildRankHashTable(tokensByRank: readonly string[], mergeSplits?: Uint16Array): RankHashTable {
  const count = tokensByRank.length;
  const offsets = new Uint32Array(count + 1);
  let total = 0;
  for (let rank = 0; rank < count; rank++) {
    offsets[rank] = total;
    total += tokensByRank[rank].length;
  }
  offsets[count] = total;
  const bytes = new Uint8Array(total);
  for (let rank = 0; rank < count; rank++) {
    const token = tokensByRank[rank];
    const from = offsets[rank];
    for (let i = 0; i < token.length; i++) bytes[from + i] = token.charCodeAt(i);
  }
  // At most half full, so probes stay short.
  let size = 1;
  while (size < count * 2) size *= 2;
  if (mergeSplits !== undefined && mergeSplits.length !== count) throw new Error(`merge splits: ${mergeSplits.length} entries for ${count} tokens`);
  const table = new RankHashTable(bytes, offsets, new Uint32Array(size), mergeSplits);
  for (let rank = 0; rank < count; rank++) {
    const token = tokensByRank[rank];
    if (table.rankOf(token, 0, token.length) >= 0) throw new Error(`token of rank ${rank} repeats an earlier token`);
    insert(table, token, rank);
  }
  return table;
}

/**
 * The table over token bytes already laid out by rank (a rank file's compact layout): hashes each
 * token straight from `bytes`, no strings. Tokens are known distinct (checked when the file was
 * built), so there is no duplicate check.
 */
export function indexRankHashTable(bytes: Uint8Array, offsets: Uint32Array, mergeSplits?: Uint16Array): RankHashTable {
  const count = offsets.length - 1;
  let size = 1;
  while (size < count * 2) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  for (let rank = 0; rank < count; rank++) {
    let hash = FNV_OFFSET;
    const end = offsets[rank + 1];
    for (let i = offsets[rank]; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = rank + 1;
  }
  return new RankHashTable(bytes, offsets, slots, mergeSplits);
}

/**
 * indexRankHashTable from the tokens' byte lengths (a 'lengths' rank file) in one pass: offsets
 * and hash slots. A cold process runs such loops largely before the optimizing compiler takes
 * over, so one loop over the tokens instead of two saves a few ms of its start.
 */
export function indexRankHashTableFromLengths(bytes: Uint8Array, lengths: Uint8Array, mergeSplits?: Uint16Array): RankHashTable {
  const count = lengths.length;
  let size = 1;
  while (size < count * 2) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  const offsets = new Uint32Array(count + 1);
  let start = 0;
  for (let rank = 0; rank < count; rank++) {
    const end = start + lengths[rank];
    offsets[rank] = start;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = rank + 1;
    start = end;
  }
  offsets[count] = start;
  return new RankHashTable(bytes, offsets, slots, mergeSplits);
}

function insert(table: RankHashTable, token: string, rank: number): void {
  let hash = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
  const mask = table.slots.length - 1;
  let slot = hash & mask;
  while (table.slots[slot] !== 0) slot = (slot + 1) & mask;
  table.slots[slot] = rank + 1;
}
