import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { InflateBudgetExceeded } from '../../../src/core/attachments/boundedZlib';
import { convertSpreadsheetToCsv } from '../../../src/core/attachments/convertSpreadsheetToCsv';
import { readOdsSheets } from '../../../src/core/attachments/odsSheets';
import { readAttachment } from '../../../src/core/attachments/readAttachment';
import { parseWorkbook } from '../../../src/core/attachments/spreadsheetParse';
import { countTokens } from './countTokens';
import { expectOneProblem, fixture, ref, scratchDir } from './helpers';
import { unzipParts, writeZip, type ZipPart } from './zipWriter';

const options = { countTokens };
const HIDDEN = 'R&D <draft>';
const VISIBLE = 'Plan & "Budget"';

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixture(name)));
}

/** hidden-sheets.ods with content.xml rewritten (or replaced outright). */
function withContent(change: (xml: string) => string, part: Partial<ZipPart> = {}): Buffer {
  const parts = unzipParts(fixtureBytes('hidden-sheets.ods'));
  const content = parts.find((p) => p.name === 'content.xml');
  assert.ok(content);
  content.data = Buffer.from(change(Buffer.from(content.data).toString('utf8')), 'utf8');
  Object.assign(content, part);
  return writeZip(parts);
}

/** A minimal content.xml: `styles` inside office:automatic-styles, `body` inside office:spreadsheet. */
function contentXml(styles: string, body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    `<office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`
  );
}

function table(name: string, style: string, text = 'x'): string {
  return `<table:table table:name="${name}" table:style-name="${style}"><table:table-row><table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell></table:table-row></table:table>`;
}

/** Deterministic, hardly compressible text: `words` pseudo-random base-36 words. */
function noise(words: number, seed = 1): string {
  let text = '';
  for (let i = 0; i < words; i++) text += (seed = (seed * 1103515245 + 12345) >>> 0).toString(36);
  return text;
}

const SHOWN = '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>';
const HIDING = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';

