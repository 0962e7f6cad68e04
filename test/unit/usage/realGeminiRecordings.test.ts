/**
 * Chat recordings written by the real Gemini CLI (recorded offline against the Gemini API stand-in
 * by test/fixtures/agent-logs/recordGeminiCli.mjs): every conversation request is counted once,
 * with exactly the tokens the stand-in reported (expected-usage.json), a resumed session included.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage } from '../../../src/core/usage';

const REAL = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'gemini');

describe('chat recordings of the real Gemini CLI', () => {
  const folders = existsSync(REAL) ? readdirSync(REAL).filter((d) => d.startsWith('real-client-')) : [];
  it('there is at least one recorded client version', () => assert.ok(folders.length > 0));
  for (const folder of folders) {
    it(`${folder}: tokens equal what the API reported, each request once`, () => {
      const expected = JSON.parse(readFileSync(path.join(REAL, folder, 'expected-usage.json'), 'utf8'));
      const home = mkdtempSync(path.join(os.tmpdir(), 'mvp-gemini-home-'));
      try {
        cpSync(path.join(REAL, folder, 'tmp'), path.join(home, '.gemini', 'tmp'), { recursive: true });
        const report = collectUsage({
          environment: {
            env: { CLAUDE_CONFIG_DIR: path.join(home, 'none'), CODEX_HOME: path.join(home, 'none') },
            home,
          },
          registry: profileRegistryFor(),
          grouping: 'session',
          agents: ['gemini-cli'],
        }).report;
        assert.equal(report.totals.requests, expected.requests);
        const t = report.totals.tokens;
        assert.equal(t.input + t.cacheRead, expected.promptTokens);
        assert.equal(t.output, expected.candidatesTokens);
        assert.equal(report.sources[0].malformedLines, 0);
        assert.ok(
          report.groups.some((g) => g.requests >= 2),
          'the resumed session holds both of its turns',
        );
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  }
});
