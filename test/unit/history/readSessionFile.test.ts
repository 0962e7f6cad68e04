import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSessionFile, streamLines } from '../../../src/core/history/readSessionFile';
import { readTranscript } from '../../../src/core/history/readTranscript';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { countO200k, fixture, fixturesDir } from './sessionTestKit';

describe('history: reading a session file', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvp-read-session-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const name of ['claude-code-small.jsonl', 'markdown-headings.md', 'markdown-quotes.md', 'openai-small.json', 'vscode-chat-export.json', 'long-session.jsonl']) {
    it(`streams ${name} to the same messages as reading it whole @slow`, async () => {
      const whole = readTranscript(fixture(name), { fileName: name });
      const streamed = new SessionAccumulator({ countTokens: countO200k });
      const read = await readSessionFile(path.join(fixturesDir, name), streamed);
      const reference = new SessionAccumulator({ countTokens: countO200k }).appendAll(whole.messages);
      assert.equal(read.format, whole.format);
      assert.deepEqual(read.problems, whole.problems);
      assert.deepEqual(streamed.messages, reference.messages);
    });
  }

  it('splits lines across chunk boundaries, multi-byte characters and CRLF with the right offsets', async () => {
    const text = 'first é line\r\nsecond 🙂 line\n\nlast without newline';
    const file = path.join(tmp, 'lines.txt');
    writeFileSync(file, text);
    const seen: [string, number, number][] = [];
    await streamLines(file, (line, n, offset) => seen.push([line, n, offset]), 5);
    assert.deepEqual(seen.map(([line]) => line), ['first é line', 'second 🙂 line', '', 'last without newline']);
    for (const [line, , offset] of seen) assert.equal(text.slice(offset, offset + line.length), line);
    assert.deepEqual(seen.map(([, n]) => n), [1, 2, 3, 4]);
  });
});
