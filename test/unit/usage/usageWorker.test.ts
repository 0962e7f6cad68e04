import * as assert from 'node:assert/strict';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage, runUsageWorker } from '../../../src/core/usage';
import { inUtc, makeSandbox } from './usageTestKit';

describe('usage in a worker thread (the editor never waits on the logs)', () => {
  it('returns the same daily periods as the in-process call, and uses the cache', async function () {
    this.timeout(60_000);
    const tz = inUtc();
    const box = makeSandbox();
    try {
      const job = { environment: box.environment, cacheDir: box.cacheDir, since: '2026-11-30' };
      const first = await runUsageWorker(job);
      assert.ok(first.ok, first.ok ? '' : first.message);
      const inProcess = collectUsage({ environment: box.environment, registry: profileRegistryFor(), grouping: 'daily', since: '2026-11-30' }).report;
      assert.deepEqual(first.periods.map((p) => [p.key, p.tokens, p.requests]), inProcess.groups.map((g) => [g.key, g.tokens, g.requests]));
      assert.equal(first.counts.read, 7);
      const second = await runUsageWorker(job);
      assert.ok(second.ok && second.counts.cached === 7);
    } finally {
      box.cleanup();
      tz.restore();
    }
  });

  it('stops a worker that runs past its time limit and says so', async () => {
    const box = makeSandbox();
    try {
      const result = await runUsageWorker({ environment: box.environment }, 1);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.message : '', /took longer than 0 s; stopped/);
    } finally {
      box.cleanup();
    }
  });
});
