/**
 * Bytes → text the way an editor would show them: BOMs honoured (UTF-8, UTF-16), otherwise
 * strict UTF-8, falling back to Windows-1252 with an 'encoding' problem so the count is still
 * useful but the user learns why characters may be wrong.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  hadBom: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', hadBom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', hadBom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', hadBom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false };
  }
}

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as ISO-8859-1 control characters
// (€, –, — … would vanish), so those 32 code points are mapped here per the WHATWG table.
const C1_WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (b) => (b >= 0x80 && b <= 0x9f ? C1_WINDOWS_1252.charCodeAt(b - 0x80) : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}
