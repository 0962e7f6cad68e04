/**
 * The byte-pair ranks of one encoding, and the compact file form we ship them in.
 *
 * js-tiktoken stores ranks as base64 text inside a JS module; building its lookup table from that
 * text is most of a cold start (PERFORMANCE.md). The build writes the same ranks into `dist/ranks/`
 * already laid out as the lookup structure (rankHashTable.ts): token bytes, their offsets and the
 * hash slots. Loading is one file read and typed-array views over it, with no per-token pass.
 * Exactness against js-tiktoken is checked by test/unit/tokens/rankTable.test.ts.
 */
import { endianness } from 'node:os';
import type { EncodingName } from '../profiles/modelProfile';
import { buildRankHashTable, RankHashTable } from './rankHashTable';

export interface RankTable {
  encoding: EncodingName;
  /** The pre-split regular expression source (JavaScript syntax, used with the `u` flag). */
  patStr: string;
  /** Token bytes as a latin1 string (one char per byte) → rank. */
  ranks: RankHashTable;
}

/** What the file writer needs: any [token, rank] listing (a Map in tests). */
export interface RankListing {
  encoding: EncodingName;
  patStr: string;
  ranks: Iterable<[string, number]>;
}

/** Shape of js-tiktoken's `js-tiktoken/ranks/<encoding>` modules. */
export interface TiktokenRankModule {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

const MAGIC = 'MVP-RANKS-2\n';

interface RankFileHeader {
  encoding: EncodingName;
  patStr: string;
  count: number;
  slots: number;
  bytes: number;
}

/** Parses js-tiktoken's rank module text: lines of `<prefix> <firstRank> <base64 token>…`. */
export function rankTableFromTiktokenModule(encoding: EncodingName, module: TiktokenRankModule): RankTable {
  const byRank: string[] = [];
  for (const line of module.bpe_ranks.split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const firstRank = Number.parseInt(fields[1], 10);
    for (let i = 2; i < fields.length; i++) byRank[firstRank + i - 2] = Buffer.from(fields[i], 'base64').toString('latin1');
  }
  return { encoding, patStr: module.pat_str, ranks: buildRankHashTable(contiguous(encoding, byRank)) };
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
 * the table's arrays as they sit in memory: offsets (uint32 LE × count + 1), slots (uint32 LE ×
 * slots), token bytes.
 */
export function encodeRankFile(listing: RankListing): Buffer {
  const byRank: string[] = [];
  for (const [bytes, rank] of listing.ranks) byRank[rank] = bytes;
  const table = buildRankHashTable(contiguous(listing.encoding, byRank));
  const header: RankFileHeader = { encoding: listing.encoding, patStr: listing.patStr, count: table.size, slots: table.slots.length, bytes: table.bytes.length };
  const headerBytes = Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8');
  const padding = Buffer.alloc((4 - (headerBytes.length % 4)) % 4);
  return Buffer.concat([headerBytes, padding, littleEndian(table.offsets), littleEndian(table.slots), table.bytes]);
}

export function decodeRankFile(file: Buffer, source: string): RankTable {
  const magicEnd = MAGIC.length;
  if (file.length < magicEnd || file.toString('latin1', 0, magicEnd) !== MAGIC) {
    throw new Error(`${source} is not a token rank file of this version (bad magic); rebuild with "npm run build"`);
  }
  const headerEnd = file.indexOf(10, magicEnd);
  if (headerEnd < 0) throw new Error(`${source} is truncated (no header); rebuild with "npm run build"`);
  const header = JSON.parse(file.toString('utf8', magicEnd, headerEnd)) as RankFileHeader;
  const offsetsAt = Math.ceil((headerEnd + 1) / 4) * 4;
  const slotsAt = offsetsAt + 4 * (header.count + 1);
  const bytesAt = slotsAt + 4 * header.slots;
  const end = bytesAt + header.bytes;
  if (file.length < end) throw new Error(`${source} is truncated (${file.length} of ${end} bytes); rebuild with "npm run build"`);
  const offsets = uint32View(file, offsetsAt, header.count + 1);
  if (offsets[header.count] !== header.bytes) throw new Error(`${source} is damaged (token offsets do not match the header); rebuild with "npm run build"`);
  const ranks = new RankHashTable(file.subarray(bytesAt, end), offsets, uint32View(file, slotsAt, header.slots));
  return { encoding: header.encoding, patStr: header.patStr, ranks };
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
