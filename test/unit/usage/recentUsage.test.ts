import * as assert from 'node:assert/strict';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage, recentUsageSince, summariseRecentUsage } from '../../../src/core/usage';
import { inUtc, makeSandbox } from './usageTestKit';

describe('today and this week per agent (for the panel)', () => {
  it('splits the daily report by agent for today and the ISO week, with seven days for the chart', () => {
    const tz = inUtc();
    const box = makeSandbox();
    try {
      const now = new Date('2026-12-02T15:00:00Z'); // a Wednesday
      assert.equal(recentUsageSince(now), '2026-11-26');
      const report = collectUsage({ environment: box.environment, registry: profileRegistryFor(), grouping: 'daily', since: recentUsageSince(now) }).report;
      const recent = summariseRecentUsage(report.groups, now);
      assert.equal(recent.today, '2026-12-02');
      assert.equal(recent.weekStart, '2026-11-30');
      const byAgent = Object.fromEntries(recent.agents.map((a) => [a.agent, a]));
      assert.deepEqual(
        Object.fromEntries(recent.agents.map((a) => [a.agent, [a.today.requests, a.week.requests]])),
        { 'claude-code': [3, 9], codex: [0, 3], 'gemini-cli': [2, 2] },
      );
      assert.equal(byAgent['gemini-cli'].today.tokens, 12000 + 8000 + 710);
      assert.equal(recent.totals.week.requests, 14);
      assert.ok(recent.totals.today.wh.central > 0 && recent.totals.today.wh.central < recent.totals.week.wh.central);
      assert.deepEqual(recent.days.map((d) => d.date), ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
      assert.equal(recent.days[0].wh, 0);
      assert.ok(recent.days[3].wh > 0, 'the Gemini session of the 29th is in the chart, though not in this week');
      const weekWh = recent.days.slice(4).reduce((s, d) => s + d.wh, 0);
      assert.ok(Math.abs(weekWh - recent.totals.week.wh.central) < 1e-9 * weekWh);
    } finally {
      box.cleanup();
      tz.restore();
    }
  });
});
