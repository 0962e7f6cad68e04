import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { keepOnlySheet } from '../../../src/core/attachments/zipSubset';
import { parseWorkbook } from '../../../src/core/attachments/spreadsheetParse';
import { fixture } from './helpers';

describe('zip subset for one-sheet conversion', () => {
  const original = new Uint8Array(readFileSync(fixture('sales-recalculated.xlsx')));

  it('keeps the wanted worksheet part and drops the others, copying compressed data as is', () => {
    const subset = keepOnlySheet(original, 'q3');
    assert.ok(subset);
    assert.equal(subset.sheet.name, 'Q3');
    const parts = XLSX.CFB.read(subset.bytes, { type: 'array' }).FullPaths.filter((p: string) => /worksheets\/[^/]+\.xml$/.test(p));
    assert.deepEqual(parts.map((p: string) => p.replace(/^.*\/xl\//, 'xl/')), [`${subset.sheet.part}`]);
    assert.ok(subset.bytes.length < original.length);
    assert.equal(keepOnlySheet(original, 2)?.sheet.name, 'Lookup');
    assert.equal(keepOnlySheet(original, 2)?.sheet.hidden, true);
    assert.equal(keepOnlySheet(original, 'Nope'), undefined);
  });

  it('gives the same CSV as parsing the whole workbook, for every sheet', () => {
    const whole = parseWorkbook({ bytes: original, mode: 'analyse' });
    for (const sheet of whole.sheets) {
      const one = parseWorkbook({ bytes: original, mode: 'convert', sheet: sheet.name });
      assert.equal(one.sheets.length, 1);
      assert.equal(one.sheets[0].csv, sheet.csv, sheet.name);
      assert.deepEqual(one.sheetNames, whole.sheetNames);
    }
  });

  it('declines what it does not understand (legacy .xls, garbage), so the caller parses the original', () => {
    assert.equal(keepOnlySheet(new Uint8Array(readFileSync(fixture('sales.xls'))), 'Q3'), undefined);
    assert.equal(keepOnlySheet(new Uint8Array(readFileSync(fixture('corrupt.xlsx'))), 'Q3'), undefined);
    assert.equal(keepOnlySheet(new Uint8Array([1, 2, 3]), 0), undefined);
  });
});
