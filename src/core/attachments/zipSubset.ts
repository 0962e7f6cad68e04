/**
 * A copy of an OOXML workbook zip without the worksheets we were not asked for (and without
 * media, drawings, charts and pivot caches). SheetJS unpacks every part of a zip before it
 * looks at the `sheets` filter, so for "convert one sheet of four" this cuts the inflating and
 * the memory to roughly the one sheet. Compressed data is copied as is — nothing is inflated but
 * the two small parts that name the sheets. Any surprise (ZIP64, odd layout) returns undefined
 * and the caller parses the original bytes. Its directory and capped part readers also serve
 * odsSheets.ts (hidden sheets of .ods workbooks).
 */
import buffer from 'node:buffer';
import zlib from 'node:zlib';
import { resolveSheetName } from './sheetNames';

export interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  record: Uint8Array;
}

/** Parts that never affect cell values. */
const DROPPABLE = /^xl\/(media|drawings|charts|pivotCache|pivotTables|printerSettings|externalLinks|embeddings|activeX|ctrlProps)\//;
const SMALL_PART_LIMIT = 16 * 1024 * 1024;

export interface SheetInZip {
  name: string;
  hidden: boolean;
  part: string;
}

export function keepOnlySheet(bytes: Uint8Array, wanted: string | number): { bytes: Uint8Array; sheet: SheetInZip } | undefined {
  try {
    const entries = readCentralDirectory(bytes);
    if (!entries) return undefined;
    const sheets = listSheets(bytes, entries);
    if (!sheets?.length) return undefined;
    const sheet =
      typeof wanted === 'number' ? sheets[wanted] : sheets.find((s) => s.name === resolveSheetName(sheets.map((x) => x.name), wanted));
    if (!sheet) return undefined;
    const otherSheetParts = new Set(sheets.filter((s) => s !== sheet).map((s) => s.part));
    const keep = entries.filter((e) => {
      if (DROPPABLE.test(e.name)) return false;
      if (otherSheetParts.has(e.name)) return false;
      return true;
    });
    return { bytes: writeZip(bytes, entries, keep), sheet };
  } catch {
    return undefined;
  }
}

/** The zip's central directory (no inflating); undefined for ZIP64 or anything malformed. */
export function readCentralDirectory(bytes: Uint8Array): CentralEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return undefined; // ZIP64
  const entries: CentralEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const length = 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff || offset + length > bytes.length) return undefined;
    entries.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + offset + 46, nameLength).toString('utf8').replace(/\\/g, '/'),
      method: view.getUint16(offset + 10, true),
      compressedSize,
      localOffset,
      record: bytes.subarray(offset, offset + length),
    });
    offset += length;
  }
  return entries;
}

function readPart(bytes: Uint8Array, entry: CentralEntry): string | undefined {
  return readPartBytes(bytes, entry, SMALL_PART_LIMIT)?.toString('utf8');
}

/**
 * One part's content. Inflating never produces more than maxBytes: it stops there with zlib's
 * ERR_BUFFER_TOO_LARGE (the directory's declared size is not trusted); a stored part is a view
 * of `bytes`, allocating nothing. Undefined for a bad local header or a compression method other
 * than stored/deflate; other zlib errors (damaged data) throw.
 */
export function readPartBytes(bytes: Uint8Array, entry: CentralEntry, maxBytes: number): Buffer | undefined {
  return readPartStart(bytes, entry, Infinity, maxBytes)?.data;
}

/**
 * What the first `compressedBytes` of a part inflate to (all of it when the part is smaller;
 * `complete` says which), under the same cap as readPartBytes. Lets a reader look at the head
 * of a large part without unpacking the rest.
 */
export function readPartStart(bytes: Uint8Array, entry: CentralEntry, compressedBytes: number, maxBytes: number): { data: Buffer; complete: boolean } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const whole = bytes.subarray(start, start + entry.compressedSize);
  const complete = compressedBytes >= whole.length;
  const data = complete ? whole : whole.subarray(0, compressedBytes);
  if (entry.method === 0) return { data: Buffer.from(data.buffer, data.byteOffset, data.length), complete }; // a view: nothing allocated
  if (entry.method !== 8) return undefined;
  const maxOutputLength = Math.max(1, Math.min(maxBytes, buffer.constants.MAX_LENGTH));
  // Cut short, the stream has no end: a sync flush yields what the bytes given decode to.
  const finishFlush = complete ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  return { data: zlib.inflateRawSync(data, { maxOutputLength, finishFlush }), complete };
}

/** Sheet names, visibility and part paths from xl/workbook.xml and its relationships. */
function listSheets(bytes: Uint8Array, entries: CentralEntry[]): SheetInZip[] | undefined {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) return undefined;
  const workbook = readPart(bytes, workbookEntry);
  const rels = readPart(bytes, relsEntry);
  if (workbook === undefined || rels === undefined) return undefined;

  const targets = new Map<string, string>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetInZip[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const id = /\b[\w]+:id="([^"]*)"/.exec(tag)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name === undefined || !part || !byName.has(part)) return undefined;
    sheets.push({ name: decodeXml(name), hidden: /\bstate="(hidden|veryHidden)"/.test(tag), part });
  }
  return sheets;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** XML attribute text → the string it stands for (the five named entities, numeric references). */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (whole, code: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[code.toLowerCase()]) return named[code.toLowerCase()];
    const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return point <= 0x10ffff ? String.fromCodePoint(point) : whole; // out of range: left as written, never a throw
  });
}

/** Local blocks copied verbatim (header, data, any data descriptor), offsets rewritten. */
function writeZip(bytes: Uint8Array, all: CentralEntry[], keep: CentralEntry[]): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const centralStart = view.getUint32(eocd + 16, true);
  const offsets = [...new Set(all.map((e) => e.localOffset)), centralStart].sort((a, b) => a - b);
  const blockEnd = (start: number) => offsets[offsets.indexOf(start) + 1];

  const blocks = keep.map((e) => bytes.subarray(e.localOffset, blockEnd(e.localOffset)));
  const localSize = blocks.reduce((n, b) => n + b.length, 0);
  const centralSize = keep.reduce((n, e) => n + e.record.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const outView = new DataView(out.buffer);
  let at = 0;
  const newOffsets: number[] = [];
  for (const block of blocks) {
    newOffsets.push(at);
    out.set(block, at);
    at += block.length;
  }
  keep.forEach((e, i) => {
    out.set(e.record, at);
    outView.setUint32(at + 42, newOffsets[i], true);
    at += e.record.length;
  });
  out.set(bytes.subarray(eocd, eocd + 22), at);
  outView.setUint16(at + 8, keep.length, true);
  outView.setUint16(at + 10, keep.length, true);
  outView.setUint32(at + 12, centralSize, true);
  outView.setUint32(at + 16, localSize, true);
  outView.setUint16(at + 20, 0, true);
  return out;
}
