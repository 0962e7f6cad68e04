/**
 * The byte-pair ranks of one encoding, and the compact file form we ship them in.
 *
 * js-tiktoken stores ranks as base64 text inside a JS module; building its lookup table from that
 * text is most of a cold start (PERFORMANCE.md). The build writes the same ranks into `dist/ranks/`
 * already laid out as the lookup structure (rankHashTable.ts): token bytes, their offsets and the
 * hash slots. Loading is one file read and typed-array views over it, with no per-token pass.
 * The open families' files store token lengths instead of offsets and slots (half the size) and
 * rebuild those at load; Gemma 3's, four times larger in tokens, stores them sorted instead, so that
 * nothing is built at load (sortedTokenTable.ts). Each file also carries its family's pre-split (patterns, normalization).
 * Exactness against the source vocabularies is checked by test/unit/tokens/rankTable.test.ts.
 */
import { endianness } from 'node:os';
import type { EncodingName } from '../profiles/modelProfile';
import type { PreSplitSpec } from './preSplit';
import { buildRankHashTable, indexRankHashTableFromLengths, RankHashTable, type TokenRanks } from './rankHashTable';
import { decodeMergeIndex, encodeMergeTables, type SentencePieceTables } from './sentencePieceTables';
import { SortedTokenTable, sortTokens } from './sortedTokenTable';

export interface RankTable {
  encoding: EncodingName;
  /** How text is cut into pieces before merging (patterns in JavaScript syntax, and normalization). */
  preSplit: PreSplitSpec;
  /**
   * Token bytes as a latin1 string (one char per byte) → rank (and merge splits, for listed-pair
   * vocabularies); sorted (no hash table) when read from a 'sorted' rank file (Gemma 3).
   */
  ranks: TokenRanks;
  /** SentencePiece-style BPE only (Gemma 3): merges, added tokens; `preSplit` is unused then. */
  sentencePiece?: SentencePieceTables;
  /** A licence notice the file must carry (Gemma's terms require one on modified files). */
  notice?: string;
}

/** What the file writer needs: any [token, rank] listing (a Map in tests). */
export interface RankListing {
  encoding: EncodingName;
  preSplit: PreSplitSpec;
  ranks: Iterable<[string, number]>;
  /** Listed-pair vocabularies only: see RankHashTable.mergeSplits (indexed by rank). */
  mergeSplits?: Uint16Array;
  /** SentencePiece-style BPE only: see sentencePieceTables.ts. */
  sentencePiece?: SentencePieceTables;
  notice?: string;
}

