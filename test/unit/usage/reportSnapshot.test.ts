import * as assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { profileRegistryFor } from '../../../src/core/analyse';
import { clearDigests, collectUsage, type CollectedUsage, type UsageGrouping } from '../../../src/core/usage';
import { sandboxEachTest, type Sandbox } from './usageTestKit';

const SESSION = '.claude/projects/-home-dev-shop/11111111-aaaa-4aaa-8aaa-000000000001.jsonl';
const NEW_REPLY = JSON.stringify({
  type: 'assistant',
  timestamp: '2026-12-03T09:00:00.000Z',
  sessionId: '11111111-aaaa-4aaa-8aaa-000000000001',
  requestId: 'req_snapshot',
  message: {
    id: 'msg_snapshot',
    model: 'claude-sonnet-4-5-20250929',
    role: 'assistant',
    content: [],
    usage: { input_tokens: 3, output_tokens: 30 },
  },
});

function run(box: Sandbox, grouping: UsageGrouping = 'daily', cache = true): CollectedUsage {
  return collectUsage({
    environment: box.environment,
    registry: profileRegistryFor(),
    grouping,
    cacheDir: cache ? box.cacheDir : undefined,
  });
}

const snapshots = (box: Sandbox) => readdirSync(box.cacheDir).filter((n) => n.startsWith('usage-report-'));

/** Marks the stored report(s), so a test can tell a report read from a snapshot from one built again. */
function markSnapshots(box: Sandbox): void {
  for (const name of snapshots(box)) {
    const file = path.join(box.cacheDir, name);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.report.totals.requests = -1;
    writeFileSync(file, JSON.stringify(data));
  }
}

describe('usage report snapshot: an unchanged run prints the stored report', () => {
  let box: Sandbox;
  sandboxEachTest((b) => (box = b));

  it('a run over unchanged logs returns the report the previous run built, equal to a fresh read', () => {
    const first = run(box);
    assert.equal(snapshots(box).length, 1);
    const second = run(box);
    assert.deepEqual(second.scan.counts, { cached: 7, appended: 0, read: 0 });
    assert.deepEqual(JSON.parse(JSON.stringify(second.report)), JSON.parse(JSON.stringify(first.report)));
    assert.deepEqual(
      JSON.parse(JSON.stringify(second.report)),
      JSON.parse(JSON.stringify(run(box, 'daily', false).report)),
    );
    markSnapshots(box);
    assert.equal(run(box).report.totals.requests, -1, 'the stored report is what the run returned');
  });

  it('a log that grew, another grouping, or a cleared digest cache builds the report again', () => {
    run(box);
    markSnapshots(box);
    assert.notEqual(run(box, 'session').report.totals.requests, -1, 'another grouping has its own snapshot');
    appendFileSync(path.join(box.home, SESSION), NEW_REPLY + '\n');
    const grown = run(box);
    assert.notEqual(grown.report.totals.requests, -1);
    assert.deepEqual(grown.scan.counts, { cached: 6, appended: 1, read: 0 });
    assert.equal(grown.report.groups.find((g) => g.key === '2026-12-03')?.tokens.output, 30);
    markSnapshots(box);
    writeFileSync(path.join(box.cacheDir, 'usage-digests.json'), '{}');
    const rebuilt = run(box);
    assert.notEqual(rebuilt.report.totals.requests, -1);
    assert.match(
      rebuilt.scan.cacheProblem ?? '',
      /another version/,
      'a replaced digest file is noticed, not hidden by a snapshot',
    );
    assert.ok(clearDigests(box.cacheDir));
    assert.deepEqual(snapshots(box), [], 'clearing the cache removes the snapshots too');
  });

  it('another time zone does not reuse a report made in the previous one', () => {
    run(box);
    markSnapshots(box);
    process.env.TZ = 'America/New_York';
    assert.notEqual(run(box).report.totals.requests, -1);
  });

  it('keeps a few snapshots, the newest', () => {
    for (const grouping of ['daily', 'weekly', 'monthly', 'session', 'project'] as const) run(box, grouping);
    assert.equal(snapshots(box).length, 4);
  });

  it('keeps what the caller printed, and gives it back, as bytes, only while nothing changed', () => {
    const render = (usage: CollectedUsage) =>
      `${usage.report.totals.requests} requests; ${usage.scan.counts.cached} of the logs from the cache\n`;
    const withRendering = () =>
      collectUsage({
        environment: box.environment,
        registry: profileRegistryFor(),
        grouping: 'daily',
        cacheDir: box.cacheDir,
        rendering: 'test',
      });
    const cold = withRendering();
    assert.equal(cold.storedRendering, undefined);
    assert.ok(cold.keepRendering, 'a run that stores its report can keep its output');
    cold.keepRendering!(render);
    const warm = withRendering();
    // Kept as the next run sees it: every log from the cache, not as the cold run read them.
    assert.equal(warm.storedRendering?.toString('utf8'), render(run(box)));
    assert.match(warm.storedRendering!.toString('utf8'), /7 of the logs from the cache/);
    appendFileSync(path.join(box.home, SESSION), NEW_REPLY + '\n');
    const grown = withRendering();
    assert.equal(grown.storedRendering, undefined, 'a log grew: render again');
    assert.ok(grown.keepRendering);
  });

  it('drops the renderings of a report it no longer keeps', () => {
    for (const grouping of ['daily', 'weekly', 'monthly', 'session', 'project'] as const) {
      collectUsage({
        environment: box.environment,
        registry: profileRegistryFor(),
        grouping,
        cacheDir: box.cacheDir,
        rendering: 'test',
      }).keepRendering?.(() => grouping);
    }
    const reports = snapshots(box).filter((n) => n.endsWith('.json'));
    const renderings = snapshots(box).filter((n) => n.endsWith('.out'));
    assert.equal(reports.length, 4);
    assert.equal(renderings.length, 4, renderings.join());
    for (const name of renderings) assert.ok(reports.includes(`${name.split('.')[0]}.json`), name);
  });
});
