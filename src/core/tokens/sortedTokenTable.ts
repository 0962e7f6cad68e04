/**
 * Token lookup with nothing to build at load, for the largest vocabulary we ship (Gemma 3:
 * 262,144 tokens).
 *
 * The hash table of rankHashTable.ts must hash every token when a 'lengths' rank file is loaded:
 * for Gemma 3 that was 40–50 ms of a 70–95 ms cold load, over the 50 ms target, and shipping the
 * slots instead would add about 1.5 MB deflated to the .vsix (docs/tokenizers.md). Here the build
 * sorts the tokens instead: grouped by byte length, then in byte order within a group. A group's
 * tokens all have the same length, so token i of length L sits at a fixed place and a lookup is a
 * binary search over the group, with no offsets or slots to compute at load. Each sorted token
 * carries its id (3 bytes, little-endian), which is what the merge tables are indexed by.
 *
 * A binary search is several times slower than a hash lookup, which halves the counting speed of a
 * long text. So a length group that has been searched often (more than a quarter of its tokens'
 * worth of lookups: by then the searches cost about what hashing the group does) is hashed on the
 * spot, into an open-addressing table of its own, and looked up by hash from then on. A short
 * prompt never pays for hashing; a long document pays for the groups it uses, once.
 */

/** Ids are stored in 3 bytes. */
export const MAX_SORTED_TOKENS = 2 ** 24;

/** FNV-1a, 32-bit, as in rankHashTable.ts (any hash would do: these tables live in memory only). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Lookups of a length group before it is hashed: this many plus a quarter of its tokens. */
const SEARCHES_BEFORE_HASHING = 256;

import type { TokenRanks } from './rankHashTable';

export class SortedTokenTable implements TokenRanks {
  /** Sorted index of the first token of byte length L (L = 0 … longest + 1). */
  private readonly groupFirst: Uint32Array;
  /** Byte offset in `bytes` of the first token of byte length L. */
  private readonly groupAt: Uint32Array;
  /** Per length, its hash table once built: 0 = empty slot, else index in the group + 1. */
  private readonly groupSlots: (Uint32Array | undefined)[] = [];
  /** Per length, lookups left before its group is hashed. */
  private readonly searchesLeft: Int32Array;
  /** Lazily built inverse of `ids`, for tokenOf only (never on the counting path). */
  private sortedIndexOf: Uint32Array | undefined;
  readonly longest: number;
  readonly size: number;

  constructor(
    /** Token bytes, grouped by length (shortest first) and in byte order within a group. */
    readonly bytes: Uint8Array,
    /** 3 bytes per sorted token: its id (rank), little-endian. */
    readonly ids: Uint8Array,
    /** lengthCounts[L]: how many tokens are L bytes long. */
    lengthCounts: readonly number[],
  ) {
    this.longest = lengthCounts.length - 1;
    this.groupFirst = new Uint32Array(lengthCounts.length + 1);
    this.groupAt = new Uint32Array(lengthCounts.length + 1);
    for (let length = 0; length < lengthCounts.length; length++) {
      this.groupFirst[length + 1] = this.groupFirst[length] + lengthCounts[length];
      this.groupAt[length + 1] = this.groupAt[length] + lengthCounts[length] * length;
    }
    this.size = this.groupFirst[lengthCounts.length];
    this.searchesLeft = Int32Array.from(lengthCounts, (tokens) => SEARCHES_BEFORE_HASHING + (tokens >> 2));
  }

  /** Id of the latin1 string `text[start … end)`, or -1 when it is not a token. */
  rankOf(text: string, start: number, end: number): number {
    const length = end - start;
    if (length > this.longest || length <= 0) return -1;
    const slots = this.groupSlots[length];
    if (slots !== undefined) return this.hashedRankOf(slots, text, start, length);
    if (--this.searchesLeft[length] < 0) return this.hashedRankOf(this.hashGroup(length), text, start, length);
    const bytes = this.bytes;
    const first = this.groupFirst[length];
    const groupAt = this.groupAt[length];
    let low = 0;
    let high = this.groupFirst[length + 1] - first - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = groupAt + middle * length;
      let i = 0;
      while (i < length && bytes[at + i] === text.charCodeAt(start + i)) i++;
      if (i === length) {
        const id = (first + middle) * 3;
        return this.ids[id] | (this.ids[id + 1] << 8) | (this.ids[id + 2] << 16);
      }
      if (bytes[at + i] < text.charCodeAt(start + i)) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private hashedRankOf(slots: Uint32Array, text: string, start: number, length: number): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ text.charCodeAt(start + i), FNV_PRIME);
    const bytes = this.bytes;
    const groupAt = this.groupAt[length];
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      const at = groupAt + (entry - 1) * length;
      let i = 0;
      while (i < length && bytes[at + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return this.idAt(this.groupFirst[length] + entry - 1);
    }
  }

