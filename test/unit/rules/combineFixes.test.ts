import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/rules/finding';
import { combineFixes } from '../../../src/core/rules/combineFixes';

const finding = (ruleId: string, edits: { start: number; end: number; newText: string }[], action = false): Finding => ({
  ruleId,
  severity: 'warning',
  message: ruleId,
  fix: {
    title: `fix ${ruleId}`,
    edits: edits.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText })),
    ...(action ? { action: { kind: 'tailLog' as const, attachmentPath: '/x.log' } } : {}),
  },
});

describe('editor: combining fixes for fix-all', () => {
  it('applies non-overlapping fixes whole, skips a fix that overlaps an accepted one', () => {
    const a = finding('a', [{ start: 10, end: 20, newText: '' }]);
    const b = finding('b', [{ start: 15, end: 25, newText: 'x' }]);
    const c = finding('c', [{ start: 30, end: 31, newText: 'y' }, { start: 40, end: 40, newText: 'z' }]);
    const { edits, applied, skipped } = combineFixes([c, b, a]);
    assert.deepEqual(applied.map((f) => f.ruleId), ['a', 'c']);
    assert.deepEqual(skipped.map((f) => f.ruleId), ['b']);
    assert.deepEqual(edits.map((e) => e.range.start), [10, 30, 40]);
  });

  it('leaves out fixes that create files and findings without edits', () => {
    const fileFix = finding('log', [{ start: 0, end: 1, newText: '' }], true);
    const noFix: Finding = { ruleId: 'info', severity: 'info', message: 'no fix' };
    assert.deepEqual(combineFixes([fileFix, noFix]).edits, []);
  });

  it('treats two insertions at the same point as a conflict (their order would be arbitrary)', () => {
    const one = finding('one', [{ start: 5, end: 5, newText: 'A' }]);
    const two = finding('two', [{ start: 5, end: 5, newText: 'B' }]);
    assert.equal(combineFixes([one, two]).applied.length, 1);
  });
});
