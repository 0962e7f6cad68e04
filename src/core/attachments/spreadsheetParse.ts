/**
 * Workbook → plain text (CSV per sheet, a Markdown dump of the whole book) and facts.
 *
 * Runs only inside spreadsheetWorker (see there for why). Everything returned is built from
 * strings and numbers, never SheetJS objects, so it is safe to post across threads.
 */
import * as XLSX from 'xlsx';
import Papa from 'papaparse';
import { readOdsSheets, type OdsSheets } from './odsSheets';
import { resolveSheetName } from './sheetNames';
import { decodeXml, keepOnlySheet } from './zipSubset';

export { resolveSheetName };

export interface SpreadsheetJob {
  bytes: Uint8Array;
  /** 'analyse': every sheet's facts, CSV and dump. 'convert': only the chosen sheet's CSV. */
  mode: 'analyse' | 'convert';
  /** Sheet name, or a 1-based index written as digits ("2") when no sheet has that name. */
  sheet?: string;
  /**
   * Most bytes parseWorkbook may inflate for its own reads (an .ods's content.xml, for sheet
   * visibility); default 256 MB. The worker passes its inflate budget.
   */
  inflateBudgetBytes?: number;
}

/** The worker's default inflate budget: half its default 512 MB heap cap. */
const DEFAULT_INFLATE_BUDGET_BYTES = 256 * 1024 * 1024;

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSummary {
  name: string;
  visibility: SheetVisibility;
  /** The range the file declares as used ("A1:F200"), or "" for an empty sheet. */
  usedRange: string;
  /** Rows/columns after trailing empty rows and columns are dropped. */
  rows: number;
  columns: number;
  /** Rows/columns the declared used range spans (trailing empties included). */
  declaredRows: number;
  declaredColumns: number;
  nonEmptyCells: number;
  mergedCells: number;
  formulas: number;
  /** Formulas the file stores without a computed value (e.g. written by a script, never opened). */
  formulasWithoutCachedValue: number;
  /** The sheet as CSV, trailing empties dropped; absent in 'convert' mode for other sheets. */
  csv?: string;
  /** "## name" + Markdown table of the declared used range — the naive "dump". */
  dump?: string;
}

export interface WorkbookResult {
  sheetNames: string[];
  sheets: SheetSummary[];
  /** Name of the sheet the job asked for, when found. */
  selectedSheet?: string;
  /** The job named a sheet that the workbook does not have. */
  sheetNotFound?: string;
}

export function parseWorkbook(job: SpreadsheetJob): WorkbookResult {
  if (job.mode === 'convert' && job.sheet === undefined) return convertFirstVisibleSheetWithData(job);
  // 'convert' parses only the wanted sheet (by name, or by index when the text is digits):
  // one pass over the file, where asking for the names first would cost a second full unzip.
  let only: (string | number)[] | undefined;
  if (job.mode === 'convert' && job.sheet !== undefined) {
    only = [job.sheet];
    if (/^\d+$/.test(job.sheet) && Number(job.sheet) >= 1) only.push(Number(job.sheet) - 1);
  }
  const ods = readOdsSheets(job.bytes, job.inflateBudgetBytes ?? DEFAULT_INFLATE_BUDGET_BYTES);
  const book = (only && readSubset(job.bytes, job.sheet as string)) || readBook(job.bytes, only);
  const entries = sheetEntries(book, ods);
  const names = entries.map((e) => e.name);
  const selected = job.sheet === undefined ? undefined : resolveSheetName(names, job.sheet);
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets: SheetSummary[] = [];
  for (const entry of entries) {
    const sheet = book.Sheets[entry.key];
    if (!sheet) continue;
    if (job.mode === 'convert' && entry.name !== selected) continue;
    sheets.push(summariseSheet(entry.name, entry.visibility, sheet, date1904, true, job.mode === 'analyse'));
  }
  return {
    sheetNames: names,
    sheets,
    selectedSheet: selected,
    sheetNotFound: job.sheet !== undefined && selected === undefined ? job.sheet : undefined,
  };
}

/**
 * No sheet named: the first visible sheet that has data. Usually that is the first sheet, so
 * it is tried alone before the whole workbook is parsed.
 */
