import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSession } from '../../../src/cli/commands/session';
import { fixturesDir } from './sessionTestKit';

async function run(args: string[], cwd = fixturesDir) {
  let stdout = '';
  let stderr = '';
  const code = await runSession(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('mvp session', function () {
  this.timeout(120_000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvp-session-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the per-turn table, totals, projection and findings', async () => {
    const r = await run(['long-session.jsonl']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /claude-code-jsonl, \d+ messages, \d+ requests/);
    assert.match(r.stdout, /Model: Claude Sonnet 4\.5 \(claude-sonnet-4-5; .*"claude-sonnet-4-5-20250929"/);
    assert.match(r.stdout, /Turn\s+Input tok\s+Cached\s+Output\s+Wh\s+Wh cached\s+Cumul\. Wh\s+Cumul\. cached/);
    assert.match(r.stdout, /\n {2}1r\s+14,\d{3}\s/);
    assert.match(r.stdout, /\n {2}Total\s+[\d,]+/);
    assert.match(r.stdout, /Next 10 turns/);
    assert.match(r.stdout, /Caveat: With prompt caching/);
    assert.match(r.stdout, /abandoned attempt: messages \d+–\d+ \(from line \d+\)/);
    assert.match(r.stdout, /repeated paste: .* \(identical; line \d+, line \d+\)/);
    assert.match(r.stdout, /unused tool output: Bash npm ls --all \(result\)/);
    // The findings are the rules' own, in the engine's words: the projection is part of polluted-history's.
    assert.match(r.stdout, /warning  polluted-history: This session carries dead weight: .*Over the next 10 turns/);
    assert.match(r.stdout, /warning  long-history: The history sent with this prompt is [\d,]+ tokens in \d+ messages/);
  });

  it('writes JSON whose totals are the sums of its turns', async () => {
    const r = await run(['long-session.openai.json', '--format', 'json', '--more-turns', '5']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.format, 'openai-messages');
    assert.equal(json.model.id, 'gpt-4o');
    assert.ok(json.turns.length > 60);
    const sum = (f: (t: any) => number) => json.turns.reduce((s: number, t: any) => s + f(t), 0);
    assert.equal(json.totals.inputTokens, sum((t) => t.inputTokens));
    assert.equal(json.totals.outputTokens, sum((t) => t.outputTokens));
    for (const bound of ['low', 'central', 'high']) {
      assert.ok(Math.abs(json.totals.wh[bound] - sum((t) => t.wh[bound])) < 1e-9 * json.totals.wh[bound]);
    }
    assert.ok(json.turns.every((t: any) => t.wh.low <= t.wh.central && t.wh.central <= t.wh.high));
    assert.equal(json.projection.moreTurns, 5);
    assert.ok(json.seedSummary.tokens > 0);
    assert.ok(Array.isArray(json.evidence.pollution.abandoned));
    assert.ok(json.findings.every((f: any) => typeof f.ruleId === 'string' && typeof f.message === 'string'));
  });

  it('uses --model over the model named in the transcript', async () => {
    const r = await run(['openai-small.json', '--format', 'json', '--model', 'claude-haiku-4-5']);
    assert.equal(JSON.parse(r.stdout).model.id, 'claude-haiku-4-5');
  });

  it('writes the seed summary and never replaces an existing file without --force', async () => {
    const target = path.join(tmp, 'seed.md');
    const first = await run(['polluted-session.json', '--seed-summary', target]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /written to .*seed\.md\. It is a starting point/);
    assert.match(readFileSync(target, 'utf8'), /What about emoji in titles/);

    writeFileSync(target, 'my edits');
    const again = await run(['polluted-session.json', '--seed-summary', target]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; .*--force/);
    assert.equal(readFileSync(target, 'utf8'), 'my edits');

    const forced = await run(['polluted-session.json', '--seed-summary', target, '--force']);
    assert.equal(forced.code, 0);
    assert.match(readFileSync(target, 'utf8'), /Seed summary/);
  });

  it('reports malformed lines on stderr with file and line, and analyses the rest', async () => {
    const r = await run(['claude-code-small.jsonl']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /claude-code-small\.jsonl:7: not valid JSON/);
    assert.match(r.stdout, /1 malformed line\(s\) skipped/);
  });

  it('fails clearly on a missing file, an empty transcript, and bad options', async () => {
    const missing = await run(['nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);

    const empty = path.join(tmp, 'empty.md');
    writeFileSync(empty, 'just notes\n');
    const none = await run([empty]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no messages found/);
    assert.match(none.stderr, /nothing to analyse/);

    const bad = await run(['openai-small.json', '--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /must be one of text, json/);
    const turns = await run(['openai-small.json', '--more-turns', '0']);
    assert.equal(turns.code, 2);
  });
});