  /** Builds the hash table of the tokens of one length (at most half full, linear probing). */
  private hashGroup(length: number): Uint32Array {
    const tokens = this.groupFirst[length + 1] - this.groupFirst[length];
    let size = 2;
    while (size < tokens * 2) size *= 2;
    const slots = new Uint32Array(size);
    const mask = size - 1;
    const bytes = this.bytes;
    let at = this.groupAt[length];
    for (let index = 0; index < tokens; index++) {
      let hash = FNV_OFFSET;
      for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[at + i], FNV_PRIME);
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
      at += length;
    }
    this.groupSlots[length] = slots;
    return slots;
  }

  /** No merge splits are stored: any split of a token merges (tiktoken's rule, as RankHashTable without them). */
  mergeRankOf(text: string, start: number, _middle: number, end: number): number {
    return this.rankOf(text, start, end);
  }

  get wholePieceIsToken(): boolean {
    return true;
  }

  /** Id of a whole latin1 string, Map-style. */
  get(token: string): number | undefined {
    const id = this.rankOf(token, 0, token.length);
    return id < 0 ? undefined : id;
  }

  has(token: string): boolean {
    return this.rankOf(token, 0, token.length) >= 0;
  }

  /** The token of id `rank` as a latin1 string. */
  tokenOf(rank: number): string {
    if (this.sortedIndexOf === undefined) {
      this.sortedIndexOf = new Uint32Array(this.size);
      for (let sorted = 0; sorted < this.size; sorted++) this.sortedIndexOf[this.idAt(sorted)] = sorted;
    }
    return this.tokenAt(this.sortedIndexOf[rank]);
  }

  /** [token, id] in sorted order. */
  *[Symbol.iterator](): Iterator<[string, number]> {
    for (let sorted = 0; sorted < this.size; sorted++) yield [this.tokenAt(sorted), this.idAt(sorted)];
  }

  /** Id of the token at a sorted index. */
  private idAt(sorted: number): number {
    return this.ids[sorted * 3] | (this.ids[sorted * 3 + 1] << 8) | (this.ids[sorted * 3 + 2] << 16);
  }

  private tokenAt(sorted: number): string {
    let length = 1;
    while (this.groupFirst[length + 1] <= sorted) length++;
    const at = this.groupAt[length] + (sorted - this.groupFirst[length]) * length;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, length).toString('latin1');
  }
}

/**
 * The sorted layout of tokens listed by id (latin1 strings): their bytes, their ids and the count
 * of each length. Tokens must be distinct and non-empty (the caller checks).
 */
export function sortTokens(tokensById: readonly string[]): { bytes: Buffer; ids: Buffer; lengthCounts: number[] } {
  if (tokensById.length > MAX_SORTED_TOKENS)
    throw new Error(`${tokensById.length} tokens; the sorted layout stores ids in 3 bytes`);
  const order = tokensById.map((_, id) => id);
  order.sort((a, b) => {
    const left = tokensById[a];
    const right = tokensById[b];
    if (left.length !== right.length) return left.length - right.length;
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const lengthCounts: number[] = [];
  for (const token of tokensById) {
    while (lengthCounts.length <= token.length) lengthCounts.push(0);
    lengthCounts[token.length]++;
  }
  const ids = Buffer.alloc(order.length * 3);
  order.forEach((id, sorted) => ids.writeUIntLE(id, sorted * 3, 3));
  return { bytes: Buffer.from(order.map((id) => tokensById[id]).join(''), 'latin1'), ids, lengthCounts };
}

/** The sorted table of tokens listed by id (what a 'sorted' rank file holds, built in memory). */
export function buildSortedTokenTable(tokensById: readonly string[]): SortedTokenTable {
  const { bytes, ids, lengthCounts } = sortTokens(tokensById);
  return new SortedTokenTable(bytes, ids, lengthCounts);
}
