import * as assert from 'node:assert/strict';
import {
  AgentUsageLoader,
  AGENT_USAGE_REFRESH_MS,
  type AgentUsageState,
} from '../../../src/extension/energyPanel/agentUsageLoader';
import { buildAgentUsage } from '../../../src/extension/energyPanel/sections/agentUsage';
import { describeEquivalences } from '../../../src/extension/energyPanel/equivalenceOptions';
import { PanelController } from '../../../src/extension/energyPanel/panelController';
import type { GlobalStateLike } from '../../../src/extension/energyPanel/todayTotals';
import { runUsageWorker, type UsageWorkerJob, type UsageWorkerResult } from '../../../src/core/usage';
import { inUtc, makeSandbox } from './usageTestKit';

const memory = (): GlobalStateLike => {
  const values = new Map<string, unknown>();
  return {
    get: <T>(k: string) => values.get(k) as T | undefined,
    update: async (k: string, v: unknown) => void values.set(k, v),
  };
};

describe('the panel’s Today shows real agent usage from the logs', () => {
  it('reads the logs in a worker and splits today and this week per agent', async function () {
    this.timeout(60_000);
    const tz = inUtc();
    const box = makeSandbox();
    try {
      const states: AgentUsageState[] = [];
      const now = new Date('2026-12-02T15:00:00Z');
      const loader = new AgentUsageLoader(
        box.home,
        (s) => states.push(s),
        runUsageWorker,
        () => now,
        box.environment,
      );
      assert.equal(loader.current().status, 'loading');
      await loader.refresh();
      const state = loader.current();
      assert.equal(state.status, 'ready', JSON.stringify(state));
      const view = buildAgentUsage(state)!;
      assert.equal(view.state, 'ready');
      assert.deepEqual(view.rows.map((r) => r.name).sort(), ['Claude Code', 'Codex CLI', 'Gemini CLI']);
      const claude = view.rows.find((r) => r.name === 'Claude Code')!;
      assert.match(claude.todayText, /^3 requests · /);
      assert.match(claude.weekText, /^9 requests · /);
      assert.equal(view.rows.find((r) => r.name === 'Codex CLI')!.todayText, '—');
      assert.match(view.totalWeekText, /^14 requests · .*Wh/);
      assert.equal([...view.sparkline].length, 7);
      assert.match(view.sparklineLabel, /^Last 7 days \(2026-11-26 to 2026-12-02\)/);
      assert.match(view.note, /Nothing is sent anywhere/);
    } finally {
      box.cleanup();
      tz.restore();
    }
  });

  it('reads at most every few minutes, one reading at a time, and reports a failure as a message', async () => {
    let calls = 0;
    let clock = Date.parse('2026-12-02T15:00:00Z');
    let answer: UsageWorkerResult = { ok: true, periods: [], sources: [], counts: { cached: 0, appended: 0, read: 0 } };
    const run = async (_job: UsageWorkerJob) => {
      calls++;
      return answer;
    };
    const loader = new AgentUsageLoader(
      '/tmp/never-written',
      () => undefined,
      run,
      () => new Date(clock),
      { env: {}, home: '/nowhere' },
    );
    await Promise.all([loader.refresh(), loader.refresh()]);
    assert.equal(calls, 1);
    assert.equal(buildAgentUsage(loader.current())!.state, 'none');
    clock += AGENT_USAGE_REFRESH_MS / 2;
    await loader.refresh();
    assert.equal(calls, 1);
    answer = { ok: false, message: 'the usage reader stopped (exit code 1)' };
    await loader.refresh(true);
    assert.equal(calls, 2);
    const view = buildAgentUsage(loader.current())!;
    assert.equal(view.state, 'error');
    assert.match(view.message!, /Could not read the agents’ logs: the usage reader stopped/);
  });

  it('the controller puts it in the Today section of the view model', () => {
    const controller = new PanelController(memory(), describeEquivalences);
    assert.equal(controller.viewModel().today.agents, undefined, 'no loader: nothing claimed');
    controller.setAgentUsage({ status: 'loading' });
    assert.deepEqual(
      { state: controller.viewModel().today.agents?.state, message: controller.viewModel().today.agents?.message },
      { state: 'loading', message: 'Reading the agents’ logs…' },
    );
  });
});

describe('MVP: Clear Agent Usage Cache', () => {
  it('deletes the cache in the editor storage and reads the logs again', async function () {
    this.timeout(60_000);
    const tz = inUtc();
    const box = makeSandbox(['codex']);
    try {
      const loader = new AgentUsageLoader(
        box.home,
        () => undefined,
        runUsageWorker,
        () => new Date('2026-12-02T15:00:00Z'),
        box.environment,
      );
      await loader.refresh();
      assert.equal(await loader.clearCache(), true);
      assert.equal(loader.current().status, 'ready', 'read again at once');
      assert.equal(await loader.clearCache(), true, 'the fresh reading wrote a new cache');
    } finally {
      box.cleanup();
      tz.restore();
    }
  });
});
