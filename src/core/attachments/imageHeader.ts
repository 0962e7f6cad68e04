/**
 * Image width and height from the file header only (PNG, JPEG, GIF, WebP) — enough for the
 * providers' token formulas, no decoding library needed. JPEG EXIF rotation is not applied
 * (rotation swaps width and height, which leaves every formula below unchanged except
 * Gemini's tiling, by at most one tile row).
 */
export interface ImageSize {
  type: 'png' | 'jpeg' | 'gif' | 'webp';
  width: number;
  height: number;
}

export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (n: number) => bytes.length >= n;
  // PNG: IHDR is always the first chunk.
  if (has(24) && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[12] === 0x49 && bytes[13] === 0x48) {
    return valid({ type: 'png', width: view.getUint32(16), height: view.getUint32(20) });
  }
  if (has(10) && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return valid({ type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) });
  }
  if (has(30) && bytes[0] === 0x52 && bytes[8] === 0x57) return webpSize(bytes, view);
  if (has(4) && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  return undefined;
}

function valid(size: ImageSize): ImageSize | undefined {
  return size.width > 0 && size.height > 0 ? size : undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  const chunk = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunk === 'VP8 ') return valid({ type: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff });
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return valid({ type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 });
  }
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
    return valid({ type: 'webp', width: w, height: h });
  }
  return undefined;
}

/** Walk the JPEG segments to the first start-of-frame marker. */
function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return valid({ type: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) });
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}
