import { strict as assert } from 'node:assert';
import { fixAllEdits } from '../../../src/core/rules/fixAll';
import { applyEdits } from '../../../src/core/rules/measureSaving';
import type { Finding } from '../../../src/core/rules/finding';

const finding = (ruleId: string, start: number, end: number, newText: string, file?: string): Finding => ({
  ruleId, severity: 'warning', message: '', file, range: { start, end }, fix: { title: 't', edits: [{ range: { start, end }, newText }] },
});

describe('fix all', () => {
  const text = 'aaa bbb ccc ddd';
  const findings = [finding('x', 0, 3, 'A'), finding('y', 2, 5, 'Q'), finding('x', 8, 11, 'C'), finding('x', 12, 15, 'D', '/other/file'), { ruleId: 'z', severity: 'info' as const, message: 'no fix' }];

  it('takes non-overlapping fixes of the prompt document, skipping overlaps and other files', () => {
    const r = fixAllEdits(findings);
    assert.equal(applyEdits(text, r.edits), 'A bbb C ddd');
    assert.deepEqual(r.skipped.map((f) => f.ruleId), ['y']);
    assert.equal(r.applied.length, 2);
  });
  it('can be limited to one rule', () => {
    assert.equal(applyEdits(text, fixAllEdits(findings, 'y').edits), 'aaQbb ccc ddd');
  });
});
