import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClaudeCodeUsageReader } from '../../../src/core/usage/claudeCodeUsageReader';
import { CodexUsageReader } from '../../../src/core/usage/codexUsageReader';
import { GeminiUsageReader } from '../../../src/core/usage/geminiUsageReader';
import type { UsageLineReader } from '../../../src/core/usage/usageLineReader';
import { addTokens, zeroTokens, type UsageRecord } from '../../../src/core/usage/usageRecord';
import { SYNTHETIC } from './usageTestKit';

function readAll(reader: UsageLineReader, file: string): UsageRecord[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line) => reader.pushLine(line));
}

function sum(records: UsageRecord[]) {
  const t = zeroTokens();
  for (const r of records) addTokens(t, r.tokens);
  return t;
}

describe('usage readers', () => {
  describe('Claude Code', () => {
    const file = path.join(SYNTHETIC, 'claude-code/projects/-home-dev-shop/11111111-aaaa-4aaa-8aaa-000000000001.jsonl');
    const reader = new ClaudeCodeUsageReader();
    const records = readAll(reader, file);

    it('keeps every entry with usage, each block of a reply with its dedup key, and skips a timestamp of another form', () => {
      assert.deepEqual(
        records.map((r) => r.dedupKey ?? null),
        ['msg_01A:req_01A', 'msg_01A:req_01A', 'msg_01B:req_01B', 'msg_01C:req_01C', 'msg_01D:req_01D', 'msg_01E:req_01E', null],
      );
      assert.deepEqual(records[0].tokens, { input: 3, output: 12, cacheCreation: 14000, cacheRead: 0, reasoning: 0 });
      assert.equal(records[0].model, 'claude-sonnet-4-5-20250929');
      assert.equal(records[0].time, Date.parse('2026-11-30T09:00:05.000Z'));
    });
    it('counts ordinary entries by type, the truncated line as malformed, and the compaction', () => {
      assert.equal(reader.malformedLines, 1);
      assert.equal(reader.unneeded['queue-operation'], 1);
      assert.equal(reader.unneeded.attachment, 1);
      assert.equal(reader.unneeded['last-prompt'], 1);
      assert.equal(reader.unneeded.mode, 1);
      assert.equal(reader.unneeded.user, 3);
      assert.equal(reader.unneeded.assistant, 1, 'the entry with a timestamp of another form');
      assert.deepEqual(reader.compactions, [{ time: Date.parse('2026-11-30T23:59:00.000Z') }]);
      assert.equal(reader.sessionId, '11111111-aaaa-4aaa-8aaa-000000000001');
      assert.equal(reader.project, '/home/dev/shop');
    });
    it('resumes from saved state without losing the session and project', () => {
      const again = new ClaudeCodeUsageReader(JSON.parse(JSON.stringify(reader.saveState())));
      assert.equal(again.sessionId, reader.sessionId);
      assert.equal(again.project, reader.project);
    });
  });

  describe('Codex CLI', () => {
    const file = path.join(SYNTHETIC, 'codex/sessions/2026/12/01/rollout-2026-12-01T09-00-00-44444444-dddd-4ddd-8ddd-000000000004.jsonl');
    const reader = new CodexUsageReader();
    const records = readAll(reader, file);

    it('counts each response once (a repeated event leaves the running total unchanged) and splits cached input out', () => {
      assert.equal(records.length, 3);
      assert.deepEqual(records[0].tokens, { input: 12000, cacheCreation: 0, cacheRead: 0, output: 800, reasoning: 512 });
      assert.deepEqual(records[1].tokens, { input: 1700, cacheCreation: 0, cacheRead: 11800, output: 300, reasoning: 128 });
      assert.equal(reader.unneeded['event_msg:token_count (repeat)'], 1);
    });
    it('uses the growth of the running total when an event has no last usage, and the model of the latest turn', () => {
      assert.deepEqual(records[2].tokens, { input: 2000, cacheCreation: 0, cacheRead: 2000, output: 400, reasoning: 60 });
      assert.deepEqual(records.map((r) => r.model), ['gpt-5-codex', 'gpt-5-codex', 'gpt-5']);
      assert.deepEqual(sum(records), { input: 15700, cacheCreation: 0, cacheRead: 13800, output: 1500, reasoning: 700 });
    });
    it('reads the session id, the project and the compaction', () => {
      assert.equal(reader.sessionId, '44444444-dddd-4ddd-8ddd-000000000004');
      assert.equal(reader.project, '/home/dev/api');
      assert.equal(reader.compactions.length, 1);
    });
    it('continues across a saved state exactly as in one pass', () => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const first = new CodexUsageReader();
      const part1 = lines.slice(0, 8).flatMap((l) => first.pushLine(l));
      const second = new CodexUsageReader(JSON.parse(JSON.stringify(first.saveState())));
      const part2 = lines.slice(8).flatMap((l) => second.pushLine(l));
      assert.deepEqual([...part1, ...part2], records);
    });
  });

  describe('Gemini CLI', () => {
    it('reads a JSONL recording: tokens once per message, cached input split out, thoughts counted as output', () => {
      const file = path.join(SYNTHETIC, 'gemini/tmp/9f2c1a/chats/session-2026-12-02T10-00-55555555.jsonl');
      const reader = new GeminiUsageReader('fallback');
      const records = readAll(reader, file);
      const keys = new Set(records.map((r) => r.dedupKey));
      assert.deepEqual([...keys], ['gemini:55555555-eeee-4eee-8eee-000000000005:m2', 'gemini:55555555-eeee-4eee-8eee-000000000005:m3']);
      const unique = [...new Map(records.map((r) => [r.dedupKey, r])).values()];
      assert.deepEqual(sum(unique), { input: 12000, cacheCreation: 0, cacheRead: 8000, output: 710, reasoning: 450 });
      assert.equal(unique[0].model, 'gemini-2.5-pro');
      assert.equal(reader.unneeded.rewind, 1);
      assert.equal(reader.malformedLines, 0);
    });
    it('reads a whole-file JSON recording of older versions', () => {
      const file = path.join(SYNTHETIC, 'gemini/tmp/9f2c1a/chats/session-2026-11-29T15-00-66666666.json');
      const reader = new GeminiUsageReader('fallback');
      const records = reader.readWholeSession(readFileSync(file, 'utf8'));
      assert.equal(records.length, 1);
      assert.deepEqual(records[0].tokens, { input: 5000, cacheCreation: 0, cacheRead: 0, output: 12, reasoning: 0 });
      assert.equal(records[0].dedupKey, 'gemini:66666666-ffff-4fff-8fff-000000000006:a2');
    });
    it('counts a broken recording as malformed instead of throwing', () => {
      const reader = new GeminiUsageReader('x');
      assert.deepEqual(reader.readWholeSession('{"sessionId": '), []);
      assert.equal(reader.malformedLines, 1);
    });
  });
});
