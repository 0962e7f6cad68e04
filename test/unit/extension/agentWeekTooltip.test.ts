import * as assert from 'node:assert/strict';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage, recentUsageSince, summariseRecentUsage } from '../../../src/core/usage';
import { agentWeekMarkdown } from '../../../src/extension/statusBar/agentWeekTooltip';
import { inUtc, makeSandbox } from '../usage/usageTestKit';

describe("the status bar tooltip's line on this week's agent usage", () => {
  it("states the week's tokens, requests and Wh range with the agents whose logs it read", () => {
    const tz = inUtc();
    const box = makeSandbox();
    try {
      const now = new Date('2026-12-02T15:00:00Z');
      const report = collectUsage({
        environment: box.environment,
        registry: profileRegistryFor(),
        grouping: 'daily',
        since: recentUsageSince(now),
      }).report;
      const recent = summariseRecentUsage(report.groups, now);
      const line = agentWeekMarkdown(recent);
      assert.ok(line);
      assert.match(line, /^\*\*Coding agents this week\*\* \(since 2026-11-30, from their local logs: /);
      assert.match(line, /Claude Code/);
      assert.match(line, /Codex/);
      assert.match(line, /Gemini CLI/);
      assert.match(line, / in 14 requests, /);
      const wh = recent.totals.week.wh;
      assert.ok(wh.low < wh.central && wh.central < wh.high);
      assert.match(line, /≈[\d.,]+ \w?Wh \([\d.,]+–[\d.,]+ \w?Wh\)/, line);
    } finally {
      box.cleanup();
      tz.restore();
    }
  });

  it('says nothing when no agent logged a request this week, or before the logs are read', () => {
    assert.equal(agentWeekMarkdown(undefined), undefined);
    const zero = {
      requests: 0,
      tokens: 0,
      wh: { low: 0, central: 0, high: 0 },
      carbonG: { low: 0, central: 0, high: 0 },
      waterMl: { low: 0, central: 0, high: 0 },
      costUsd: 0,
    };
    assert.equal(
      agentWeekMarkdown({
        today: '2026-12-02',
        weekStart: '2026-11-30',
        agents: [],
        totals: { today: zero, week: zero },
        days: [],
      }),
      undefined,
    );
  });
});
