/**
 * One attached file → AttachmentAnalysis: access checks, format by content (not extension),
 * then the reader for that format. Never throws for bad input; every failure is a problem.
 */
import path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import type { AttachmentReference } from '../prompt/parsedPrompt';
import type { AttachmentAnalysis, AttachmentFormat, AttachmentProblem } from './attachment';
import type { CountTokens } from './attachmentForm';
import { readCsv } from './csvReader';
import { decodeText } from './decodeText';
import { checkFileAccess, type FileAccessPolicy } from './fileAccess';
import { readImage } from './imageReader';
import { readJson } from './jsonReader';
import { readPdf } from './pdfReader';
import { looksLikeLog, readPlainText } from './plainTextReader';
import type { ReaderContext, ReaderResult } from './readerContext';
import { readSpreadsheet, type SpreadsheetReadLimits } from './spreadsheetReader';
import { sniffFormat } from './sniffFormat';

export interface AttachmentReadOptions extends FileAccessPolicy, SpreadsheetReadLimits {
  /** The chosen model's tokenizer. */
  countTokens: CountTokens;
  /** The model's provider ('openai' | 'anthropic' | 'google' | …): picks the image formula. */
  provider?: string;
  /** Keep form texts up to this many characters (for fixes/conversions); default 1,000,000. */
  keepTextUpTo?: number;
  /** Rows/items kept by "schema + first N" reductions (default 20). */
  previewRows?: number;
}

export const DEFAULT_KEEP_TEXT_UP_TO = 1_000_000;

export async function readAttachment(reference: AttachmentReference, options: AttachmentReadOptions): Promise<AttachmentAnalysis> {
  const label = path.basename(reference.path) || reference.rawPath;
  const access = await checkFileAccess(reference.path, label, options);
  if (!access.ok) return notRead(reference, access.size, access.problem);
  if (options.signal?.aborted) return notRead(reference, access.size, { code: 'timeout', message: `${label}: reading was cancelled.` });

  // Read through the descriptor checks (regular file, non-blocking open, cap): the file may have
  // been swapped for a FIFO or a device since it was checked.
  const read = await readRegularFile(access.realPath, 'attachment', { label, maxBytes: options.maxBytes });
  if (!read.ok) {
    return notRead(reference, read.size ?? access.size, { code: read.code === 'tooLarge' ? 'tooLarge' : read.code === 'notRegular' || read.code === 'folder' ? 'notText' : 'missing', message: read.message });
  }
  const bytes: Uint8Array = read.bytes;
  const ctx: ReaderContext = {
    label,
    countTokens: options.countTokens,
    keepTextUpTo: options.keepTextUpTo ?? DEFAULT_KEEP_TEXT_UP_TO,
    previewRows: options.previewRows ?? 20,
  };
  const result = await readBytes(bytes, reference, ctx, options);
  if (access.outsideWorkspace) result.details.outsideWorkspace = true;
  return { reference, bytes: bytes.length, ...result };
}

async function readBytes(bytes: Uint8Array, reference: AttachmentReference, ctx: ReaderContext, options: AttachmentReadOptions): Promise<ReaderResult> {
  if (bytes.length === 0) {
    return { format: 'text', naive: { description: 'Empty file', tokens: 0 }, details: {}, problems: [{ code: 'empty', message: `${ctx.label}: the file is empty — nothing would be sent.` }] };
  }
  const sniff = sniffFormat(bytes, reference.path);
  const problems: AttachmentProblem[] = [];
  if (sniff.extensionMismatch) {
    problems.push({
      code: 'wrongExtension',
      message: `${ctx.label}: the name says ${article(sniff.extensionMismatch.extensionSays)} but the content is ${article(sniff.extensionMismatch.contentIs)} — read as ${sniff.extensionMismatch.contentIs}; rename the file so tools open it correctly.`,
    });
  }
  const result = await readAs(sniff.format, bytes, reference, ctx, options);
  result.problems.unshift(...problems);
  result.details.detectedFormat = sniff.format;
  return result;
}

async function readAs(format: AttachmentFormat, bytes: Uint8Array, reference: AttachmentReference, ctx: ReaderContext, options: AttachmentReadOptions): Promise<ReaderResult> {
  switch (format) {
    case 'spreadsheet':
      return readSpreadsheet(bytes, reference.sheet, ctx, options);
    case 'image':
      return readImage(bytes, options.provider, ctx);
    case 'pdf':
      return readPdf(bytes, ctx);
    case 'binary':
    case 'unreadable':
      return {
        format: 'binary',
        naive: { description: 'Binary file (not text)', tokens: 0 },
        details: {},
        problems: [{ code: 'notText', message: `${ctx.label}: not text (binary content) — it would not be sent to the model as text; attach a text export instead.` }],
      };
    default:
      return readText(format, bytes, ctx);
  }
}

function readText(format: AttachmentFormat, bytes: Uint8Array, ctx: ReaderContext): ReaderResult {
  const decoded = decodeText(bytes);
  const problems: AttachmentProblem[] = [];
  if (decoded.encoding === 'windows-1252') {
    problems.push({ code: 'encoding', message: `${ctx.label}: not valid UTF-8 — read as Windows-1252; some characters may be wrong. Re-save the file as UTF-8.` });
  }
  let result: ReaderResult;
  if (format === 'json') {
    const json = readJson(decoded.text, ctx);
    if ('invalid' in json) {
      result = readPlainText(decoded.text, 'text', ctx);
      result.problems.push(json.invalid);
    } else result = json;
  } else if (format === 'csv') {
    result = readCsv(decoded.text, ctx);
  } else if (format === 'text' && looksLikeLog(decoded.text)) {
    result = readPlainText(decoded.text, 'log', ctx);
  } else {
    result = readPlainText(decoded.text, format, ctx);
  }
  result.details.encoding = decoded.encoding;
  result.problems.unshift(...problems);
  return result;
}

function notRead(reference: AttachmentReference, bytes: number, problem: AttachmentProblem): AttachmentAnalysis {
  return { reference, format: 'unreadable', bytes, naive: { description: 'Not read', tokens: 0 }, details: {}, problems: [problem] };
}

function article(format: AttachmentFormat): string {
  const names: Record<AttachmentFormat, string> = {
    spreadsheet: 'a spreadsheet',
    csv: 'CSV text',
    json: 'JSON',
    log: 'a log',
    text: 'text',
    code: 'code',
    image: 'an image',
    pdf: 'a PDF',
    binary: 'binary data',
    unreadable: 'unreadable',
  };
  return names[format];
}