function convertFirstVisibleSheetWithData(job: SpreadsheetJob): WorkbookResult {
  const ods = readOdsSheets(job.bytes, job.inflateBudgetBytes ?? DEFAULT_INFLATE_BUDGET_BYTES);
  for (const only of [[0], undefined]) {
    const book = (only && readSubset(job.bytes, 0)) || readBook(job.bytes, only);
    const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
    const entries = sheetEntries(book, ods);
    const names = entries.map((e) => e.name);
    for (const entry of entries) {
      const sheet = book.Sheets[entry.key];
      if (!sheet || entry.visibility !== 'visible') continue;
      const summary = summariseSheet(entry.name, entry.visibility, sheet, date1904, true, false);
      if (summary.nonEmptyCells > 0) return { sheetNames: names, sheets: [summary], selectedSheet: entry.name };
    }
    if (only && names.length <= 1) return { sheetNames: names, sheets: [], selectedSheet: names[0] };
  }
  return { sheetNames: [], sheets: [] };
}

interface SheetEntry {
  /** SheetJS's name for the sheet: the key into book.Sheets. */
  key: string;
  /** The name shown and matched against sheet references. */
  name: string;
  visibility: SheetVisibility;
}

/**
 * Each sheet's name and visibility, in workbook order. Excel formats: SheetJS's names and
 * `Workbook.Sheets[i].Hidden`. OpenDocument: SheetJS 0.18.5 reports every sheet visible and
 * leaves names XML-escaped ("R&amp;D"), so names are unescaped here and visibility comes from
 * content.xml (readOdsSheets), matched to SheetJS's sheets by position and escaped name — or by
 * escaped name alone should the two lists ever disagree.
 */
function sheetEntries(book: XLSX.WorkBook, ods: OdsSheets | undefined): SheetEntry[] {
  return book.SheetNames.map((key, index) => {
    const visibility = visibilityOf(book.Workbook?.Sheets?.[index]?.Hidden);
    if (!ods) return { key, name: key, visibility };
    const listed = ods.sheets[index]?.rawName === key ? ods.sheets[index] : ods.sheets.find((s) => s.rawName === key);
    return { key, name: decodeXml(key), visibility: listed?.hidden ? 'hidden' : visibility };
  });
}

/** The workbook with only the wanted sheet's part left in the zip; undefined when not possible. */
function readSubset(bytes: Uint8Array, wanted: string | number): XLSX.WorkBook | undefined {
  const subset = keepOnlySheet(bytes, wanted);
  if (!subset) return undefined;
  try {
    return readBook(subset.bytes, [subset.sheet.name]);
  } catch {
    return undefined; // parse the original bytes instead: the subset must never cost correctness
  }
}

function readBook(bytes: Uint8Array, only: (string | number)[] | undefined): XLSX.WorkBook {
  return XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellDates: false, // dates stay serial numbers; we format them ourselves, time-zone free
    cellNF: true, // the number format tells a date from a number
    cellText: false, // we format values ourselves; SheetJS's text pass costs ~15 %
    cellFormula: true,
    cellHTML: false,
    cellStyles: false,
    // Formulas saved without a result (openpyxl, scripts) only survive as stub cells.
    sheetStubs: true,
    sheets: only as unknown as string[] | undefined,
  });
}

function visibilityOf(hidden: unknown): SheetVisibility {
  if (hidden === 1) return 'hidden';
  if (hidden === 2) return 'veryHidden';
  return 'visible';
}

type Cell = XLSX.CellObject & { z?: string | number };

/** SheetJS 0.18 dense sheets are arrays of rows; later versions keep them under '!data'. */
function rowsOf(sheet: XLSX.WorkSheet): (Cell[] | undefined)[] {
  const data = (sheet as { '!data'?: (Cell[] | undefined)[] })['!data'];
  if (data) return data;
  if (Array.isArray(sheet)) return sheet as unknown as (Cell[] | undefined)[];
  return [];
}

