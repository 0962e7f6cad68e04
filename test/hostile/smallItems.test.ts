/**
 * Hostile inputs, the small items of the audit: a truncated workbook is called truncated (not
 * password-protected), a PDF's page claim is checked against its size, and the outside-the-
 * workspace message names no setting that does not exist.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readAttachment } from '../../src/core/attachments/readAttachment';
import { countPdfPages } from '../../src/core/attachments/pdfReader';
import { removeScratch, scratch } from './hostileKit';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/attachments', name);
const countTokens = (text: string) => Math.ceil(text.length / 4);

describe('hostile inputs: small items', () => {
  afterEach(removeScratch);

  for (const name of ['encrypted.xls', 'sales.xls', 'encrypted.xlsx']) {
    it(`a truncated ${name} is reported as truncated, not as password-protected @slow`, async () => {
      const root = scratch();
      const whole = readFileSync(fixture(name));
      const file = path.join(root, `cut-${name}`);
      writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
      const analysis = await readAttachment({ syntax: 'cli', rawPath: file, path: file }, { countTokens });
      const messages = analysis.problems.map((p) => p.message).join('\n');
      assert.match(messages, /the workbook is truncated — its own index points to data up to [\d,]+ bytes/);
      assert.doesNotMatch(messages, /password/);
    });
  }

  it('an intact password-protected workbook is still reported as password-protected @slow', async () => {
    const analysis = await readAttachment({ syntax: 'cli', rawPath: 'encrypted.xls', path: fixture('encrypted.xls') }, { countTokens });
    assert.match(analysis.problems.map((p) => p.message).join('\n'), /password-protected/);
  });

  it('a PDF whose page tree claims 1e20 pages is not believed', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 100000000000000000000 /Kids [] >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF\n', 'latin1');
    assert.equal(countPdfPages(pdf), 1, 'the one page object is counted, the claim ignored');
    const honest = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Pages /Count 3 >> endobj\n${' '.repeat(200)}%%EOF\n`, 'latin1');
    assert.equal(countPdfPages(honest), 3);
  });

  it('the outside-the-workspace message names no setting that does not exist', async () => {
    const workspace = scratch();
    const outside = scratch({ 'secret.txt': 'x' });
    const file = path.join(outside, 'secret.txt');
    const analysis = await readAttachment({ syntax: 'cli', rawPath: file, path: file }, { countTokens, workspaceRoot: workspace });
    const message = analysis.problems[0].message;
    assert.match(message, /outside the workspace, so it was not read/);
    assert.doesNotMatch(message, /setting/);
  });
});
