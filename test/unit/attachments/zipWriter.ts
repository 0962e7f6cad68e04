/**
 * A minimal zip writer for hostile-file tests: rebuilds a workbook with one part replaced —
 * damaged compressed data, a bomb, a directory that lies about sizes. Not for general use.
 */
import zlib from 'node:zlib';
import { readCentralDirectory, readPartBytes } from '../../../src/core/attachments/zipSubset';

export interface ZipPart {
  name: string;
  /** Content; deflated unless `stored`. */
  data: Uint8Array;
  stored?: boolean;
  /** Written as the compressed data instead of deflating `data` (e.g. garbage). */
  rawCompressed?: Uint8Array;
  /** Uncompressed size written in the headers instead of the real one (a lying directory). */
  declaredSize?: number;
}

/** The parts of a zip, in directory order (inflated). */
export function unzipParts(bytes: Uint8Array): ZipPart[] {
  const entries = readCentralDirectory(bytes);
  if (!entries) throw new Error('not a zip');
  return entries.map((e) => ({ name: e.name, data: new Uint8Array(readPartBytes(bytes, e, 1 << 30) ?? []), stored: e.method === 0 }));
}

export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = part.stored ? 0 : 8;
    const compressed = part.rawCompressed ?? (part.stored ? part.data : zlib.deflateRawSync(part.data, { level: 9 }));
    const crc = crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(compressed));
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
