import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convertSpreadsheetToCsv, defaultCsvPath } from '../../../src/core/attachments/convertSpreadsheetToCsv';
import { runConvert } from '../../../src/cli/commands/convert';
import { fingerprint, fixture, scratchDir } from './helpers';

function captureIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out: () => out.join(''), err: () => err.join('') };
}

describe('convert a sheet to CSV', function () {
  this.timeout(60_000);
  let scratch: ReturnType<typeof scratchDir>;
  let book: string;
  beforeEach(() => {
    scratch = scratchDir();
    book = path.join(scratch.dir, 'sales.xlsx');
    copyFileSync(fixture('sales-recalculated.xlsx'), book);
  });
  afterEach(() => scratch.remove());

  it('writes the chosen sheet next to the workbook and returns the path @slow', async () => {
    const before = fingerprint(book);
    const result = await convertSpreadsheetToCsv(book, { sheet: 'Q3' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.outPath, path.join(scratch.dir, 'sales.Q3.csv'));
    assert.equal(result.rows, 7);
    assert.equal(result.columns, 5);
    const csv = readFileSync(result.outPath, 'utf8');
    assert.equal(csv.split('\n')[0], 'Date,Region,Units,Revenue,Note');
    assert.ok(csv.endsWith('2024-09-30,South,95,1900.75,end of quarter\n'));
    assert.equal(fingerprint(book), before);
  });

  it('never overwrites: fails by default, numbers the name when asked, replaces only with overwrite @slow', async () => {
    const target = path.join(scratch.dir, 'sales.Q3.csv');
    writeFileSync(target, 'precious');
    const refused = await convertSpreadsheetToCsv(book, { sheet: 'Q3' });
    assert.ok(!refused.ok);
    assert.match(refused.problem.message, /sales\.Q3\.csv already exists — not overwritten/);
    assert.equal(readFileSync(target, 'utf8'), 'precious');

    const numbered = await convertSpreadsheetToCsv(book, { sheet: 'Q3', existing: 'numbered' });
    assert.ok(numbered.ok);
    assert.equal(numbered.outPath, path.join(scratch.dir, 'sales.Q3 (2).csv'));
    assert.equal(readFileSync(target, 'utf8'), 'precious');

    const replaced = await convertSpreadsheetToCsv(book, { sheet: 'Q3', existing: 'overwrite' });
    assert.ok(replaced.ok);
    assert.match(readFileSync(target, 'utf8'), /^Date,Region/);
  });

  it('refuses to write over the workbook itself, even with overwrite @slow', async () => {
    const before = fingerprint(book);
    const result = await convertSpreadsheetToCsv(book, { sheet: 'Q3', outPath: book, existing: 'overwrite' });
    assert.ok(!result.ok);
    assert.match(result.problem.message, /output path is the workbook itself/);
    assert.equal(fingerprint(book), before);
  });

  it('reports a missing sheet with the list of sheets, and a non-workbook @slow', async () => {
    const missing = await convertSpreadsheetToCsv(book, { sheet: 'Q9' });
    assert.ok(!missing.ok);
    assert.match(missing.problem.message, /no sheet "Q9" — the sheets are 1: "Summary", 2: "Q3", 3: "Lookup"/);
    const csv = await convertSpreadsheetToCsv(fixture('csv-named.xlsx'));
    assert.ok(!csv.ok);
    assert.match(csv.problem.message, /not a workbook \(the content is csv\)/);
  });

  it('with no sheet named, converts the first visible sheet with data @slow', async () => {
    const workbook = path.join(scratch.dir, 'hidden-first.xlsx');
    const XLSX = await import('xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['secret']]), 'Hidden');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Blank');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'Data');
    book.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }, { Hidden: 0 }] };
    XLSX.writeFile(book, workbook);
    const result = await convertSpreadsheetToCsv(workbook);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.sheet, 'Data');
    assert.equal(result.csv, 'a,b\n1,2');
    const first = await convertSpreadsheetToCsv(path.join(scratch.dir, 'sales.xlsx'));
    assert.ok(first.ok);
    assert.equal(first.sheet, 'Summary');
    const empty = await convertSpreadsheetToCsv(fixture('empty.xlsx'), { outPath: path.join(scratch.dir, 'e.csv') });
    assert.ok(!empty.ok);
    assert.equal(empty.problem.code, 'empty');
  });

  it('default file names replace characters that cannot be in a file name', () => {
    assert.equal(defaultCsvPath('/w/book.xlsx', 'Q3/2024: "final"'), path.join('/w', 'book.Q3-2024- -final-.csv'));
  });

  it('mvp convert: prints the path and the saving; exit 0 @slow', async () => {
    const cap = captureIo(scratch.dir);
    const code = await runConvert(['sales.xlsx', '--sheet', 'Q3'], cap.io);
    assert.equal(code, 0, cap.err());
    const [first, second] = cap.out().split('\n');
    assert.equal(first, path.join(scratch.dir, 'sales.Q3.csv'));
    assert.match(second, /^Sheet 'Q3' as CSV: \d+ tokens \(7 rows × 5 columns\); the whole workbook as a dump: [\d,]+ tokens — −\d+% \(gpt-4o's tokenizer\)\.$/);
  });

  it('mvp convert: without --sheet on a multi-sheet workbook, lists the sheets with sizes; exit 2 @slow', async () => {
    const cap = captureIo(scratch.dir);
    const code = await runConvert(['sales.xlsx'], cap.io);
    assert.equal(code, 2);
    assert.match(cap.err(), /has 3 sheets with data — choose one with --sheet/);
    assert.match(cap.err(), /Sheet 'Lookup' as CSV \(5 rows × 2 columns, hidden\): \d+ tokens/);
    assert.equal(existsSync(path.join(scratch.dir, 'sales.Summary.csv')), false);
  });

  it('mvp convert: --out existing needs --force; --force replaces it @slow', async () => {
    const target = path.join(scratch.dir, 'out.csv');
    writeFileSync(target, 'keep me');
    const first = captureIo(scratch.dir);
    assert.equal(await runConvert(['sales.xlsx', '--sheet', '2', '--out', 'out.csv'], first.io), 2);
    assert.match(first.err(), /out\.csv already exists — not overwritten/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
    const forced = captureIo(scratch.dir);
    assert.equal(await runConvert(['sales.xlsx', '--sheet', '2', '--out', 'out.csv', '--force'], forced.io), 0, forced.err());
    assert.match(readFileSync(target, 'utf8'), /^Date,Region/);
  });

  it('mvp convert: usage errors and unreadable input; exit 2 with one clear line @slow', async () => {
    const none = captureIo(scratch.dir);
    assert.equal(await runConvert([], none.io), 2);
    assert.match(none.err(), /^mvp convert: convert needs a FILE/);
    const unknown = captureIo(scratch.dir);
    assert.equal(await runConvert(['sales.xlsx', '--sheets', 'x'], unknown.io), 2);
    assert.match(unknown.err(), /unknown option '--sheets'/);
    const missing = captureIo(scratch.dir);
    assert.equal(await runConvert(['nope.xlsx'], missing.io), 2);
    assert.match(missing.err(), /^mvp convert: nope\.xlsx: no such file/);
    const encrypted = captureIo(scratch.dir);
    assert.equal(await runConvert([fixture('encrypted.xls')], encrypted.io), 2);
    assert.match(encrypted.err(), /password-protected/);
    const csv = captureIo(scratch.dir);
    assert.equal(await runConvert([fixture('csv-named.xlsx')], csv.io), 2);
    assert.match(csv.err(), /not a workbook/);
  });
});
