/**
 * Spreadsheets (.xlsx/.xlsm/.xls/.ods …). Naive = a Markdown dump of every sheet, hidden ones
 * included — what "extract the workbook as text" produces (MarkItDown-style). Minimal = the
 * referenced sheet as CSV; with no sheet named, all visible sheets as CSV, and each sheet as
 * an alternative with its own size so the user can pick.
 */
import type { AttachmentForm, AttachmentProblem } from './attachment';
import { makeForm } from './attachmentForm';
import type { ReaderContext, ReaderResult } from './readerContext';
import { DEFAULT_SPREADSHEET_MEMORY_MB, runSpreadsheetWorker, type SpreadsheetLimits } from './runSpreadsheetWorker';
import type { SheetSummary, WorkbookResult } from './spreadsheetParse';
import { zipDeclaredSize } from './zipDeclaredSize';
import { formatInteger } from '../format';

export interface SpreadsheetReadLimits extends SpreadsheetLimits {
  /** Refuse zips whose parts declare more than this many inflated bytes (default: half the memory cap). */
  maxInflatedBytes?: number;
  /**
   * Refuse zips that inflate more than this many times their size once past 32 MB (default 100).
   * Real workbooks compress 5–30×; a 1000× ratio is a bomb, not a spreadsheet.
   */
  maxCompressionRatio?: number;
}

/** Below this, any ratio is harmless. */
const RATIO_CHECK_FROM_BYTES = 32 * 1024 * 1024;

/** A zip bomb check that runs before any parsing. */
export function checkInflatedSize(bytes: Uint8Array, label: string, limits: SpreadsheetReadLimits): AttachmentProblem | undefined {
  const declared = zipDeclaredSize(bytes);
  if (!declared) return undefined;
  const limit = limits.maxInflatedBytes ?? ((limits.memoryMb ?? DEFAULT_SPREADSHEET_MEMORY_MB) * 1024 * 1024) / 2;
  const ratio = Math.round(declared.uncompressedBytes / Math.max(1, bytes.length));
  const maxRatio = limits.maxCompressionRatio ?? 100;
  if (declared.uncompressedBytes > RATIO_CHECK_FROM_BYTES && ratio > maxRatio) {
    return {
      code: 'tooLarge',
      message: `${label}: the ${formatBytes(bytes.length)} file expands to ${formatBytes(declared.uncompressedBytes)} of XML (${ratio}:1, far beyond any real workbook) — not parsed: this looks like a zip bomb.`,
    };
  }
  if (declared.uncompressedBytes <= limit) return undefined;
  return {
    code: 'tooLarge',
    message: `${label}: the ${formatBytes(bytes.length)} file expands to ${formatBytes(declared.uncompressedBytes)} of XML (${ratio}:1) — over the ${formatBytes(limit)} limit, so it was not parsed (possible zip bomb). Export the sheet you need as CSV.`,
  };
}

export async function readSpreadsheet(bytes: Uint8Array, sheet: string | undefined, ctx: ReaderContext, limits: SpreadsheetReadLimits): Promise<ReaderResult> {
  const refused = checkInflatedSize(bytes, ctx.label, limits);
  if (refused) return failed(refused);
  const outcome = await runSpreadsheetWorker(ctx.label, { bytes, mode: 'analyse', sheet }, { ...limits, inflateBudgetBytes: limits.inflateBudgetBytes ?? limits.maxInflatedBytes });
  if (!outcome.ok) return failed(outcome.problem);
  return describeWorkbook(outcome.result, ctx);
}

function failed(problem: AttachmentProblem): ReaderResult {
  return { format: 'spreadsheet', naive: { description: 'Workbook (not read)', tokens: 0 }, details: {}, problems: [problem] };
}

