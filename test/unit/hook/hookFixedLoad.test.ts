import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runHook } from './hookKit';

/** A Claude Code UserPromptSubmit event for the first prompt of a session in `cwd`. */
function firstPrompt(cwd: string): string {
  return JSON.stringify({
    session_id: 's1',
    transcript_path: path.join(cwd, 'no-transcript-yet.jsonl'),
    cwd,
    hook_event_name: 'UserPromptSubmit',
    prompt: 'hello there',
  });
}

describe("mvp hook — the agent's fixed load on the first request", () => {
  it("adds Claude Code's built-in load (baseline, with its version) and the folder's memory to the first turn", async () => {
    const folder = mkdtempSync(path.join(realpathSync(tmpdir()), 'mvp-hook-fixed-'));
    writeFileSync(path.join(folder, 'CLAUDE.md'), 'Use npm test before you finish.\n');
    const run = await runHook(firstPrompt(folder));
    assert.equal(run.code, 0);
    const text = String(run.json!.systemMessage);
    const line = text.split('\n')[1];
    assert.match(line, /^Fixed load of this first request: claude-code also sends ≈([\d,]+) tokens before your prompt/);
    assert.match(line, /built in \(baseline measured with claude-code 2\.1\.\d+ on \d{4}-\d\d-\d\d\)/);
    assert.match(line, /from this folder \(memory\)/);
    const fixed = Number(/sends ≈([\d,]+) tokens/.exec(line)![1].replace(/,/g, ''));
    const prompt = Number(/this request sends ≈([\d,]+) tokens/.exec(text)![1].replace(/,/g, ''));
    assert.ok(fixed > 5000, `the built-in load is thousands of tokens (got ${fixed})`);
    assert.equal(Number(/— ≈([\d,]+) tokens, /.exec(line)![1].replace(/,/g, '')), fixed + prompt);
  });
});
