/**
 * Hostile inputs, encodings and long lines: a UTF-16 prompt with a byte-order mark (what
 * PowerShell's `>` writes) is decoded, not counted as bytes of UTF-8; UTF-16 transcripts are read;
 * a transcript line longer than the per-line cap is skipped as a problem, never held whole.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { streamLines } from '../../src/core/history/readSessionFile';
import { removeScratch, runCli, scratch } from './hostileKit';

const PROMPT = 'Summarise #file:notes.md in three bullet points.\n';

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

describe('hostile inputs: encodings and long lines', () => {
  afterEach(removeScratch);

  for (const [name, encode] of [
    ['UTF-16 LE', utf16le],
    ['UTF-16 BE', utf16be],
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ] as const) {
    it(`a ${name} prompt is counted like its UTF-8 twin, and its reference is found`, async () => {
      const root = scratch({ 'plain.md': PROMPT, 'notes.md': 'Three things happened.\n' });
      writeFileSync(path.join(root, 'encoded.md'), encode(PROMPT));
      const plain = await runCli(['tokens', 'plain.md'], root);
      const encoded = await runCli(['tokens', 'encoded.md'], root);
      assert.equal(encoded.code, 0, encoded.stderr);
      assert.equal(encoded.stdout, plain.stdout);
      const analysed = await runCli(['analyse', 'encoded.md', '--format', 'json'], root);
      const json = JSON.parse(analysed.stdout) as { attachments: { path: string }[] };
      assert.deepEqual(
        json.attachments.map((a) => path.basename(a.path)),
        ['notes.md'],
      );
    });
  }

  it('a UTF-16 transcript is decoded by its byte-order mark (mvp session reads its messages)', async () => {
    const jsonl = readFileSync(path.resolve(__dirname, '../fixtures/history/claude-code-small.jsonl'), 'utf8');
    const root = scratch();
    writeFileSync(path.join(root, 'plain.jsonl'), jsonl);
    writeFileSync(path.join(root, 'utf16.jsonl'), utf16le(jsonl));
    const plain = await runCli(['session', 'plain.jsonl', '--format', 'json'], root);
    const utf16 = await runCli(['session', 'utf16.jsonl', '--format', 'json'], root);
    assert.equal(utf16.code, 0, utf16.stderr);
    const turns = (run: { stdout: string }) => (JSON.parse(run.stdout) as { turns: unknown[] }).turns.length;
    assert.ok(turns(plain) > 0);
    assert.equal(turns(utf16), turns(plain));
  });

  it('a transcript line over the per-line cap is skipped and reported, the lines around it kept', async () => {
    const root = scratch();
    const file = path.join(root, 't.jsonl');
    writeFileSync(file, `short one\n${'x'.repeat(5000)}\nshort two\n`);
    const lines: string[] = [];
    const oversized: [number, number][] = [];
    await streamLines(
      file,
      (line) => lines.push(line),
      256,
      (n, chars) => oversized.push([n, chars]),
      1000,
    );
    assert.deepEqual(lines, ['short one', 'short two']);
    assert.equal(oversized.length, 1);
    assert.equal(oversized[0][0], 2);
    assert.ok(oversized[0][1] >= 1000);
  });
});
