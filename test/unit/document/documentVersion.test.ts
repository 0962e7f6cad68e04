import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentVersion } from '../../../src/core/document/documentVersion';

/** Memo values that are their range's text: a carried-over value must equal what computing would give. */
function checkCarriedValues(before: string, after: string, ranges: Array<[number, number]>): number {
  const first = new DocumentVersion(before);
  const memo = first.memo<string>('text');
  for (let start = 0; start < before.length; start++) memo.get(start, Math.min(before.length, start + 5), (t) => t);
  const second = new DocumentVersion(after, first);
  let computed = 0;
  for (const [start, end] of ranges) {
    const value = second.memo<string>('text').get(start, end, (t) => {
      computed++;
      return t;
    });
    assert.equal(value, after.slice(start, end), `range ${start}–${end}`);
  }
  return computed;
}

describe('DocumentVersion', () => {
  it('carries a value over only where the range holds the same text (random edits)', () => {
    const text = fc.string({ maxLength: 60 });
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, at, cut) => {
        const offset = at % (before.length + 1);
        const after = before.slice(0, offset) + inserted + before.slice(offset + (cut % 4));
        const ranges: Array<[number, number]> = [];
        for (let start = 0; start < after.length; start++) ranges.push([start, Math.min(after.length, start + 5)]);
        checkCarriedValues(before, after, ranges);
      }),
      { numRuns: 500 },
    );
  });

  it('recomputes only the ranges the edit touched', () => {
    const before = 'aaaa bbbb cccc dddd';
    const after = 'aaaa bbXbb cccc dddd';
    // Ranges of `after`: before the edit, across it, after it (moved by one).
    const computed = checkCarriedValues(before, after, [
      [0, 5],
      [5, 10],
      [11, 16],
      [15, 20],
    ]);
    assert.equal(computed, 1, 'only the range holding the inserted X is computed again');
  });

  it('computes a whole-version value once', () => {
    const version = new DocumentVersion('text');
    let calls = 0;
    const blocks = () => {
      calls++;
      return [1, 2];
    };
    assert.equal(version.once('blocks', blocks), version.once('blocks', blocks));
    assert.equal(calls, 1);
  });
});
