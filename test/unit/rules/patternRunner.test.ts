import { strict as assert } from 'node:assert';
import { resetPatternRunner, runPatterns } from '../../../src/core/rules/patternRunner';

const job = (ruleId: string, source: string) => ({ ruleId, source, flags: 'g' });

describe('pattern runner (worker with a time limit)', function () {
  this.timeout(60000);
  afterEach(() => resetPatternRunner());

  it('returns every match per pattern, in order @slow', () => {
    const { matches, stopped } = runPatterns('cat dog cat', [job('a', 'cat'), job('b', 'dog'), job('c', 'emu')]);
    assert.deepEqual(stopped, []);
    assert.deepEqual(matches.map((m) => m.map((x) => [x.start, x.end])), [[[0, 3], [8, 11]], [[4, 7]], []]);
  });

  it('keeps the results of patterns before and after one that is stopped @slow', () => {
    const text = 'a'.repeat(36) + '! cat';
    const { matches, stopped } = runPatterns(text, [job('before', 'cat'), job('evil', '(a|a)+$'), job('after', '!')], { timeoutMs: 200 });
    assert.deepEqual(stopped.map((s) => [s.job.ruleId, s.reason]), [['evil', 'timeout']]);
    assert.equal(matches[0].length, 1);
    assert.equal(matches[2].length, 1);
  });

  it('caps matches per pattern @slow', () => {
    const { matches } = runPatterns('x'.repeat(50), [job('x', 'x')], { maxMatchesPerPattern: 10 });
    assert.equal(matches[0].length, 10);
  });

  it('a worker that cannot start in time is reported once and not waited for again', () => {
    const first = runPatterns('text', [job('a', 'text')], { startTimeoutMs: 1 });
    assert.deepEqual(first.stopped.map((s) => s.reason), ['workerFailed']);
    const started = Date.now();
    const second = runPatterns('text', [job('a', 'text')]);
    assert.deepEqual(second.stopped.map((s) => s.reason), ['workerFailed']);
    assert.ok(Date.now() - started < 1000);
  });
});
