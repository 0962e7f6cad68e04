/**
 * Token totals must equal ccusage's on the same Claude Code logs: ccusage (pinned devDependency) is
 * run with CLAUDE_CONFIG_DIR pointed at each fixture folder, `daily --json --offline`, and its
 * per-day and total tokens (and its cost at the same list prices) are compared with ours.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage } from '../../../src/core/usage';
import { inUtc, SYNTHETIC } from './usageTestKit';

const CCUSAGE = path.join(__dirname, '..', '..', '..', 'node_modules', 'ccusage', 'dist', 'index.js');
const REAL = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'claude-code');

interface CcusageDay {
  date: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalCost: number;
}

function ccusageDaily(configDir: string): { daily: CcusageDay[]; totals: { inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number; totalCost: number } } {
  const out = execFileSync(process.execPath, [CCUSAGE, 'daily', '--json', '--offline'], {
    env: { PATH: process.env.PATH, HOME: configDir, CLAUDE_CONFIG_DIR: configDir, TZ: 'UTC', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out);
}

function compare(configDir: string): void {
  const tz = inUtc();
  try {
    const theirs = ccusageDaily(configDir);
    const ours = collectUsage({
      environment: { env: { CLAUDE_CONFIG_DIR: configDir }, home: path.join(configDir, 'no-home') },
      registry: profileRegistryFor(),
      grouping: 'daily',
      agents: ['claude-code'],
    }).report;
    assert.ok(theirs.daily.length > 0, 'ccusage found usage');
    assert.deepEqual(
      ours.groups.map((g) => ({ date: g.key, input: g.tokens.input, output: g.tokens.output, cacheCreation: g.tokens.cacheCreation, cacheRead: g.tokens.cacheRead })),
      theirs.daily.map((d) => ({ date: d.date, input: d.inputTokens, output: d.outputTokens, cacheCreation: d.cacheCreationTokens, cacheRead: d.cacheReadTokens })),
    );
    assert.deepEqual(
      { input: ours.totals.tokens.input, output: ours.totals.tokens.output, cacheCreation: ours.totals.tokens.cacheCreation, cacheRead: ours.totals.tokens.cacheRead },
      { input: theirs.totals.inputTokens, output: theirs.totals.outputTokens, cacheCreation: theirs.totals.cacheCreationTokens, cacheRead: theirs.totals.cacheReadTokens },
    );
    // Same list prices for the models both know: the estimates agree to the cent.
    assert.ok(Math.abs(ours.totals.cost.usd - theirs.totals.totalCost) < 0.01, `cost ${ours.totals.cost.usd} vs ccusage ${theirs.totals.totalCost}`);
  } finally {
    tz.restore();
  }
}

describe('mvp usage equals ccusage on the same Claude Code logs', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(CCUSAGE)) throw new Error(`ccusage is a devDependency; run npm install (missing ${CCUSAGE})`);
  });

  it('synthetic logs: streamed blocks, resumed-session copies, sub-agent files, synthetic and odd entries @slow', () => {
    compare(path.join(SYNTHETIC, 'claude-code'));
  });

  for (const dir of existsSync(REAL) ? readdirSync(REAL).filter((d) => existsSync(path.join(REAL, d, 'projects'))) : []) {
    it(`transcripts written by the real Claude Code client: ${dir}`, () => compare(path.join(REAL, dir)));
  }
});
