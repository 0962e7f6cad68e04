import * as assert from 'node:assert/strict';
import { appendFileSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { profileRegistryFor } from '../../../src/core/analyse';
import { collectUsage, USAGE_CACHE_FILE, type CollectedUsage } from '../../../src/core/usage';
import { defaultCacheDir } from '../../../src/core/usage/usageCache';
import { sandboxEachTest, type Sandbox } from './usageTestKit';

function run(box: Sandbox, cache = true, region?: string): CollectedUsage {
  return collectUsage({ environment: box.environment, registry: profileRegistryFor(), grouping: 'daily', cacheDir: cache ? box.cacheDir : undefined, region });
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => `${p}:${statSync(path.join(dir, p)).size}`).sort();
}

const SESSION = '.claude/projects/-home-dev-shop/11111111-aaaa-4aaa-8aaa-000000000001.jsonl';
const NEW_REPLY = JSON.stringify({
  type: 'assistant', timestamp: '2026-12-03T09:00:00.000Z', sessionId: '11111111-aaaa-4aaa-8aaa-000000000001', requestId: 'req_new',
  message: { id: 'msg_new', model: 'claude-sonnet-4-5-20250929', role: 'assistant', content: [], usage: { input_tokens: 7, output_tokens: 70, cache_creation_input_tokens: 700, cache_read_input_tokens: 7000 } },
});

describe('usage cache: per-file digests, append-only resumption', () => {
  let box: Sandbox;
  sandboxEachTest((b) => (box = b));

  it('a second run takes every file from the cache and reports the same figures @slow', () => {
    const cold = run(box);
    assert.equal(cold.scan.counts.read, 7);
    const warm = run(box);
    assert.deepEqual(warm.scan.counts, { cached: 7, appended: 0, read: 0 });
    assert.deepEqual(warm.report, cold.report);
  });

  it('an appended log is read from where it grew and totals equal a fresh read', () => {
    run(box);
    appendFileSync(path.join(box.home, SESSION), NEW_REPLY + '\n');
    const warm = run(box);
    assert.deepEqual(warm.scan.counts, { cached: 6, appended: 1, read: 0 });
    const fresh = run(box, false);
    assert.deepEqual(warm.report.totals, fresh.report.totals);
    assert.equal(warm.report.groups.find((g) => g.key === '2026-12-03')?.tokens.cacheRead, 7000);
  });

  it('a line still being written is not counted until it is complete, and then only once', () => {
    run(box);
    const file = path.join(box.home, SESSION);
    appendFileSync(file, NEW_REPLY.slice(0, 60));
    const partial = run(box);
    assert.equal(partial.report.groups.find((g) => g.key === '2026-12-03'), undefined);
    assert.equal(partial.report.sources.find((s) => s.agent === 'claude-code')?.malformedLines, 1, 'only the fixture line that is truncated for good');
    appendFileSync(file, NEW_REPLY.slice(60) + '\n');
    const complete = run(box);
    assert.equal(complete.scan.counts.appended, 1);
    assert.equal(complete.report.groups.find((g) => g.key === '2026-12-03')?.requests, 1);
    assert.deepEqual(complete.report.totals, run(box, false).report.totals);
  });

  it('a file replaced by another (its beginning changed) is read again in full', () => {
    run(box);
    const file = path.join(box.home, SESSION);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Add a discount field', 'Add a coupon field') + NEW_REPLY + '\n');
    const again = run(box);
    assert.equal(again.scan.counts.read, 1);
    assert.deepEqual(again.report.totals, run(box, false).report.totals);
  });

  it('a lost requests file is reported and the cache rebuilt, with the same figures', () => {
    const fresh = run(box);
    const requestsFile = readdirSync(box.cacheDir).find((n) => n.startsWith('usage-requests-'))!;
    rmSync(path.join(box.cacheDir, requestsFile));
    appendFileSync(path.join(box.home, SESSION), NEW_REPLY + '\n'); // needs the request columns
    const after = run(box);
    assert.match(after.scan.cacheProblem ?? '', /could not be read .* the cache was rebuilt/);
    assert.deepEqual(after.report.totals, run(box, false).report.totals);
    assert.notDeepEqual(after.report.totals, fresh.report.totals);
  });

  it('a damaged cache is reported, ignored and rebuilt', () => {
    run(box);
    writeFileSync(path.join(box.cacheDir, USAGE_CACHE_FILE), '{"format": 1, "files": ');
    const after = run(box);
    assert.match(after.scan.cacheProblem ?? '', /is damaged .* it will be rebuilt/);
    assert.equal(after.scan.counts.read, 7);
    assert.equal(run(box).scan.counts.cached, 7);
  });

  it('footprints are recomputed from the cached tokens when the region changes, without reading the logs', () => {
    const usa = run(box);
    const sweden = run(box, true, 'SE');
    assert.deepEqual(sweden.scan.counts, { cached: 7, appended: 0, read: 0 });
    assert.deepEqual(sweden.report.totals.tokens, usa.report.totals.tokens);
    assert.ok(sweden.report.totals.carbon.g.central < usa.report.totals.carbon.g.central / 3, 'Swedish grid is far cleaner');
    assert.deepEqual(sweden.report.totals, run(box, false, 'SE').report.totals);
  });

  it('a deleted log drops out of the cache; logs of another folder or agent stay cached', () => {
    run(box);
    rmSync(path.join(box.home, SESSION));
    const codexOnly = collectUsage({ environment: box.environment, registry: profileRegistryFor(), grouping: 'daily', cacheDir: box.cacheDir, agents: ['codex'] });
    assert.deepEqual(codexOnly.scan.counts, { cached: 1, appended: 0, read: 0 });
    const all = run(box);
    assert.deepEqual(all.scan.counts, { cached: 6, appended: 0, read: 0 }, 'Gemini and the other Claude Code logs were kept');
    assert.deepEqual(all.report.totals, run(box, false).report.totals);
  });

  it('writes nothing next to the logs, only in the cache folder', () => {
    const before = ['.claude', '.codex', '.gemini'].map((d) => listTree(path.join(box.home, d)));
    const mtime = new Date('2026-12-01T00:00:00Z');
    utimesSync(path.join(box.home, SESSION), mtime, mtime);
    run(box);
    run(box);
    assert.deepEqual(['.claude', '.codex', '.gemini'].map((d) => listTree(path.join(box.home, d))), before);
    const cacheFiles = readdirSync(box.cacheDir).sort();
    assert.equal(cacheFiles.length, 3);
    assert.equal(cacheFiles[0], USAGE_CACHE_FILE);
    assert.match(cacheFiles[1], /^usage-report-[0-9a-f]{32}\.json$/);
    assert.match(cacheFiles[2], /^usage-requests-[0-9a-f]{12}\.json$/);
  });

  it('the default cache folder is the user cache folder of each platform', () => {
    assert.equal(defaultCacheDir({ env: { XDG_CACHE_HOME: '/x/cache' }, home: '/home/a', platform: 'linux' }), '/x/cache/minimal-viable-prompt');
    assert.equal(defaultCacheDir({ env: {}, home: '/home/a', platform: 'linux' }), '/home/a/.cache/minimal-viable-prompt');
    assert.equal(defaultCacheDir({ env: {}, home: '/Users/a', platform: 'darwin' }), '/Users/a/Library/Caches/minimal-viable-prompt');
    assert.equal(
      defaultCacheDir({ env: { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, home: 'C:\\Users\\a', platform: 'win32' }),
      path.join('C:\\Users\\a\\AppData\\Local', 'minimal-viable-prompt', 'Cache'),
    );
  });
});
