/**
 * Reads a zip's central directory (no inflating) to learn how large its parts claim to be —
 * a zip bomb is refused before the parser ever sees it. Sizes can lie; the worker's memory cap
 * is the backstop.
 */
export interface ZipDeclaredSize {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
  /** ZIP64 sizes are not decoded: the declared total is then a lower bound. */
  zip64: boolean;
}

export function zipDeclaredSize(bytes: Uint8Array): ZipDeclaredSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let compressedBytes = 0;
  let uncompressedBytes = 0;
  let zip64 = entries === 0xffff || offset === 0xffffffff;
  for (let n = 0; n < entries && offset + 46 <= bytes.length; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) zip64 = true;
    else {
      compressedBytes += compressed;
      uncompressedBytes += uncompressed;
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { entries, compressedBytes, uncompressedBytes, zip64 };
}
