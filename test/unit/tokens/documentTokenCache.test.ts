import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from 'js-tiktoken';
import { countDocument, forgetDocumentCounts } from '../../../src/core/tokens/documentTokenCache';
import { getTokenCounter } from '../../../src/core/tokens/tokenCounter';

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

  it('forgets a document for every encoding', () => {
    const key = `/doc-${Math.random()}`;
    const text = 'Hello world, counted once and then forgotten.';
    countDocument(key, 'o200k_base', text);
    countDocument(key, 'cl100k_base', text);
    forgetDocumentCounts(key);
    // Counted again from scratch: the chunk is looked up in the counter's cache again (a miss counts it).
    const counter = getTokenCounter('o200k_base');
    const original = counter.countChunk.bind(counter);
    let chunks = 0;
    counter.countChunk = (chunk: string) => {
      chunks++;
      return original(chunk);
    };
    try {
      assert.equal(countDocument(key, 'o200k_base', text), reference(text));
      assert.equal(chunks, 1, 'the whole text was chunked and counted again');
    } finally {
      delete (counter as Partial<typeof counter>).countChunk; // back to the prototype's method
    }
  });
});
