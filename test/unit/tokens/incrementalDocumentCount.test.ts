import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { chunkLengths } from '../../../src/core/tokens/chunkText';
import { IncrementalDocumentCount } from '../../../src/core/tokens/incrementalDocumentCount';
import { createTokenCounter, type TokenCounter } from '../../../src/core/tokens/tokenCounter';
import { adversarialDocument, adversarialText, ENCODINGS, referenceCount } from './reference';

interface Edit {
  at: number;
  deleteLength: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteLength: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)),
  insert: fc.oneof(fc.constant(''), adversarialText(3), adversarialText(60)),
});

/** Counts the chars each countChunk call re-tokenizes. */
function spyingCounter(inner: TokenCounter): TokenCounter & { chunkChars: number; chunkCalls: number } {
  const spy = {
    encoding: inner.encoding,
    chunkChars: 0,
    chunkCalls: 0,
    count: (text: string) => inner.count(text),
    countChunk: (chunk: string) => {
      spy.chunkChars += chunk.length;
      spy.chunkCalls++;
      return inner.countChunk(chunk);
    },
  };
  return spy;
}

describe('IncrementalDocumentCount', () => {
  for (const encoding of ENCODINGS) {
    it(`${encoding}: total equals js-tiktoken's count after every edit of a random edit sequence @slow`, () => {
      fc.assert(
        fc.property(adversarialDocument(), fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
          const document = new IncrementalDocumentCount(createTokenCounter(encoding), initial);
          let text = initial;
          assert.equal(document.total(), referenceCount(encoding, text));
          for (const { at, deleteLength, insert } of edits) {
            const offset = Math.floor(at * text.length);
            const length = Math.min(deleteLength, text.length - offset);
            document.applyEdit(offset, length, insert);
            text = text.slice(0, offset) + insert + text.slice(offset + length);
            assert.equal(document.currentText(), text);
            assert.equal(document.total(), referenceCount(encoding, text), `after edit at ${offset} −${length} +${JSON.stringify(insert)}`);
          }
        }),
        { numRuns: 20, endOnFailure: true },
      );
    });
  }

  for (const encoding of ENCODINGS) {
    it(`${encoding}: edits that start or end exactly on a chunk boundary stay exact @slow`, () => {
      // Boundaries are where a careless re-chunk would keep a cut whose neighbour chars changed.
      fc.assert(
        fc.property(adversarialDocument(), fc.constantFrom('x', ' ', '\n', '1', "'", '/', '\u0301', ''), (text, insert) => {
          const counter = createTokenCounter(encoding);
          let boundary = 0;
          for (const length of chunkLengths(text).slice(0, -1)) {
            boundary += length;
            for (const [offset, deleteLength] of [[boundary, 0], [boundary, 1], [boundary - 1, 1], [boundary - 2, 2]]) {
              const document = new IncrementalDocumentCount(counter, text);
              document.applyEdit(offset, deleteLength, insert);
              const edited = text.slice(0, offset) + insert + text.slice(offset + deleteLength);
              assert.equal(document.total(), referenceCount(encoding, edited), `edit at ${offset} −${deleteLength} +${JSON.stringify(insert)}`);
            }
          }
        }),
        { numRuns: 8, endOnFailure: true },
      );
    });
  }

  it('types a document char by char from empty and deletes it again, exact at every step @slow', () => {
    const source = 'Summarise the table below.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThanks — 日本語 👍🏽 it\'s fine.\n';
    const counter = createTokenCounter('o200k_base');
    const document = new IncrementalDocumentCount(counter);
    for (let i = 0; i < source.length; i++) {
      document.applyEdit(i, 0, source[i]);
      assert.equal(document.total(), referenceCount('o200k_base', source.slice(0, i + 1)));
    }
    while (document.currentText().length > 0) {
      const text = document.currentText();
      document.applyEdit(text.length - 1, 1, '');
      assert.equal(document.total(), referenceCount('o200k_base', text.slice(0, -1)));
    }
    assert.equal(document.total(), 0);
  });

  it('re-tokenizes only the chunks next to a one-character edit in a large document @slow', () => {
    const paragraph = 'The quarterly report lists revenue by region, with notes on each outlier.\n';
    const text = paragraph.repeat(4000) + 'const total = items.reduce((sum, x) => sum + x.price, 0);\n'.repeat(2000);
    const spy = spyingCounter(createTokenCounter('o200k_base'));
    const document = new IncrementalDocumentCount(spy, text);
    assert.ok(document.chunkCount() > 200, `${document.chunkCount()} chunks`);
    spy.chunkChars = 0;
    spy.chunkCalls = 0;
    document.applyEdit(150_000, 0, 'x');
    assert.ok(spy.chunkCalls <= 4, `${spy.chunkCalls} chunks recounted`);
    assert.ok(spy.chunkChars <= 4 * 4096 + 4, `${spy.chunkChars} chars recounted`);
    assert.equal(document.total(), referenceCount('o200k_base', document.currentText()));
  });

  it('keeps chunks from fragmenting over many small edits in one place @slow', () => {
    const counter = createTokenCounter('cl100k_base');
    const document = new IncrementalDocumentCount(counter, 'Some prose with words in it.\n'.repeat(2000));
    const before = document.chunkCount();
    for (let i = 0; i < 500; i++) document.applyEdit(30_000 + i, 0, i % 7 === 0 ? ' ' : 'a');
    assert.ok(document.chunkCount() <= before + 3, `${before} → ${document.chunkCount()} chunks`);
    assert.equal(document.total(), referenceCount('cl100k_base', document.currentText()));
  });

  it('rejects an edit outside the document with a message that says how to recover', () => {
    const document = new IncrementalDocumentCount(createTokenCounter('o200k_base'), 'short');
    assert.throws(() => document.applyEdit(3, 10, ''), /outside the document \(length 5\).*setText/);
    assert.throws(() => document.applyEdit(-1, 0, 'x'), RangeError);
    assert.equal(document.currentText(), 'short');
  });
});