function summariseSheet(
  name: string,
  visibility: SheetVisibility,
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  wantCsv: boolean,
  wantDump: boolean,
): SheetSummary {
  const ref = sheet['!ref'] ?? '';
  const range = ref ? XLSX.utils.decode_range(ref) : undefined;
  const rows = rowsOf(sheet);
  const startRow = range?.s.r ?? 0;
  const startCol = range?.s.c ?? 0;
  const endRow = range ? range.e.r : -1;
  const endCol = range ? range.e.c : -1;

  let nonEmptyCells = 0;
  let formulas = 0;
  let formulasWithoutCachedValue = 0;
  let lastRow = -1;
  let lastCol = -1;
  const table: string[][] = [];
  for (let r = startRow; r <= endRow; r++) {
    const row = rows[r];
    const out: string[] = [];
    if (row) {
      for (let c = startCol; c <= Math.min(endCol, row.length - 1); c++) {
        const cell = row[c];
        if (!cell) continue;
        if (cell.f !== undefined) {
          formulas++;
          if (cell.t === 'z' || cell.v === undefined) formulasWithoutCachedValue++;
        }
        const text = cellText(cell, date1904);
        if (text === '') continue;
        out[c - startCol] = text;
        nonEmptyCells++;
        if (r > lastRow) lastRow = r;
        if (c > lastCol) lastCol = c;
      }
    }
    table.push(out);
  }

  const trimmedRows = lastRow < 0 ? 0 : lastRow - startRow + 1;
  const trimmedCols = lastCol < 0 ? 0 : lastCol - startCol + 1;
  const summary: SheetSummary = {
    name,
    visibility,
    usedRange: ref,
    rows: trimmedRows,
    columns: trimmedCols,
    declaredRows: range ? endRow - startRow + 1 : 0,
    declaredColumns: range ? endCol - startCol + 1 : 0,
    nonEmptyCells,
    mergedCells: sheet['!merges']?.length ?? 0,
    formulas,
    formulasWithoutCachedValue,
  };
  if (wantCsv) {
    const grid: string[][] = [];
    for (let r = 0; r < trimmedRows; r++) {
      const source = table[r];
      const row = new Array<string>(trimmedCols);
      for (let c = 0; c < trimmedCols; c++) row[c] = source[c] ?? '';
      grid.push(row);
    }
    summary.csv = trimmedRows ? Papa.unparse(grid, { newline: '\n' }) : '';
  }
  if (wantDump) summary.dump = markdownDump(name, table, range ? endCol - startCol + 1 : 0);
  return summary;
}

/** What a "paste the whole workbook" extraction looks like: heading + pipe table, all cells. */
function markdownDump(name: string, table: string[][], width: number): string {
  const lines = [`## ${name}`];
  if (!table.length || !width) return lines.join('\n') + '\n';
  const line = (cells: string[]) => {
    const parts = new Array<string>(width);
    for (let c = 0; c < width; c++) parts[c] = escapePipe(cells[c] ?? '');
    return `| ${parts.join(' | ')} |`;
  };
  lines.push(line(table[0]));
  lines.push(`|${' --- |'.repeat(width)}`);
  for (let r = 1; r < table.length; r++) lines.push(line(table[r]));
  return lines.join('\n') + '\n';
}

function escapePipe(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function cellText(cell: Cell, date1904: boolean): string {
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return cell.f !== undefined ? `=${cell.f}` : '';
  switch (cell.t) {
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? EXCEL_ERRORS[cell.v as number] ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? isoFromDate(cell.v) : String(cell.v);
    case 'n': {
      const value = cell.v as number;
      const format = cell.z;
      if (format !== undefined && XLSX.SSF.is_date(format)) return isoFromSerial(value, date1904);
      return String(value);
    }
    default:
      return String(cell.v);
  }
}

/** Excel's error codes (cellText is off, so SheetJS gives the code, not the text). */
const EXCEL_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Serial day number → ISO 8601, date only when the time is midnight. */
function isoFromSerial(serial: number, date1904: boolean): string {
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parts) return String(serial);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  if (parts.H === 0 && parts.M === 0 && parts.S === 0) return serial >= 1 ? date : `${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}`;
  return serial < 1 ? `${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}` : `${date}T${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}`;
}

function isoFromDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