export function describeWorkbook(book: WorkbookResult, ctx: ReaderContext): ReaderResult {
  const problems: AttachmentProblem[] = [];
  const sheets = book.sheets;
  const withData = sheets.filter((s) => s.nonEmptyCells > 0);
  const hidden = sheets.filter((s) => s.visibility !== 'visible');

  const details: ReaderResult['details'] = {
    sheets: sheets.length,
    sheetNames: sheets.map((s) => s.name).join(', '),
    hiddenSheets: hidden.map((s) => `${s.name}${s.visibility === 'veryHidden' ? ' (very hidden)' : ''}`).join(', '),
    nonEmptyCells: sum(sheets, (s) => s.nonEmptyCells),
    mergedCells: sum(sheets, (s) => s.mergedCells),
    formulas: sum(sheets, (s) => s.formulas),
    formulasWithoutCachedValue: sum(sheets, (s) => s.formulasWithoutCachedValue),
  };
  for (const s of sheets) details[`sheet:${s.name}`] = describeSheetFacts(s);

  const naiveText = sheets.map((s) => s.dump ?? '').join('\n');
  const naive = makeForm(
    `Workbook dump: ${sheets.length} sheet${sheets.length === 1 ? '' : 's'} as Markdown tables (every cell${hidden.length ? `, ${hidden.length} hidden sheet${hidden.length === 1 ? '' : 's'} included` : ''})`,
    naiveText,
    ctx.countTokens,
    ctx.keepTextUpTo,
  );

  if (!withData.length) {
    problems.push({ code: 'empty', message: `${ctx.label}: the workbook has no data in any of its ${sheets.length} sheet${sheets.length === 1 ? '' : 's'} — nothing to send.` });
    return { format: 'spreadsheet', naive, details, problems };
  }
  if (book.sheetNotFound !== undefined) {
    problems.push({
      code: 'missing',
      message: `${ctx.label}: no sheet "${book.sheetNotFound}" (sheets: ${book.sheetNames.map((n) => `"${n}"`).join(', ')}) — fix the reference; sizes of every sheet are listed instead.`,
    });
  }
  if (details.formulasWithoutCachedValue) {
    details.note = `${details.formulasWithoutCachedValue} formula cell(s) have no saved result (the file was never recalculated); they are shown as formulas.`;
  }

  const alternatives: AttachmentForm[] = withData.map((s) => sheetForm(s, ctx));
  let minimal: AttachmentForm | undefined;
  const selected = book.selectedSheet === undefined ? undefined : sheets.find((s) => s.name === book.selectedSheet);
  if (selected) {
    minimal = sheetForm(selected, ctx);
    details.selectedSheet = selected.name;
  } else {
    const visible = withData.filter((s) => s.visibility === 'visible');
    const chosen = visible.length ? visible : withData;
    if (chosen.length === 1) minimal = sheetForm(chosen[0], ctx);
    else {
      const text = chosen.map((s) => `# Sheet: ${s.name}\n${s.csv ?? ''}`).join('\n\n');
      minimal = makeForm(`${chosen.length} visible sheets as CSV (name the sheet you need to send less)`, text, ctx.countTokens, ctx.keepTextUpTo);
    }
  }
  return { format: 'spreadsheet', naive, minimal, alternatives, details, problems };
}

function sheetForm(sheet: SheetSummary, ctx: ReaderContext): AttachmentForm {
  const hiddenNote = sheet.visibility === 'visible' ? '' : ', hidden';
  const form = makeForm(`Sheet '${sheet.name}' as CSV (${formatInteger(sheet.rows)} rows × ${sheet.columns} columns${hiddenNote})`, sheet.csv ?? '', ctx.countTokens, ctx.keepTextUpTo);
  form.sheet = sheet.name;
  if (sheet.visibility !== 'visible') form.hidden = true;
  return form;
}

function describeSheetFacts(s: SheetSummary): string {
  const parts = [s.usedRange ? `used range ${s.usedRange}` : 'empty', `${s.rows}×${s.columns} with data`];
  if (s.visibility !== 'visible') parts.push(s.visibility === 'veryHidden' ? 'very hidden' : 'hidden');
  if (s.mergedCells) parts.push(`${s.mergedCells} merged`);
  if (s.formulas) parts.push(`${s.formulas} formulas`);
  return parts.join(', ');
}

function sum(sheets: SheetSummary[], pick: (s: SheetSummary) => number): number {
  return sheets.reduce((total, s) => total + pick(s), 0);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
