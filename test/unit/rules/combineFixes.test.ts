import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/rules/finding';
import { combineFixes } from '../../../src/core/rules/combineFixes';
import { applyEdits } from '../../../src/core/rules/measureSaving';

const finding = (
  ruleId: string,
  edits: { start: number; end: number; newText: string }[],
  extra: Partial<Finding> & { action?: boolean } = {},
): Finding => {
  const { action, ...rest } = extra;
  return {
    ruleId,
    severity: 'warning',
    message: ruleId,
    fix: {
      title: `fix ${ruleId}`,
      edits: edits.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText })),
      ...(action ? { action: { kind: 'tailLog' as const, attachmentPath: '/x.log' } } : {}),
    },
    ...rest,
  };
};

describe('editor: combining fixes for fix-all', () => {
  it('applies non-overlapping fixes whole, skips a fix that overlaps an accepted one', () => {
    const a = finding('a', [{ start: 10, end: 20, newText: '' }]);
    const b = finding('b', [{ start: 15, end: 25, newText: 'x' }]);
    const c = finding('c', [
      { start: 30, end: 31, newText: 'y' },
      { start: 40, end: 40, newText: 'z' },
    ]);
    const { edits, applied, skipped } = combineFixes([c, b, a]);
    assert.deepEqual(
      applied.map((f) => f.ruleId),
      ['a', 'c'],
    );
    assert.deepEqual(
      skipped.map((f) => f.ruleId),
      ['b'],
    );
    assert.deepEqual(
      edits.map((e) => e.range.start),
      [10, 30, 40],
    );
  });

  it('leaves out fixes that create files and findings without edits', () => {
    const fileFix = finding('log', [{ start: 0, end: 1, newText: '' }], { action: true });
    const noFix: Finding = { ruleId: 'info', severity: 'info', message: 'no fix' };
    assert.deepEqual(combineFixes([fileFix, noFix]).edits, []);
  });

  it('treats two insertions at the same point as a conflict (their order would be arbitrary)', () => {
    const one = finding('one', [{ start: 5, end: 5, newText: 'A' }]);
    const two = finding('two', [{ start: 5, end: 5, newText: 'B' }]);
    assert.equal(combineFixes([one, two]).applied.length, 1);
  });

  describe('on a document', () => {
    const text = 'aaa bbb ccc ddd';
    const findings = [
      finding('x', [{ start: 0, end: 3, newText: 'A' }]),
      finding('y', [{ start: 2, end: 5, newText: 'Q' }]),
      finding('x', [{ start: 8, end: 11, newText: 'C' }], { file: '/work/prompt.md' }),
      // Offsets into a config file, not this text: applying them here would corrupt the prompt.
      finding('x', [{ start: 12, end: 15, newText: 'D' }], { file: '/work/.mvp.jsonc' }),
    ];

    it('applies only the fixes about the analysed document', () => {
      const r = combineFixes(findings, { file: '/work/prompt.md' });
      assert.equal(applyEdits(text, r.edits), 'A bbb C ddd');
      assert.deepEqual(
        r.skipped.map((f) => f.ruleId),
        ['y'],
      );
    });

    it('applies no fix about a file when the document has no path', () => {
      assert.equal(applyEdits(text, combineFixes(findings).edits), 'A bbb ccc ddd');
    });

    it('can be limited to one rule', () => {
      assert.equal(
        applyEdits(text, combineFixes(findings, { file: '/work/prompt.md', ruleId: 'y' }).edits),
        'aaQbb ccc ddd',
      );
    });
  });
});