describe('OpenDocument (.ods) sheet visibility and names', function () {
  this.timeout(60_000);
  let scratch: ReturnType<typeof scratchDir>;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  it('reports a hidden sheet as hidden and leaves it out of the minimal form (LibreOffice fixture) @slow', async () => {
    const a = await readAttachment(ref(fixture('hidden-sheets.ods')), options);
    assert.deepEqual(a.problems, []);
    assert.equal(a.details.sheetNames, `${HIDDEN}, ${VISIBLE}`);
    assert.equal(a.details.hiddenSheets, HIDDEN);
    assert.match(String(a.details[`sheet:${HIDDEN}`]), /2×2 with data, hidden/);
    assert.doesNotMatch(String(a.details[`sheet:${VISIBLE}`]), /hidden/);

    // The dump (what "extract the workbook" sends) includes the hidden sheet; the minimal form does not.
    assert.match(a.naive.description, /2 sheets.*1 hidden sheet included/);
    assert.ok(a.naive.text?.includes(`## ${HIDDEN}`));
    assert.ok(a.naive.text?.includes('secret prototype'));
    assert.equal(a.minimal?.sheet, VISIBLE);
    assert.equal(a.minimal?.text, 'Item,Cost\nServers,1200\nLicences,300');
    assert.ok(!a.minimal?.text?.includes('secret prototype'));
    const hiddenForm = a.alternatives?.find((f) => f.sheet === HIDDEN);
    assert.match(hiddenForm?.description ?? '', /^Sheet 'R&D <draft>' as CSV \(2 rows × 2 columns, hidden\)$/);
  });

  it('the hidden sheet of sales.ods and of its flat-XML twin sales.fods (converted from sales.xlsx) is hidden, as in the .xlsx @slow', async () => {
    for (const name of ['sales.ods', 'sales.fods']) {
      const a = await readAttachment(ref(fixture(name)), options);
      assert.equal(a.format, 'spreadsheet', name);
      assert.equal(a.details.hiddenSheets, 'Lookup', name);
      assert.match(a.minimal?.description ?? '', /^2 visible sheets as CSV/, name);
      assert.ok(!a.minimal?.text?.includes('# Sheet: Lookup'), name);
    }
  });

  it('names with & < > " round-trip: shown unescaped and matched by sheet references @slow', async () => {
    for (const wanted of [HIDDEN, 'r&d <DRAFT>', '1']) {
      const a = await readAttachment(ref(fixture('hidden-sheets.ods'), wanted), options);
      assert.deepEqual(a.problems, [], wanted);
      assert.equal(a.details.selectedSheet, HIDDEN, wanted);
      assert.equal(a.minimal?.text, 'Idea,Owner\nsecret prototype,Ana', wanted);
    }
    const missing = await readAttachment(ref(fixture('hidden-sheets.ods'), 'R&amp;D <draft>'), options);
    assert.equal(missing.problems[0]?.code, 'missing', 'the escaped form is not the name');
    assert.match(missing.problems[0].message, /\(sheets: "R&D <draft>", "Plan & "Budget""\)/);
  });

  it('convert: with no sheet named, the first visible sheet with data (not the hidden first sheet) @slow', async () => {
    const book = path.join(scratch.dir, 'hidden-sheets.ods');
    copyFileSync(fixture('hidden-sheets.ods'), book);
    const first = await convertSpreadsheetToCsv(book);
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.sheet, VISIBLE);
    assert.equal(first.outPath, path.join(scratch.dir, 'hidden-sheets.Plan & -Budget-.csv'));
    assert.deepEqual(first.sheetNames, [HIDDEN, VISIBLE]);
    const named = await convertSpreadsheetToCsv(book, { sheet: HIDDEN });
    assert.ok(named.ok, JSON.stringify(named));
    assert.equal(named.csv, 'Idea,Owner\nsecret prototype,Ana');
    assert.equal(named.outPath, path.join(scratch.dir, 'hidden-sheets.R&D -draft-.csv'));
  });

  it('readOdsSheets: hidden flags in document order; nothing for other formats', () => {
    assert.deepEqual(readOdsSheets(fixtureBytes('hidden-sheets.ods'), 1 << 20), {
      sheets: [
        { rawName: 'R&amp;D &lt;draft&gt;', hidden: true },
        { rawName: 'Plan &amp; &quot;Budget&quot;', hidden: false },
      ],
    });
    for (const other of ['sales.xlsx', 'sales.xls', 'corrupt.xlsx']) assert.equal(readOdsSheets(fixtureBytes(other), 1 << 20), undefined, other);
    assert.equal(readOdsSheets(new Uint8Array([1, 2, 3]), 1 << 20), undefined);
  });

  it('readOdsSheets: with no hiding style, the tables are not even unpacked @slow', () => {
    // ~1.2 MB of hardly compressible cell text: unpacking it would break the 1 MB budget.
    const body = table('A', 'ta1', noise(200_000));
    const bytes = withContent(() => contentXml(SHOWN, body));
    assert.deepEqual(readOdsSheets(bytes, 1 << 20), { sheets: [] });
    assert.throws(() => readOdsSheets(withContent(() => contentXml(SHOWN + HIDING, body)), 1 << 20), InflateBudgetExceeded, 'with a hiding style it must be');
  });

  it('readOdsSheets: comments, look-alike elements, empty tables and single quotes are handled like SheetJS', () => {
    const body =
      '<!-- <table:table table:name="InComment" table:style-name="ta2"></table:table> -->' +
      '<table:table-template table:name="NotASheet"/>' +
      '<table:table table:name="Empty" table:style-name="ta2"/>' +
      table('One', 'ta2') +
      "<table:table table:style-name='ta1' table:name='Two &amp; &#x263A;'><table:table-row/></table:table>" +
      table('Three', 'ta3');
    const styles = `${SHOWN}${HIDING}<!-- <style:style style:name="ta3" style:family="table"><style:table-properties table:display="false"/></style:style> -->`;
    const bytes = withContent(() => contentXml(styles, body));
    assert.deepEqual(readOdsSheets(bytes, 1 << 20)?.sheets, [
      { rawName: 'One', hidden: true },
      { rawName: 'Two &amp; &#x263A;', hidden: false },
      { rawName: 'Three', hidden: false },
    ]);
    const book = parseWorkbook({ bytes, mode: 'analyse' });
    assert.deepEqual(
      book.sheets.map((s) => [s.name, s.visibility]),
      [
        ['One', 'hidden'],
        ['Two & ☺', 'visible'],
        ['Three', 'visible'],
      ],
    );
  });

  it('readOdsSheets: automatic styles larger than the first slice inflated are still read @slow', () => {
    // Hardly compressible style names: more than the first 64 KB of compressed data holds.
    const padding = Array.from({ length: 20_000 }, (_, i) => `<style:style style:name="ce${noise(4, i + 1)}" style:family="table-cell"/>`).join('');
    assert.ok(deflateRawSync(padding).length > (64 + 256) * 1024, 'the styles alone outgrow the first two slices');
    const bytes = withContent(() => contentXml(padding + SHOWN + HIDING, table('Shown', 'ta1') + table('Secret', 'ta2')));
    assert.deepEqual(readOdsSheets(bytes, 64 << 20)?.sheets, [
      { rawName: 'Shown', hidden: false },
      { rawName: 'Secret', hidden: true },
    ]);
  });

  it('readOdsSheets: a runaway tag makes it give up (all sheets visible, as before), not hang', () => {
    const bytes = withContent(() => contentXml(`<style:style style:name="ta2" style:family="table" style:x="${'y'.repeat(100_000)}`, table('A &amp; B', 'ta2')));
    assert.deepEqual(readOdsSheets(bytes, 1 << 20), { sheets: [] });
    assert.deepEqual(parseWorkbook({ bytes, mode: 'analyse' }).sheetNames, ['A & B'], 'names are still unescaped');
  });

  it('readOdsSheets: a content.xml inflating past the budget throws the unpacking error @slow', () => {
    const bomb = withContent((xml) => xml.replace('<office:automatic-styles>', `<office:automatic-styles>${' '.repeat(8 << 20)}`));
    assert.throws(() => readOdsSheets(bomb, 1 << 20), InflateBudgetExceeded);
    assert.throws(() => readOdsSheets(bomb, 1 << 20), /inflate budget exceeded/);
    assert.equal(readOdsSheets(bomb, 64 << 20)?.sheets.length, 2, 'within the budget it is read');
  });

  it('damaged content.xml: one corrupt problem, no crash @slow', async () => {
    const file = path.join(scratch.dir, 'damaged-content.ods');
    const garbage = Buffer.alloc(4000, 0);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7 + 3) & 0xff;
    writeFileSync(file, withContent((xml) => xml, { rawCompressed: garbage }));
    const a = await expectOneProblem(file, 'corrupt');
    assert.match(a.problems[0].message, /not a readable workbook.*damaged or truncated/);
  });

  it('content.xml bomb: refused before parsing, or stopped while unpacking when the directory lies @slow', async () => {
    const file = path.join(scratch.dir, 'bomb-content.ods');
    const padded = (xml: string) => xml.replace('<office:automatic-styles>', `<office:automatic-styles>${' '.repeat(40 << 20)}`);
    writeFileSync(file, withContent(padded));
    const refused = await expectOneProblem(file, 'tooLarge');
    assert.match(refused.problems[0].message, /expands to 40\.\d MB of XML \(\d+:1.*zip bomb/);

    const lying = path.join(scratch.dir, 'lying-content.ods');
    writeFileSync(lying, withContent(padded, { declaredSize: 5000 }));
    const stopped = await expectOneProblem(lying, 'tooLarge', { maxInflatedBytes: Infinity, maxCompressionRatio: Infinity, memoryMb: 64 });
    assert.match(stopped.problems[0].message, /parsing stopped while unpacking \(possible zip bomb\)/);
  });
});
