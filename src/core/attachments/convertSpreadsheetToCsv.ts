/**
 * Writes one sheet of a workbook as a CSV file next to it (or where asked). Never overwrites
 * an existing file unless the caller explicitly asks for it, and never the workbook itself.
 */
import path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import { writeRegularFile } from '../files/writeRegularFile';
import type { AttachmentProblem } from './attachment';
import { checkFileAccess, type FileAccessPolicy } from './fileAccess';
import { runSpreadsheetWorker, type SpreadsheetLimits } from './runSpreadsheetWorker';
import { checkInflatedSize } from './spreadsheetReader';
import { sniffFormat } from './sniffFormat';

export interface ConvertSpreadsheetOptions extends SpreadsheetLimits, FileAccessPolicy {
  /** Sheet name or 1-based index; default: the first visible sheet with data. */
  sheet?: string;
  /** Where to write; default `<folder>/<workbook>.<sheet>.csv`. */
  outPath?: string;
  /**
   * When the target exists: 'fail' (default) reports it; 'numbered' writes `name (2).csv`
   * instead; 'overwrite' replaces it (the CLI's --force).
   */
  existing?: 'fail' | 'numbered' | 'overwrite';
  /** Refuse zips declaring more inflated bytes than this (default: the memory cap). */
  maxInflatedBytes?: number;
}

export type ConvertSpreadsheetResult =
  | { ok: true; outPath: string; sheet: string; rows: number; columns: number; csv: string; sheetNames: string[] }
  | { ok: false; problem: AttachmentProblem; sheetNames?: string[] };

export async function convertSpreadsheetToCsv(sourcePath: string, options: ConvertSpreadsheetOptions = {}): Promise<ConvertSpreadsheetResult> {
  const label = path.basename(sourcePath);
  const access = await checkFileAccess(sourcePath, label, options);
  if (!access.ok) return { ok: false, problem: access.problem };
  const read = await readRegularFile(access.realPath, 'attachment', { label, maxBytes: options.maxBytes });
  if (!read.ok) return { ok: false, problem: { code: read.code === 'tooLarge' ? 'tooLarge' : 'missing', message: read.message } };
  const bytes = read.bytes;
  const sniff = sniffFormat(bytes, sourcePath);
  if (sniff.format !== 'spreadsheet') {
    return { ok: false, problem: { code: 'wrongExtension', message: `${label}: not a workbook (the content is ${sniff.format}) — nothing to convert.` } };
  }
  const refused = checkInflatedSize(bytes, label, options);
  if (refused) return { ok: false, problem: refused };

  const outcome = await runSpreadsheetWorker(label, { bytes, mode: 'convert', sheet: options.sheet }, { ...options, inflateBudgetBytes: options.inflateBudgetBytes ?? options.maxInflatedBytes });
  if (!outcome.ok) return { ok: false, problem: outcome.problem };
  const book = outcome.result;
  const sheet = book.sheets.find((s) => s.name === book.selectedSheet);
  if (!sheet && options.sheet === undefined) {
    return { ok: false, sheetNames: book.sheetNames, problem: { code: 'empty', message: `${label}: no visible sheet has data — nothing to convert.` } };
  }
  if (!sheet) {
    const list = book.sheetNames.map((n, i) => `${i + 1}: "${n}"`).join(', ');
    return { ok: false, sheetNames: book.sheetNames, problem: { code: 'missing', message: `${label}: no sheet "${options.sheet}" — the sheets are ${list || '(none)'}.` } };
  }
  if (!sheet.nonEmptyCells) {
    return { ok: false, sheetNames: book.sheetNames, problem: { code: 'empty', message: `${label}: sheet "${sheet.name}" has no data — nothing to convert.` } };
  }

  const target = path.resolve(options.outPath ?? defaultCsvPath(access.realPath, sheet.name));
  const csv = (sheet.csv ?? '') + '\n';
  const written = await writeWithoutClobbering(target, csv, access.realPath, options.existing ?? 'fail', label);
  if (!written.ok) return { ok: false, problem: written.problem, sheetNames: book.sheetNames };
  return { ok: true, outPath: written.path, sheet: sheet.name, rows: sheet.rows, columns: sheet.columns, csv: sheet.csv ?? '', sheetNames: book.sheetNames };
}

/** `book.xlsx` + sheet "Q3 / 2024" → `book.Q3 - 2024.csv` (characters unsafe in file names replaced). */
export function defaultCsvPath(workbookPath: string, sheetName: string): string {
  const base = path.basename(workbookPath, path.extname(workbookPath));
  const safeSheet = sheetName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').trim() || 'sheet';
  return path.join(path.dirname(workbookPath), `${base}.${safeSheet}.csv`);
}

async function writeWithoutClobbering(
  target: string,
  text: string,
  sourceRealPath: string,
  existing: 'fail' | 'numbered' | 'overwrite',
  label: string,
): Promise<{ ok: true; path: string } | { ok: false; problem: AttachmentProblem }> {
  const candidates = existing === 'numbered' ? numberedNames(target) : [target];
  for (const candidate of candidates) {
    // Never the workbook itself, never a device/FIFO/folder; temp files are removed on every path.
    const written = await writeRegularFile(candidate, text, { overwrite: existing === 'overwrite', inputs: [sourceRealPath] });
    if (written.ok) return { ok: true, path: written.path };
    if (written.code === 'exists' && existing === 'numbered') continue;
    const message = written.code === 'isInput' ? `${label}: the output path is the workbook itself — choose another --out path.` : written.message;
    return { ok: false, problem: { code: 'missing', message } };
  }
  return {
    ok: false,
    problem: { code: 'missing', message: `${path.basename(target)} already exists — not overwritten. Choose another output path, or pass --force to replace it.` },
  };
}

function* numberedNames(target: string): Generator<string> {
  yield target;
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 2; n < 1000; n++) yield `${stem} (${n})${ext}`;
}
