import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { runUsage } from '../../../src/cli/commands/usage';
import { UsageError } from '../../../src/cli/args';
import { sandboxEachTest, makeSandbox, type Sandbox } from './usageTestKit';

async function usage(box: Sandbox, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runUsage(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: box.home }, { ...box.environment, env: { ...box.env, MVP_CACHE_DIR: box.cacheDir } });
  return { code, out, err };
}

describe('mvp usage', () => {
  let box: Sandbox;
  sandboxEachTest((b) => (box = b));

  it('JSON: totals with tokens by kind, energy/carbon/water ranges and cost, and periods per day', async () => {
    const { code, out } = await usage(box, ['daily', '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.deepEqual(Object.keys(json.totals.tokens), ['input', 'output', 'cacheCreation', 'cacheRead', 'reasoning']);
    // Claude Code (equal to ccusage) + Codex + Gemini, each checked in readers.test.ts.
    assert.deepEqual(json.totals.tokens, { input: 194 + 15700 + 17000, output: 3749 + 1500 + 722, cacheCreation: 28000, cacheRead: 92000 + 13800 + 8000, reasoning: 700 + 450 });
    assert.equal(json.totals.requests, 9 + 3 + 3);
    for (const key of ['low', 'central', 'high']) assert.ok(json.totals.energy.wh[key] > 0);
    assert.ok(json.totals.energy.wh.low <= json.totals.energy.wh.central && json.totals.energy.wh.central <= json.totals.energy.wh.high);
    assert.ok(json.totals.carbon.g.central > 0 && json.totals.water.ml.central > 0);
    assert.equal(json.totals.cost.estimate, true);
    assert.equal(json.totals.cost.unpricedRequests, 2, 'gpt-5-codex matches gpt-5 only by family: not priced with its list');
    const codexModel = json.periods.flatMap((p: { models: { model: string; profile: string; matchedBy: string }[] }) => p.models).find((m: { model: string }) => m.model === 'gpt-5-codex');
    assert.deepEqual([codexModel.profile, codexModel.matchedBy], ['gpt-5', 'family']);
    assert.deepEqual(json.periods.map((p: { key: string }) => p.key), ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    assert.ok(json.method.prices['claude-opus-4-5-20251101'].source.url.startsWith('https://'));
    assert.equal(json.heaviestSessions.length, 3);
    assert.ok(!existsSync(path.join(box.home, '.claude', 'usage-digests.json')));
  });

  it('filters by agent and by date, and groups by session with project and compactions', async () => {
    const { out } = await usage(box, ['session', '--agent', 'codex', '--since', '20261201', '--until', '2026-12-01', '--format', 'json']);
    const json = JSON.parse(out);
    assert.equal(json.sessions.length, 1);
    assert.equal(json.sessions[0].key, 'codex:44444444-dddd-4ddd-8ddd-000000000004');
    assert.equal(json.sessions[0].project, '/home/dev/api');
    assert.equal(json.sessions[0].compactions, 1);
    assert.deepEqual(json.sessions[0].models.map((m: { model: string }) => m.model).sort(), ['gpt-5', 'gpt-5-codex']);
  });

  it('text: a table per period, models, heaviest sessions with advice, and how the figures were made', async () => {
    const { out } = await usage(box, ['weekly']);
    assert.match(out, /^Agent usage from local logs: Claude Code \(4 files, 9 requests\), Codex CLI \(1 file, 3 requests\), Gemini CLI \(2 files, 3 requests\)/);
    assert.match(out, /Week of .* Cache write/);
    assert.match(out, /2026-11-30 /);
    assert.match(out, /Heaviest sessions:\n  1\. /);
    assert.match(out, /earlier conversation sent again/);
    assert.match(out, /\* Cost: an estimate at list prices/);
  });

  it('says where it looked when no logs are found', async () => {
    const empty = makeSandbox([]);
    try {
      const { code, out } = await usage(empty, []);
      assert.equal(code, 0);
      assert.match(out, /No agent logs found\. Looked in:/);
      assert.match(out, /\.claude[/\\]projects \(missing\)/);
    } finally {
      empty.cleanup();
    }
  });

  it('--clear-cache removes the cache file', async () => {
    await usage(box, []);
    assert.match((await usage(box, ['--clear-cache'])).out, /^Usage cache cleared/);
    assert.match((await usage(box, ['--clear-cache'])).out, /^No usage cache to clear/);
  });

  it('rejects bad arguments with a specific message', async () => {
    await assert.rejects(usage(box, ['yearly']), (e: Error) => e instanceof UsageError && /unknown report 'yearly'/.test(e.message));
    await assert.rejects(usage(box, ['--since', '2026-13-45']), /--since needs a date as YYYY-MM-DD/);
    await assert.rejects(usage(box, ['--since', '2026-12-02', '--until', '2026-12-01']), /is after --until/);
    await assert.rejects(usage(box, ['--agent', 'windsurf']), /unknown --agent 'windsurf'; use claude-code, codex, gemini-cli, copilot-chat/);
    await assert.rejects(usage(box, ['--region', 'Atlantis']), /unknown --region/);
  });

  it('is registered in mvp --help', async () => {
    let out = '';
    await main(['--help'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: box.home });
    assert.match(out, /usage\s+tokens, energy, carbon, water and cost of coding agents/);
  });
});
