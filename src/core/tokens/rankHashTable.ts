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

/** FNV-1a, 32-bit: the build and every lookup must hash alike. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class RankHashTable implements Iterable<[string, number]> {
  private readonly mask: number;

  constructor(
    /** Token bytes, concatenated in rank order. */
    readonly bytes: Uint8Array,
    /** count + 1 entries: token `rank` is bytes[offsets[rank] … offsets[rank + 1]). */
    readonly offsets: Uint32Array,
    /** Power-of-two length; 0 = empty slot, else rank + 1. */
    readonly slots: Uint32Array,
  ) {
    this.mask = slots.length - 1;
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
export function buildRankHashTable(tokensByRank: readonly string[]): RankHashTable {
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
  const table = new RankHashTable(bytes, offsets, new Uint32Array(size));
  for (let rank = 0; rank < count; rank++) {
    const token = tokensByRank[rank];
    if (table.rankOf(token, 0, token.length) >= 0) throw new Error(`token of rank ${rank} repeats an earlier token`);
    insert(table, token, rank);
  }
  return table;
}

function insert(table: RankHashTable, token: string, rank: number): void {
  let hash = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
  const mask = table.slots.length - 1;
  let slot = hash & mask;
  while (table.slots[slot] !== 0) slot = (slot + 1) & mask;
  table.slots[slot] = rank + 1;
}
