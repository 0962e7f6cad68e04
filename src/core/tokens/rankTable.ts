/**
 * The byte-pair ranks of one encoding, and the compact file form we ship them in.
 *
 * js-tiktoken stores ranks as base64 text inside a JS module; building its lookup table from that
 * text is most of a cold start (PERFORMANCE.md). The build writes the same ranks into `dist/ranks/`
 * as a length-prefixed binary file: decoding it is a linear scan with no base64 and no string
 * splitting. Exactness against js-tiktoken is checked by test/unit/tokens/rankTable.test.ts.
 */
import type { EncodingName } from '../profiles/modelProfile';

export interface RankTable {
  encoding: EncodingName;
  /** The pre-split regular expression source (JavaScript syntax, used with the `u` flag). */
  patStr: string;
  /** Token bytes as a latin1 string (one char per byte) → rank. */
  ranks: Map<string, number>;
}

/** Shape of js-tiktoken's `js-tiktoken/ranks/<encoding>` modules. */
export interface TiktokenRankModule {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

const MAGIC = 'MVP-RANKS-1\n';

/** Parses js-tiktoken's rank module text: lines of `<prefix> <firstRank> <base64 token>…`. */
export function rankTableFromTiktokenModule(encoding: EncodingName, module: TiktokenRankModule): RankTable {
  const ranks = new Map<string, number>();
  for (const line of module.bpe_ranks.split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const firstRank = Number.parseInt(fields[1], 10);
    for (let i = 2; i < fields.length; i++) {
      ranks.set(Buffer.from(fields[i], 'base64').toString('latin1'), firstRank + i - 2);
    }
  }
  return { encoding, patStr: module.pat_str, ranks };
}

/**
 * Compact form: a magic line, one JSON header line, then for rank 0, 1, 2 … one length byte and
 * that many token bytes. Ranks are contiguous in both encodings we ship (checked when writing).
 */
export function encodeRankFile(table: RankTable): Buffer {
  const byRank: string[] = [];
  for (const [bytes, rank] of table.ranks) byRank[rank] = bytes;
  let size = 0;
  for (let rank = 0; rank < byRank.length; rank++) {
    const bytes = byRank[rank];
    if (bytes === undefined) throw new Error(`${table.encoding}: rank ${rank} is missing; the compact rank file needs contiguous ranks`);
    if (bytes.length === 0 || bytes.length > 255) throw new Error(`${table.encoding}: token of rank ${rank} has ${bytes.length} bytes (1–255 supported)`);
    size += 1 + bytes.length;
  }
  const header = Buffer.from(MAGIC + JSON.stringify({ encoding: table.encoding, patStr: table.patStr, count: byRank.length }) + '\n', 'utf8');
  const body = Buffer.alloc(size);
  let at = 0;
  for (const bytes of byRank) {
    body[at++] = bytes.length;
    at += body.write(bytes, at, 'latin1');
  }
  return Buffer.concat([header, body]);
}

export function decodeRankFile(file: Buffer, source: string): RankTable {
  const magicEnd = MAGIC.length;
  if (file.length < magicEnd || file.toString('latin1', 0, magicEnd) !== MAGIC) {
    throw new Error(`${source} is not a token rank file (bad magic); rebuild with "npm run build"`);
  }
  const headerEnd = file.indexOf(10, magicEnd);
  if (headerEnd < 0) throw new Error(`${source} is truncated (no header); rebuild with "npm run build"`);
  const header = JSON.parse(file.toString('utf8', magicEnd, headerEnd)) as { encoding: EncodingName; patStr: string; count: number };
  const ranks = new Map<string, number>();
  // One latin1 decode of the whole body, then substrings: far cheaper than one decode per token.
  const body = file.toString('latin1', headerEnd + 1);
  let at = 0;
  for (let rank = 0; rank < header.count; rank++) {
    const length = body.charCodeAt(at);
    const end = at + 1 + length;
    if (Number.isNaN(length) || end > body.length) throw new Error(`${source} is truncated at rank ${rank}; rebuild with "npm run build"`);
    ranks.set(body.slice(at + 1, end), rank);
    at = end;
  }
  return { encoding: header.encoding, patStr: header.patStr, ranks };
}
