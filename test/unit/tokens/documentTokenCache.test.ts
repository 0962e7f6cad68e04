import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from 'js-tiktoken';
import { countDocument } from '../../../src/core/tokens/documentTokenCache';

const o200k = getEncoding('o200k_base');
const reference = (text: string) => o200k.encode(text, [], []).length;

describe('documentTokenCache', () => {
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
