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
import { removeScratch, runCli, scratch } from './hostileKit';

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
    const analysis = await readAttachment(
      { syntax: 'cli', rawPath: 'encrypted.xls', path: fixture('encrypted.xls') },
      { countTokens },
    );
    assert.match(analysis.problems.map((p) => p.message).join('\n'), /password-protected/);
  });

  it('a PDF whose page tree claims 1e20 pages is not believed', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Pages /Count 100000000000000000000 /Kids [] >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF\n',
      'latin1',
    );
    assert.equal(countPdfPages(pdf), 1, 'the one page object is counted, the claim ignored');
    const honest = Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Pages /Count 3 >> endobj\n${' '.repeat(200)}%%EOF\n`,
      'latin1',
    );
    assert.equal(countPdfPages(honest), 3);
  });

  for (const [what, value] of [
    ['1e308', '1e308'],
    ['negative', '-5000'],
  ] as const) {
    it(`recorded usage of ${what} tokens gives no Infinity or negative figure (mvp session)`, async () => {
      const clean = readFileSync(path.resolve(__dirname, '../fixtures/history/claude-code-small.jsonl'), 'utf8');
      const root = scratch({
        'clean.jsonl': clean,
        'hostile.jsonl': clean.replace(/"input_tokens":\d+,/g, `"input_tokens":${value},`),
      });
      const read = async (file: string) =>
        JSON.parse((await runCli(['session', file, '--format', 'json'], root)).stdout) as unknown;
      const [before, after] = [await read('clean.jsonl'), await read('hostile.jsonl')];
      // Wherever the clean transcript gives a figure, the hostile one gives a finite one of the same sign.
      const walk = (a: unknown, b: unknown, at: string): void => {
        if (typeof a === 'number') {
          assert.equal(typeof b, 'number', `${at} is ${JSON.stringify(b)}`);
          assert.ok(Number.isFinite(b as number) && (a < 0 || (b as number) >= 0), `${at} = ${b}`);
        } else if (a && typeof a === 'object' && b && typeof b === 'object') {
          for (const key of Object.keys(a))
            walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
        }
      };
      walk(before, after, '$');
    });
  }

  it('the outside-the-workspace message names no setting that does not exist', async () => {
    const workspace = scratch();
    const outside = scratch({ 'secret.txt': 'x' });
    const file = path.join(outside, 'secret.txt');
    const analysis = await readAttachment(
      { syntax: 'cli', rawPath: file, path: file },
      { countTokens, workspaceRoot: workspace },
    );
    const message = analysis.problems[0].message;
    assert.match(message, /outside the workspace, so it was not read/);
    assert.doesNotMatch(message, /setting/);
  });
});
