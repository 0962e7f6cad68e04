/**
 * What a file really is, from its first bytes — extensions lie (a CSV saved as .xlsx, a PNG
 * named .jpg). The extension only breaks ties between text formats.
 */
import path from 'node:path';
import type { AttachmentFormat } from './attachment';

export type ContainerKind = 'zip' | 'cfb' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text' | 'binary';

export interface SniffResult {
  container: ContainerKind;
  format: AttachmentFormat;
  /** The extension suggests a different format than the content has. */
  extensionMismatch?: { extensionSays: AttachmentFormat; contentIs: AttachmentFormat };
}

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xlsb', '.xls', '.ods', '.fods']);
const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.tab']);
const JSON_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.geojson']);
const LOG_EXTENSIONS = new Set(['.log', '.out', '.err', '.trace']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp']);
const CODE_EXTENSIONS = new Set([
  '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.py', '.java', '.kt', '.go', '.rs', '.c', '.h', '.cc', '.cpp', '.hpp',
  '.cs', '.rb', '.php', '.swift', '.scala', '.sh', '.bash', '.ps1', '.sql', '.lua', '.r', '.m', '.vue', '.svelte',
  '.css', '.scss', '.html', '.xml', '.yaml', '.yml', '.toml',
]);

export function formatFromExtension(filePath: string): AttachmentFormat {
  const ext = path.extname(filePath).toLowerCase();
  if (SPREADSHEET_EXTENSIONS.has(ext)) return 'spreadsheet';
  if (CSV_EXTENSIONS.has(ext)) return 'csv';
  if (JSON_EXTENSIONS.has(ext)) return 'json';
  if (LOG_EXTENSIONS.has(ext)) return 'log';
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  if (ext === '.pdf') return 'pdf';
  if (CODE_EXTENSIONS.has(ext)) return 'code';
  return 'text';
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function containsAscii(bytes: Uint8Array, needle: string, limit = 4096): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).includes(needle, 0, 'latin1');
}

export function containerOf(bytes: Uint8Array): ContainerKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (containsAscii(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return looksBinary(bytes) ? 'binary' : 'text';
}

/**
 * NUL bytes in the first 8 KB mean binary — except in UTF-16 text, which announces itself
 * with a byte-order mark.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return end > 0 && control / end > 0.1;
}

export function sniffFormat(bytes: Uint8Array, filePath: string): SniffResult {
  const extensionSays = formatFromExtension(filePath);
  const container = containerOf(bytes);
  const contentIs = formatOfContent(container, bytes, extensionSays);
  const result: SniffResult = { container, format: contentIs };
  if (contentIs !== extensionSays && contentIs !== 'binary' && !compatible(extensionSays, contentIs)) result.extensionMismatch = { extensionSays, contentIs };
  return result;
}

function formatOfContent(container: ContainerKind, bytes: Uint8Array, extensionSays: AttachmentFormat): AttachmentFormat {
  switch (container) {
    case 'zip':
      // OOXML workbooks name xl/ parts; ODS starts with its mimetype entry.
      if (containsAscii(bytes, 'xl/', 65536) || containsAscii(bytes, 'opendocument.spreadsheet', 256)) return 'spreadsheet';
      return extensionSays === 'spreadsheet' ? 'spreadsheet' : 'binary';
    case 'cfb':
      // Legacy .xls, and password-protected .xlsx (an encrypted OOXML package lives in a CFB).
      return extensionSays === 'spreadsheet' || containsAscii(bytes, 'W\0o\0r\0k\0b\0o\0o\0k', bytes.length) || containsAscii(bytes, 'E\0n\0c\0r\0y\0p\0t\0i\0o\0n', bytes.length)
        ? 'spreadsheet'
        : 'binary';
    case 'pdf':
      return 'pdf';
    case 'png':
    case 'jpeg':
    case 'gif':
    case 'webp':
      return 'image';
    case 'binary':
      // A damaged workbook is still reported as a workbook problem, not "not text".
      return extensionSays === 'spreadsheet' ? 'spreadsheet' : 'binary';
    case 'text':
      return textFormat(bytes, extensionSays);
  }
}

/** Text content: trust a text-ish extension, otherwise look at the first line. */
function textFormat(bytes: Uint8Array, extensionSays: AttachmentFormat): AttachmentFormat {
  if (extensionSays === 'csv' || extensionSays === 'json' || extensionSays === 'log' || extensionSays === 'code' || extensionSays === 'text') {
    return extensionSays;
  }
  // A binary extension on text content (book.xlsx that is really CSV): guess from the text.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  // Flat OpenDocument (.fods): a whole workbook in one XML file, which SheetJS reads like .ods.
  if (extensionSays === 'spreadsheet' && /<office:document\b/.test(head) && containsAscii(bytes, 'opendocument.spreadsheet', 65536)) return 'spreadsheet';
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'json';
  const firstLines = head.split(/\r?\n/).slice(0, 5).filter((l) => l.length > 0);
  if (firstLines.length >= 1 && ['\t', ',', ';'].some((d) => firstLines.every((l) => l.includes(d)))) return 'csv';
  return 'text';
}

function compatible(extensionSays: AttachmentFormat, contentIs: AttachmentFormat): boolean {
  const textish = new Set<AttachmentFormat>(['text', 'code', 'log', 'csv', 'json']);
  return textish.has(extensionSays) && textish.has(contentIs);
}
