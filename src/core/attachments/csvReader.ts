/**
 * CSV/TSV: naive = the file as written; minimal = the same table with trailing empty rows and
 * columns dropped, or for large tables "schema + first N rows" (lossy, and says so).
 */
import Papa from 'papaparse';
import { makeForm } from './attachmentForm';
import type { AttachmentForm } from './attachment';
import type { ReaderContext, ReaderResult } from './readerContext';
import { formatInteger } from '../format';

/** Tables longer than this many data rows get the "schema + first N rows" reduction. */
const LARGE_TABLE_ROWS = 200;

export function readCsv(text: string, ctx: ReaderContext): ReaderResult {
  const parsed = Papa.parse<string[]>(text, { delimiter: '', skipEmptyLines: false });
  const rows = parsed.data;
  // papaparse yields one [''] row for a final newline; that is not a row the user wrote.
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  const delimiter = parsed.meta.delimiter;

  const isEmptyRow = (row: string[]) => row.every((cell) => cell.trim() === '');
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && isEmptyRow(rows[lastRow])) lastRow--;
  const trailingEmptyRows = rows.length - 1 - lastRow;
  const kept = rows.slice(0, lastRow + 1);
  const width = kept.reduce((max, row) => Math.max(max, row.length), 0);
  let usedWidth = 0;
  for (const row of kept) {
    for (let c = row.length - 1; c >= usedWidth; c--) {
      if (row[c].trim() !== '') {
        usedWidth = c + 1;
        break;
      }
    }
  }
  const trailingEmptyColumns = width - usedWidth;

  const header = kept[0] ?? [];
  const duplicates = duplicateNames(header.slice(0, usedWidth));
  const dataRows = Math.max(0, kept.length - 1);

  const naive = makeForm(`${ctx.label} as written (${formatInteger(dataRows)} rows × ${width} columns)`, text, ctx.countTokens, ctx.keepTextUpTo);
  const trimmedGrid = kept.map((row) => row.slice(0, usedWidth));
  const alternatives: AttachmentForm[] = [];
  let minimal: AttachmentForm | undefined;
  if (trailingEmptyRows || trailingEmptyColumns) {
    const trimmed = Papa.unparse(trimmedGrid, { delimiter, newline: '\n' });
    minimal = makeForm('Table without trailing empty rows/columns', trimmed, ctx.countTokens, ctx.keepTextUpTo);
  }
  if (dataRows > LARGE_TABLE_ROWS) {
    const preview = schemaAndPreview(trimmedGrid, delimiter, ctx.previewRows);
    const form = makeForm(`Schema + first ${ctx.previewRows} of ${formatInteger(dataRows)} rows (lossy: the model sees only a sample)`, preview, ctx.countTokens, ctx.keepTextUpTo);
    alternatives.push(form);
    if (!minimal || form.tokens < minimal.tokens) {
      if (minimal) alternatives.unshift(minimal);
      minimal = form;
    }
  }

  const details: ReaderResult['details'] = {
    delimiter: delimiter === '\t' ? 'tab' : delimiter,
    rows: dataRows,
    columns: usedWidth,
    trailingEmptyRows,
    trailingEmptyColumns,
  };
  if (duplicates.length) details.duplicateColumns = duplicates.join(', ');
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes').length;
  if (quoteErrors) details.unbalancedQuotes = quoteErrors;
  return { format: 'csv', naive, minimal, alternatives: alternatives.length ? alternatives : undefined, details, problems: [] };
}

function duplicateNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  for (const name of header) {
    const key = name.trim();
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

/** "Columns: id (integer), date (date) …; N rows" + header + the first rows, as CSV. */
function schemaAndPreview(grid: string[][], delimiter: string, previewRows: number): string {
  const [header = [], ...data] = grid;
  const columns = header.map((name, c) => `${name || `column ${c + 1}`} (${columnType(data, c)})`);
  const lines = [`Columns: ${columns.join(', ')}`, `Rows: ${data.length} (first ${Math.min(previewRows, data.length)} shown)`];
  return lines.join('\n') + '\n' + Papa.unparse([header, ...data.slice(0, previewRows)], { delimiter, newline: '\n' });
}

export function columnType(rows: string[][], column: number): string {
  const kinds = new Set<string>();
  for (const row of rows.slice(0, 1000)) {
    const value = (row[column] ?? '').trim();
    if (value === '') continue;
    if (/^[-+]?\d+$/.test(value)) kinds.add('integer');
    else if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) kinds.add('number');
    else if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/.test(value)) kinds.add('date');
    else if (/^(true|false)$/i.test(value)) kinds.add('boolean');
    else kinds.add('text');
  }
  if (!kinds.size) return 'empty';
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) return 'number';
  return kinds.size === 1 ? [...kinds][0] : 'mixed';
}
