import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from 'js-tiktoken';
import { changedSpan, countDocument } from '../../../src/core/tokens/documentTokenCache';

const o200k = getEncoding('o200k_base');
const reference = (text: string) => o200k.encode(text, [], []).length;

describe('documentTokenCache', () => {
  it('changedSpan turns two texts into the one edit between them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), (before, after) => {
        const { offset, deleteLength, insertText } = changedSpan(before, after);
        assert.equal(before.slice(0, offset) + insertText + before.slice(offset + deleteLength), after);
      }),
      { numRuns: 500 },
    );
  });

  it('counts every version of a document exactly while reusing the previous one', () => {
    const piece = fc.constantFrom('Hello', ' world', '\n', '\n\n', '  ', 'don\'t', '123', '数据', '🙂', '<|endoftext|>', '\r\n', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 200 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 }), (versions) => {
        const key = `/doc-${Math.random()}`;
        for (const text of versions) assert.equal(countDocument(key, 'o200k_base', text), reference(text));
      }),
      { numRuns: 60 },
    );
  });
});

describe('changedSpan on long texts', () => {
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
