import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedSpan } from '../../../src/core/document/changedSpan';

describe('changedSpan', () => {
  it('turns two texts into the one edit between them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), (before, after) => {
        const { offset, deleteLength, insertText } = changedSpan(before, after);
        assert.equal(before.slice(0, offset) + insertText + before.slice(offset + deleteLength), after);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a one-character edit anywhere in a long text, across block boundaries', () => {
    const base = 'abcdefghij'.repeat(500);
    for (const at of [0, 1, 1023, 1024, 1025, 2048, 4999, 5000]) {
      const after = base.slice(0, at) + 'Z' + base.slice(at);
      const span = changedSpan(base, after);
      assert.equal(base.slice(0, span.offset) + span.insertText + base.slice(span.offset + span.deleteLength), after);
      assert.ok(span.insertText.length <= 11, `small span at ${at}`);
    }
  });
});
