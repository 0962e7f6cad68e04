/**
 * Rollout logs written by the real Codex CLI (recorded offline against the Responses API stand-in
 * by test/fixtures/agent-logs/recordCodex.mjs): every response is counted once, with exactly the
 * tokens the stand-in reported (expected-usage.json), including a session resumed with
 * `codex exec resume --last`.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage } from '../../../src/core/usage';

const REAL = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'codex');

describe('rollouts of the real Codex CLI', () => {
  const folders = existsSync(REAL) ? readdirSync(REAL).filter((d) => d.startsWith('real-client-')) : [];
  it('there is at least one recorded client version', () => assert.ok(folders.length > 0));
  for (const folder of folders) {
    it(`${folder}: tokens equal what the API reported, each response once`, () => {
      const expected = JSON.parse(readFileSync(path.join(REAL, folder, 'expected-usage.json'), 'utf8'));
      const report = collectUsage({
        environment: {
          env: { CODEX_HOME: path.join(REAL, folder), CLAUDE_CONFIG_DIR: path.join(REAL, folder, 'none') },
          home: path.join(REAL, folder, 'no-home'),
        },
        registry: profileRegistryFor(),
        grouping: 'session',
        agents: ['codex'],
      }).report;
      assert.equal(report.totals.requests, expected.requests);
      const t = report.totals.tokens;
      assert.equal(t.input + t.cacheRead + t.cacheCreation, expected.inputTokens);
      assert.equal(t.output, expected.outputTokens);
      assert.equal(report.sources[0].malformedLines, 0);
      assert.ok(
        report.groups.some((g) => g.requests >= 2),
        'the resumed session holds both of its turns',
      );
      assert.deepEqual([...new Set(report.groups.flatMap((g) => g.models.map((m) => m.model)))], ['gpt-5']);
    });
  }
});
