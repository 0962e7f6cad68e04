import assert from 'node:assert/strict';
import { closeSync, copyFileSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { readAttachment } from '../../../src/core/attachments/readAttachment';
import { countTokens } from './countTokens';
import { expectOneProblem, fixture, ref, scratchDir } from './helpers';

describe('attachments: bad input gives one specific problem, no crash, no hang', function () {
  this.timeout(60_000);
  let scratch: ReturnType<typeof scratchDir>;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  it('corrupt zip @slow', async () => {
    const a = await expectOneProblem(fixture('corrupt.xlsx'), 'corrupt');
    assert.match(a.problems[0].message, /damaged or truncated/);
  });

  it('truncated workbook @slow', async () => {
    await expectOneProblem(fixture('truncated.xlsx'), 'corrupt');
  });

  it('password-protected workbook (LibreOffice, Excel 97 encryption) @slow', async () => {
    const a = await expectOneProblem(fixture('encrypted.xls'), 'encrypted');
    assert.match(a.problems[0].message, /password-protected/);
  });

  it('password-protected .xlsx (ECMA-376 agile encryption, as Excel writes it) @slow', async () => {
    const a = await expectOneProblem(fixture('encrypted.xlsx'), 'encrypted');
    assert.match(a.problems[0].message, /encrypted\.xlsx: the workbook is password-protected/);
  });

  it('zip bomb (200 KB inflating to 200 MB of XML) is refused before parsing', async () => {
    const a = await expectOneProblem(fixture('zip-bomb.xlsx'), 'tooLarge');
    assert.match(a.problems[0].message, /expands to 200\.0 MB of XML \(\d+:1.*zip bomb/);
  });

  it('zip bomb past the declared-size check (a lying directory) is stopped while unpacking @slow', async () => {
    const a = await expectOneProblem(fixture('zip-bomb.xlsx'), 'tooLarge', {
      maxInflatedBytes: Infinity,
      maxCompressionRatio: Infinity,
      memoryMb: 64,
    });
    assert.match(a.problems[0].message, /parsing stopped while unpacking \(possible zip bomb\)/);
  });

  it('the time limit applies while a bomb is unpacked and parsed @slow', async () => {
    const a = await expectOneProblem(fixture('zip-bomb.xlsx'), 'timeout', {
      maxInflatedBytes: Infinity,
      maxCompressionRatio: Infinity,
      memoryMb: 1024,
      timeoutMs: 300,
    });
    assert.match(a.problems[0].message, /parsing stopped after 0\.3 s \/ 1024 MB \(time limit reached\)/);
  });

  it('the worker memory cap stops a workbook too large for it @slow', async () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `r${r}c${c}-${'x'.repeat(20)}`));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Big');
    const file = path.join(scratch.dir, 'big.xlsx');
    XLSX.writeFile(book, file);
    const a = await expectOneProblem(file, 'memoryLimit', { memoryMb: 16, timeoutMs: 30_000, maxInflatedBytes: Infinity });
    assert.match(a.problems[0].message, /parsing stopped after 30 s \/ 16 MB \(memory cap reached\)/);
  });

  it('the time limit stops parsing and terminates the worker', async () => {
    const a = await expectOneProblem(fixture('sales.xlsx'), 'timeout', { timeoutMs: 1 });
    assert.match(a.problems[0].message, /time limit reached/);
  });

  it('cancellation stops parsing', async () => {
    const controller = new AbortController();
    const pending = readAttachment(ref(fixture('sales.xlsx')), { countTokens, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const a = await pending;
    assert.equal(a.problems.length, 1);
    assert.match(a.problems[0].message, /cancelled/);
  });

  it('a 200 MB sheet is refused by the size limit without being read', async () => {
    const file = path.join(scratch.dir, 'huge.xlsx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: costs no disk, and no time to create
    closeSync(fd);
    const a = await expectOneProblem(file, 'tooLarge');
    assert.match(a.problems[0].message, /200\.0 MB is over the 50\.0 MB attachment limit/);
    assert.equal(a.bytes, 200 * 1024 * 1024);
  });

  it('the size limit is configurable', async () => {
    await expectOneProblem(fixture('sales.xlsx'), 'tooLarge', { maxBytes: 1000 });
  });

  it('wrong extension: CSV saved as .xlsx is read as CSV, with one wrongExtension problem', async () => {
    const a = await expectOneProblem(fixture('csv-named.xlsx'), 'wrongExtension');
    assert.equal(a.format, 'csv');
    assert.equal(a.details.rows, 3);
    assert.match(a.problems[0].message, /name says a spreadsheet but the content is CSV text/);
  });

  it('empty workbook @slow', async () => {
    const a = await expectOneProblem(fixture('empty.xlsx'), 'empty');
    assert.match(a.problems[0].message, /no data in any of its 1 sheet/);
    assert.equal(a.minimal, undefined);
  });

  it('empty file', async () => {
    const file = path.join(scratch.dir, 'empty.csv');
    writeFileSync(file, '');
    await expectOneProblem(file, 'empty');
  });

  it('a path outside the workspace is not read', async () => {
    const workspace = path.join(scratch.dir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const outside = path.join(scratch.dir, 'outside.csv');
    writeFileSync(outside, 'a,b\n1,2\n');
    const a = await expectOneProblem(outside, 'outsideWorkspace', { workspaceRoot: workspace });
    assert.equal(a.format, 'unreadable');
    assert.equal(a.naive.tokens, 0);

    // A link inside the workspace that points outside counts as outside.
    const link = path.join(workspace, 'link.csv');
    symlinkSync(outside, link);
    const b = await expectOneProblem(link, 'outsideWorkspace', { workspaceRoot: workspace });
    assert.match(b.problems[0].message, /a link to/);

    // Allowed explicitly: read, and marked.
    const c = await readAttachment(ref(outside), { countTokens, workspaceRoot: [workspace], allowOutsideWorkspace: true });
    assert.deepEqual(c.problems, []);
    assert.equal(c.details.outsideWorkspace, true);
  });

  it('a missing file', async () => {
    const a = await expectOneProblem(path.join(scratch.dir, 'nope.xlsx'), 'missing').catch(async () => {
      // fingerprint() cannot hash a missing file; check the problem directly.
      return readAttachment(ref(path.join(scratch.dir, 'nope.xlsx')), { countTokens });
    });
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'missing');
    assert.match(a.problems[0].message, /no such file/);
  });

  it('a symlink loop', async () => {
    const first = path.join(scratch.dir, 'loop-a.xlsx');
    const second = path.join(scratch.dir, 'loop-b.xlsx');
    symlinkSync(second, first);
    symlinkSync(first, second);
    const a = await readAttachment(ref(first), { countTokens });
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'symlinkLoop');
    assert.match(a.problems[0].message, /^loop-a\.xlsx: a symbolic link loop/);
  });

  it('non-UTF-8 text is read as Windows-1252 with one encoding problem', async () => {
    const a = await expectOneProblem(fixture('latin1.txt'), 'encoding');
    assert.equal(a.details.encoding, 'windows-1252');
    assert.match(a.naive.text ?? '', /^Café crème, naïve façade — 10 € per line$/m);
  });

  it('binary content is "not text"', async () => {
    const file = path.join(scratch.dir, 'blob.dat');
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 9, 8]));
    const a = await expectOneProblem(file, 'notText');
    assert.equal(a.format, 'binary');
  });

  it('a folder is not a file', async () => {
    const a = await readAttachment(ref(scratch.dir), { countTokens });
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'notText');
    assert.match(a.problems[0].message, /is a folder/);
  });

  it('a missing worker script is reported, not thrown', async () => {
    const a = await expectOneProblem(fixture('sales.xlsx'), 'notCounted', { workerPath: path.join(scratch.dir, 'gone.js') });
    assert.match(a.problems[0].message, /spreadsheet reader \(spreadsheetWorker\.js\) is missing/);
  });

  it('a damaged image header', async () => {
    const file = path.join(scratch.dir, 'cut.png');
    copyFileSync(fixture('screenshot.png'), file);
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await expectOneProblem(file, 'corrupt');
  });
});