/** Shape of js-tiktoken's `js-tiktoken/ranks/<encoding>` modules. */
export interface TiktokenRankModule {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

const MAGIC = 'MVP-RANKS-4\n';

/**
 * 'table': the lookup structure as it sits in memory (offsets and hash slots), loaded with no
 * per-token pass — OpenAI's encodings, which every default profile and the CLI use.
 * 'lengths': one byte per token length instead, offsets and slots rebuilt at load (a few ms):
 * about half the bytes in the .vsix for the open families (docs/tokenizers.md).
 * 'sorted': tokens grouped by length and sorted, each with its id (3 bytes), looked up by binary
 * search with no per-token pass at load (sortedTokenTable.ts) — Gemma 3, whose 262,144 tokens took
 * 40–50 ms to hash. Not for listed-pair vocabularies (no merge splits).
 */
export type RankFileLayout = 'table' | 'lengths' | 'sorted';

interface RankFileHeader {
  /** First, so that it is the first thing anyone opening the file reads. */
  notice?: string;
  encoding: EncodingName;
  preSplit: PreSplitSpec;
  layout: RankFileLayout;
  count: number;
  /** Hash slots stored ('table' layout; 0 for 'lengths'). */
  slots: number;
  bytes: number;
  /** True when count uint16 merge splits are stored (listed-pair vocabularies). */
  mergeSplits: boolean;
  /** 'sorted' layout: how many tokens have each byte length (index = length). */
  lengthCounts?: number[];
  /** SentencePiece-style BPE: what the tables after the token bytes hold (sentencePieceTables.ts). */
  sentencePiece?: {
    addedTokens: string[];
    charsBeforeSpace: string;
    merges: number;
    /** Bytes of the merge tables (sentencePieceTables.ts). */
    tableBytes: number;
  };
}

/** Parses js-tiktoken's rank module text: lines of `<prefix> <firstRank> <base64 token>…`. */
export function rankTableFromTiktokenModule(encoding: EncodingName, module: TiktokenRankModule, preSplit: PreSplitSpec = { patterns: [module.pat_str] }): RankTable {
  const byRank: string[] = [];
  for (const line of module.bpe_ranks.split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const firstRank = Number.parseInt(fields[1], 10);
    for (let i = 2; i < fields.length; i++) byRank[firstRank + i - 2] = Buffer.from(fields[i], 'base64').toString('latin1');
  }
  return { encoding, preSplit, ranks: buildRankHashTable(contiguous(encoding, byRank)) };
}

/** A listing straight from a loaded table (the writer takes listings; the table already is one). */
export function listingOf(table: RankTable): RankListing {
  return {
    encoding: table.encoding,
    preSplit: table.preSplit,
    ranks: table.ranks,
    mergeSplits: table.ranks.mergeSplits,
    sentencePiece: table.sentencePiece,
    notice: table.notice,
  };
}

function contiguous(encoding: EncodingName, byRank: (string | undefined)[]): string[] {
  for (let rank = 0; rank < byRank.length; rank++) {
    const bytes = byRank[rank];
    if (bytes === undefined) throw new Error(`${encoding}: rank ${rank} is missing; the compact rank file needs contiguous ranks`);
    if (bytes.length === 0) throw new Error(`${encoding}: token of rank ${rank} is empty`);
  }
  return byRank as string[];
}

/**
 * Compact form: a magic line, one JSON header line, zero padding to a multiple of 4 bytes, then
 *  - 'table' layout: offsets (uint32 LE × count + 1), slots (uint32 LE × slots);
 *  - 'lengths' layout: token byte lengths (uint8 × count), padded to 4 bytes;
 *  - 'sorted' layout: each sorted token's id (3 bytes LE × count), padded to 4 bytes;
 * then, for listed-pair vocabularies, the merge splits (uint16 LE × count, padded to 4 bytes),
 * then the token bytes (in sorted order for 'sorted'); for SentencePiece-style BPE, then its merge tables (sentencePieceTables.ts).
 */
export function encodeRankFile(listing: RankListing, layout: RankFileLayout = 'table'): Buffer {
  const byRank: string[] = [];
  for (const [bytes, rank] of listing.ranks) byRank[rank] = bytes;
  // Also checks that the tokens are distinct, which the sorted layout relies on.
  const table = buildRankHashTable(contiguous(listing.encoding, byRank), listing.mergeSplits);
  if (layout === 'sorted' && listing.mergeSplits) throw new Error(`${listing.encoding}: the 'sorted' layout has no merge splits`);
  const sorted = layout === 'sorted' ? sortTokens(byRank) : undefined;
  const header: RankFileHeader = {
    ...(listing.notice === undefined ? {} : { notice: listing.notice }),
    encoding: listing.encoding,
    preSplit: listing.preSplit,
    layout,
    count: table.size,
    slots: layout === 'table' ? table.slots.length : 0,
    bytes: table.bytes.length,
    mergeSplits: listing.mergeSplits !== undefined,
    ...(sorted ? { lengthCounts: sorted.lengthCounts } : {}),
  };
  const sentencePiece = listing.sentencePiece;
  const mergeTables = sentencePiece ? encodeMergeTables(sentencePiece) : undefined;
  if (sentencePiece && mergeTables) {
    header.sentencePiece = {
      addedTokens: sentencePiece.addedTokens,
      charsBeforeSpace: sentencePiece.charsBeforeSpace,
      merges: sentencePiece.mergeLeftBytes.length,
      tableBytes: mergeTables.length,
    };
  }
  const headerBytes = Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8');
  const parts = [headerBytes, padTo4(headerBytes.length)];
  if (layout === 'table') {
    parts.push(littleEndian(table.offsets), littleEndian(table.slots));
  } else if (sorted) {
    parts.push(sorted.ids, padTo4(sorted.ids.length));
  } else {
    const lengths = Buffer.alloc(table.size);
    for (let rank = 0; rank < table.size; rank++) {
      const length = table.offsets[rank + 1] - table.offsets[rank];
      if (length > 255) throw new Error(`${listing.encoding}: token ${rank} is ${length} bytes, too long for the 'lengths' layout; use 'table'`);
      lengths[rank] = length;
    }
    parts.push(lengths, padTo4(lengths.length));
  }
  if (listing.mergeSplits) parts.push(littleEndian16(listing.mergeSplits), padTo4(listing.mergeSplits.length * 2));
  parts.push(sorted ? sorted.bytes : Buffer.from(table.bytes.buffer, table.bytes.byteOffset, table.bytes.length));
  if (mergeTables) parts.push(mergeTables);
  return Buffer.concat(parts);
}

export function decodeRankFile(file: Buffer, source: string): RankTable {
  const magicEnd = MAGIC.length;
  if (file.length < magicEnd || file.toString('latin1', 0, magicEnd) !== MAGIC) {
    throw new Error(`${source} is not a token rank file of this version (bad magic); rebuild with "npm run build"`);
  }
  const headerEnd = file.indexOf(10, magicEnd);
  if (headerEnd < 0) throw new Error(`${source} is truncated (no header); rebuild with "npm run build"`);
  const header = JSON.parse(file.toString('utf8', magicEnd, headerEnd)) as RankFileHeader;
  const { count, layout } = header;
  const arraysAt = Math.ceil((headerEnd + 1) / 4) * 4;
  const perToken = layout === 'table' ? 4 : layout === 'sorted' ? 3 : 1;
  const splitsAt = arraysAt + Math.ceil((perToken * count) / 4) * 4 + (layout === 'table' ? 4 + 4 * header.slots : 0);
  const bytesAt = header.mergeSplits ? splitsAt + Math.ceil((2 * count) / 4) * 4 : splitsAt;
  const spec = header.sentencePiece;
  const end = bytesAt + header.bytes + (spec ? spec.tableBytes : 0);
  if (file.length < end) throw new Error(`${source} is truncated (${file.length} of ${end} bytes); rebuild with "npm run build"`);
  const bytes = file.subarray(bytesAt, bytesAt + header.bytes);
  const mergeSplits = header.mergeSplits ? uint16View(file, splitsAt, count) : undefined;
  const notice = header.notice === undefined ? {} : { notice: header.notice };
  if (layout === 'table') {
    const offsets = uint32View(file, arraysAt, count + 1);
    if (offsets[count] !== header.bytes) throw damagedOffsets(source);
    const ranks = new RankHashTable(bytes, offsets, uint32View(file, arraysAt + 4 * (count + 1), header.slots), mergeSplits);
    return { encoding: header.encoding, preSplit: header.preSplit, ranks, ...notice };
  }
  let ranks: RankHashTable | SortedTokenTable;
  if (layout === 'sorted') {
    const lengthCounts = header.lengthCounts ?? [];
    ranks = new SortedTokenTable(bytes, file.subarray(arraysAt, arraysAt + 3 * count), lengthCounts);
    if (ranks.size !== count || lengthCounts.reduce((sum, tokens, length) => sum + tokens * length, 0) !== header.bytes)
      throw new Error(`${source} is damaged (token length counts do not match the header); rebuild with "npm run build"`);
  } else {
    ranks = indexRankHashTableFromLengths(bytes, file.subarray(arraysAt, arraysAt + count), mergeSplits);
    if (ranks.offsets[count] !== header.bytes) throw damagedOffsets(source);
  }
  if (!spec) return { encoding: header.encoding, preSplit: header.preSplit, ranks, ...notice };
  const tablesAt = bytesAt + header.bytes;
  const sentencePiece: SentencePieceTables = {
    addedTokens: spec.addedTokens,
    charsBeforeSpace: spec.charsBeforeSpace,
    maxTokenBytes: longestToken(ranks),
    mergeCounts: file.subarray(tablesAt, tablesAt + count),
    mergeLeftBytes: file.subarray(tablesAt + count, tablesAt + count + spec.merges),
    ...decodeMergeIndex(file.subarray(tablesAt + count + spec.merges, end), count, spec.merges, source),
  };
  return { encoding: header.encoding, preSplit: header.preSplit, ranks, sentencePiece, ...notice };
}

function longestToken(ranks: RankHashTable | SortedTokenTable): number {
  if (ranks instanceof SortedTokenTable) return ranks.longest;
  let longest = 0;
  for (let rank = 0; rank < ranks.size; rank++) longest = Math.max(longest, ranks.offsets[rank + 1] - ranks.offsets[rank]);
  return longest;
}

function damagedOffsets(source: string): Error {
  return new Error(`${source} is damaged (token offsets do not match the header); rebuild with "npm run build"`);
}

function padTo4(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}

function littleEndian16(values: Uint16Array): Buffer {
  const out = Buffer.alloc(values.length * 2);
  for (let i = 0; i < values.length; i++) out.writeUInt16LE(values[i], i * 2);
  return out;
}

/** Like uint32View, for the merge splits (aligned to 4 bytes in the file, so to 2 as well). */
function uint16View(file: Buffer, at: number, length: number): Uint16Array {
  if ((file.byteOffset + at) % 2 === 0 && endianness() === 'LE') return new Uint16Array(file.buffer, file.byteOffset + at, length);
  const values = new Uint16Array(length);
  for (let i = 0; i < length; i++) values[i] = file.readUInt16LE(at + i * 2);
  return values;
}

function littleEndian(values: Uint32Array): Buffer {
  const out = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i], i * 4);
  return out;
}

/** A view when the bytes are aligned and the machine is little-endian (the usual case), else a copy. */
function uint32View(file: Buffer, at: number, length: number): Uint32Array {
  if ((file.byteOffset + at) % 4 === 0 && endianness() === 'LE') return new Uint32Array(file.buffer, file.byteOffset + at, length);
  const values = new Uint32Array(length);
  for (let i = 0; i < length; i++) values[i] = file.readUInt32LE(at + i * 4);
  return values;
}
