import * as assert from 'node:assert/strict';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readSessionFile } from '../../../src/core/history/readSessionFile';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../../src/core/history/sessionCostModel';
import { CACHING, fakeEstimate } from './sessionTestKit';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function retainedHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Writes a Claude Code log: prompts, replies with tool calls, tool results of `resultLines` lines
 * (60 lines ≈ 4 KB), until the file reaches `bytes` or `exchanges` exchanges are written.
 */
function writeLargeLog(file: string, bytes: number, resultLines = 60, exchanges = Infinity): { lines: number; malformedLine: number; exchanges: number } {
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  let batch: string[] = [];
  const flush = () => {
    const text = batch.join('');
    writeSync(fd, text);
    written += Buffer.byteLength(text);
    batch = [];
  };
  const push = (event: object | string) => {
    batch.push((typeof event === 'string' ? event : JSON.stringify(event)) + '\n');
    lines++;
    if (batch.length >= 200) flush();
  };
  let malformedLine = 0;
  let i = 0;
  for (; written < bytes && i < exchanges; i++) {
    push({ type: 'user', isSidechain: false, message: { role: 'user', content: `Step ${i}: check the parser for record ${i * 7} and keep errors on one line.` } });
    push({
      type: 'assistant',
      message: { id: `msg_${i}`, role: 'assistant', content: [{ type: 'text', text: `Reading part ${i}.` }, { type: 'tool_use', id: `t${i}`, name: 'Read', input: { file_path: `/repo/src/module${i % 50}.ts` } }], usage: { input_tokens: 5, output_tokens: 40, cache_read_input_tokens: 1000 + i, cache_creation_input_tokens: 200 } },
    });
    const body = Array.from({ length: resultLines }, (_, j) => `${String(j + 1).padStart(6)}→export const value${i}_${j} = compute(${i}, ${j}); // module ${i % 50}`).join('\n');
    push({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${i}`, content: body }] } });
    push({ type: 'assistant', message: { id: `msg_${i}b`, role: 'assistant', content: [{ type: 'text', text: `value${i}_3 is computed from record ${i}; nothing to change.` }] } });
    if (i === 1000) {
      push('{"type":"user", this line is cut off');
      malformedLine = lines;
    }
  }
  flush();
  closeSync(fd);
  return { lines, malformedLine, exchanges: i };
}

describe('history: a 50 MB transcript', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvp-history-'));
  const file = path.join(dir, 'large-session.jsonl');
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function analyseRetained(path: string) {
    const before = retainedHeap();
    // The test is about memory, not tokenizer speed: a chars/4 count keeps it quick on a shared machine.
    const session = new SessionAccumulator({ countTokens: (text) => Math.ceil(text.length / 4) });
    const read = await readSessionFile(path, session);
    const analysis = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(session);
    const growth = retainedHeap() - before;
    return { read, analysis, growth, messages: session.messages.length };
  }

  it('streams through, keeps per-message digests rather than the text, and reports the malformed line @slow', async () => {
    const { malformedLine, exchanges } = writeLargeLog(file, 50 * 1024 * 1024);
    const size = statSync(file).size;
    assert.ok(size >= 50 * 1024 * 1024);
    const large = await analyseRetained(file);

    assert.equal(large.read.format, 'claude-code-jsonl');
    assert.deepEqual(large.read.problems.map((p) => p.line), [malformedLine]);
    assert.ok(large.analysis.turns.length > 10_000, `${large.analysis.turns.length} turns`);
    // Less than the text itself (which would take at least the file's size as one-byte strings).
    assert.ok(large.growth < 0.8 * size, `retained ${(large.growth / 1048576).toFixed(1)} MB after reading ${(size / 1048576).toFixed(1)} MB`);

    // The same number of messages with one-line tool outputs: if text were kept, memory would
    // shrink with the file; since only digests are kept, it stays about the same.
    const smallFile = path.join(dir, 'same-messages-less-text.jsonl');
    writeLargeLog(smallFile, Infinity, 1, exchanges);
    const smallSize = statSync(smallFile).size;
    assert.ok(size / smallSize > 4, `files differ ${(size / smallSize).toFixed(1)}×`);
    const small = await analyseRetained(smallFile);
    assert.equal(small.messages, large.messages);
    assert.ok(
      large.growth < 1.5 * small.growth,
      `retained ${(large.growth / 1048576).toFixed(1)} MB for ${(size / 1048576).toFixed(0)} MB vs ${(small.growth / 1048576).toFixed(1)} MB for ${(smallSize / 1048576).toFixed(0)} MB`,
    );
  });
});
