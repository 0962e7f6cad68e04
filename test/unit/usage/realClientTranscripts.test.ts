/**
 * Transcripts written by the real Claude Code client (recorded offline against the Messages API
 * stand-in by test/fixtures/agent-logs/recordClaudeCode.mjs): every entry type it writes is read
 * without a single "malformed" report, and every request it made is counted once.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readClaudeCodeJsonl } from '../../../src/core/history/claudeCodeJsonlReader';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage } from '../../../src/core/usage';

const REAL = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'claude-code');

function jsonlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? jsonlFiles(full) : name.endsWith('.jsonl') ? [full] : [];
  });
}

describe('transcripts of the real Claude Code client', () => {
  const folders = existsSync(REAL) ? readdirSync(REAL).filter((d) => d.startsWith('real-client-')) : [];
  it('there is at least one recorded client version', () => assert.ok(folders.length > 0));

  for (const folder of folders) {
    const files = jsonlFiles(path.join(REAL, folder, 'projects'));
    it(`${folder}: mvp session reads every line (no malformed reports) and names the entry types it skipped`, () => {
      for (const file of files) {
        const t = readClaudeCodeJsonl(readFileSync(file, 'utf8'));
        assert.deepEqual(t.problems, [], file);
        assert.ok(t.messages.some((m) => m.role === 'assistant' && m.usage), file);
        assert.ok(t.notes!.some((n) => /entries not needed for this analysis \(attachment ×\d+/.test(n)), t.notes!.join(' | '));
      }
    });
    it(`${folder}: mvp usage counts each request once, --continue turns in the same session, tool use included`, () => {
      const ids = new Set<string>();
      let toolUses = 0;
      for (const file of files) {
        for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
          const entry = JSON.parse(line);
          if (entry.message?.usage && entry.message.id) ids.add(`${entry.message.id}:${entry.requestId}`);
          if (Array.isArray(entry.message?.content)) toolUses += entry.message.content.filter((b: { type?: string }) => b.type === 'tool_use').length;
        }
      }
      assert.ok(toolUses >= 2, 'the recording includes Read and Bash tool use');
      const report = collectUsage({
        environment: { env: { CLAUDE_CONFIG_DIR: path.join(REAL, folder) }, home: path.join(REAL, folder, 'no-home') },
        registry: profileRegistryFor(),
        grouping: 'session',
        agents: ['claude-code'],
      }).report;
      assert.equal(report.totals.requests, ids.size);
      assert.equal(report.groups.length, files.length, 'one session per file: --continue appends to the same session');
      assert.ok(report.groups.some((g) => g.requests >= 4), 'the continued session holds its turns');
      assert.equal(report.sources[0].malformedLines, 0);
    });
  }
});
