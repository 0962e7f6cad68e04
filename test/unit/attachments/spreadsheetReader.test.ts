import assert from 'node:assert/strict';
import { readAttachment } from '../../../src/core/attachments/readAttachment';
import { resolveSheetName } from '../../../src/core/attachments/spreadsheetParse';
import { countTokens } from './countTokens';
import { fixture, fingerprint, ref } from './helpers';

const options = { countTokens };

describe('spreadsheet reader', function () {
  this.timeout(30_000);

  it('reads every sheet of an openpyxl workbook: hidden sheet, merged cells, formulas without results, ISO dates @slow', async () => {
    const before = fingerprint(fixture('sales.xlsx'));
    const a = await readAttachment(ref(fixture('sales.xlsx')), options);
    assert.equal(a.format, 'spreadsheet');
    assert.deepEqual(a.problems, []);
    assert.equal(a.details.sheetNames, 'Summary, Q3, Lookup');
    assert.equal(a.details.hiddenSheets, 'Lookup');
    assert.equal(a.details.mergedCells, 2);
    assert.equal(a.details.formulas, 3);
    assert.equal(a.details.formulasWithoutCachedValue, 3);
    assert.match(String(a.details.note), /3 formula cell/);
    assert.match(String(a.details['sheet:Q3']), /used range A1:H40, 7×5 with data, 1 merged/);

    const q3 = a.alternatives?.find((f) => f.sheet === 'Q3');
    assert.ok(q3?.text);
    const lines = q3.text.split('\n');
    assert.equal(lines[0], 'Date,Region,Units,Revenue,Note');
    assert.equal(lines[1], '2024-07-01,North,120,2400.5,launch week');
    assert.equal(lines[2], '2024-07-15,South,80,1600,"contains, a comma"');
    assert.equal(lines[3], '2024-08-02,East,45,900.25,"said ""hello"""');
    assert.equal(lines[4], '2024-08-20T14:30:00,West,60,1200,Zürich café');
    assert.equal(lines.length, 7, 'the styled empty cell H40 adds no rows or columns');
    const summary = a.alternatives?.find((f) => f.sheet === 'Summary');
    assert.match(summary?.text ?? '', /^Q3,=SUM\(Q3!C2:C7\),=SUM\(Q3!D2:D7\),=C3\/B3$/m);

    // The dump includes the hidden sheet and the declared (untrimmed) range; CSV does not.
    assert.match(a.naive.text ?? '', /## Lookup/);
    assert.match(a.naive.description, /3 sheets.*1 hidden sheet included/);
    assert.ok(a.minimal && !/Lookup/.test(a.minimal.text ?? ''), 'minimal leaves the hidden sheet out');
    assert.ok(a.minimal.tokens < a.naive.tokens);
    assert.equal(a.naive.tokens, countTokens(a.naive.text ?? ''));
    assert.equal(fingerprint(fixture('sales.xlsx')), before, 'the workbook is never modified');
  });

  it('uses cached formula results saved by LibreOffice, in .xlsx, .xls, .ods and flat .fods alike @slow', async () => {
    for (const name of ['sales-recalculated.xlsx', 'sales.xls', 'sales.ods', 'sales.fods']) {
      const a = await readAttachment(ref(fixture(name), 'Summary'), options);
      assert.deepEqual(a.problems, [], name);
      assert.equal(a.details.formulas, 3, name);
      assert.equal(a.details.formulasWithoutCachedValue, 0, name);
      assert.equal(a.minimal?.sheet, 'Summary', name);
      assert.match(a.minimal?.text ?? '', /^Q3,550,11001\.5,20\.00272727\d*$/m, name);
      const q3 = a.alternatives?.find((f) => f.sheet === 'Q3')?.text ?? '';
      assert.match(q3, /^2024-08-20T14:30:00,West,60,1200,Zürich café$/m, name);
    }
  });

  it('picks the referenced sheet by name, case-insensitive name or 1-based index @slow', async () => {
    for (const sheet of ['Q3', 'q3', '2']) {
      const a = await readAttachment(ref(fixture('sales.xlsx'), sheet), options);
      assert.equal(a.minimal?.sheet, 'Q3', sheet);
      assert.equal(a.details.selectedSheet, 'Q3');
      assert.match(a.minimal?.description ?? '', /^Sheet 'Q3' as CSV \(7 rows × 5 columns\)$/);
    }
    assert.equal(resolveSheetName(['2', 'Other'], '2'), '2', 'a sheet named "2" wins over index 2');
  });

  it('reports an unknown sheet and still lists every sheet with its size @slow', async () => {
    const a = await readAttachment(ref(fixture('sales.xlsx'), 'Q4'), options);
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'missing');
    assert.match(a.problems[0].message, /no sheet "Q4" \(sheets: "Summary", "Q3", "Lookup"\)/);
    assert.equal(a.alternatives?.length, 3);
    assert.ok(a.alternatives.every((f) => f.tokens > 0));
  });

  it('drops form text above keepTextUpTo but still counts it @slow', async () => {
    const a = await readAttachment(ref(fixture('sales.xlsx')), { countTokens, keepTextUpTo: 10 });
    assert.equal(a.naive.text, undefined);
    assert.ok(a.naive.tokens > 100);
  });
});
