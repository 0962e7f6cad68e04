import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from 'js-tiktoken';
import { DocumentMemory } from '../../../src/core/document/documentMemory';
import { getTokenCounter } from '../../../src/core/tokens/tokenCounter';

const o200k = getEncoding('o200k_base');
const cl100k = getEncoding('cl100k_base');
const reference = (text: string) => o200k.encode(text, [], []).length;

describe('DocumentMemory', () => {
  it('counts every version of a document exactly while reusing the previous one, per encoding @slow', () => {
    const piece = fc.constantFrom('Hello', ' world', '\n', '\n\n', '  ', 'don\'t', '123', '数据', '🙂', '<|endoftext|>', '\r\n', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 200 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 }), (versions) => {
        const memory = new DocumentMemory();
        for (const text of versions) {
          assert.equal(memory.countTokens('o200k_base', text), reference(text));
          assert.equal(memory.countTokens('cl100k_base', text), cl100k.encode(text, [], []).length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('re-tokenizes only the chunks an edit touched', () => {
    const memory = new DocumentMemory();
    const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says something different about item ${i * 7}.`).join('\n\n');
    memory.countTokens('o200k_base', text);
    const counter = getTokenCounter('o200k_base');
    const original = counter.countChunk.bind(counter);
    let chunks = 0;
    counter.countChunk = (chunk: string) => {
      chunks++;
      return original(chunk);
    };
    try {
      const edited = text.slice(0, 10_000) + 'x' + text.slice(10_000);
      assert.equal(memory.countTokens('o200k_base', edited), reference(edited));
      assert.ok(chunks <= 3, `${chunks} chunks counted again`);
    } finally {
      delete (counter as Partial<typeof counter>).countChunk; // back to the prototype's method
    }
  });

  it('carries per-block results to the next version; a new memory starts from nothing', () => {
    let computed = 0;
    const count = (t: string) => {
      computed++;
      return t.length;
    };
    const memory = new DocumentMemory();
    memory.nextVersion('one two').memo<number>('n').get(0, 3, count);
    memory.nextVersion('one two!').memo<number>('n').get(0, 3, count);
    assert.equal(computed, 1, 'the unchanged range is carried over');
    new DocumentMemory().nextVersion('one two!').memo<number>('n').get(0, 3, count);
    assert.equal(computed, 2, 'another memory knows nothing of it');
  });
});
