import * as assert from 'node:assert/strict';
import { referencePathFor, rewriteReferenceText } from '../../../src/core/prompt/referenceRewrite';

describe('editor: rewriting a reference to a new file', () => {
  it('keeps the syntax around the path and drops the sheet selector', () => {
    assert.equal(rewriteReferenceText('#file:data/book.xlsx#Sales', 'data/book.xlsx', 'data/book.Sales.csv'), '#file:data/book.Sales.csv');
    assert.equal(rewriteReferenceText('[the book](data/book.xlsx?sheet=Q3)', 'data/book.xlsx', 'data/book.Q3.csv'), '[the book](data/book.Q3.csv)');
    assert.equal(rewriteReferenceText('@logs/app.log', 'logs/app.log', 'logs/app.tail.log'), '@logs/app.tail.log');
    assert.equal(rewriteReferenceText('#file:other.xlsx', 'data/book.xlsx', 'x.csv'), undefined);
  });

  it('writes the new path the way the old one was written', () => {
    assert.equal(referencePathFor('/w/prompts/a.prompt.md', '../data/b.xlsx', '/w/data/b.Q3.csv'), '../data/b.Q3.csv');
    assert.equal(referencePathFor('/w/a.prompt.md', './data/b.xlsx', '/w/data/b.Q3.csv'), './data/b.Q3.csv');
    assert.equal(referencePathFor('/w/a.prompt.md', '/abs/b.xlsx', '/abs/b.Q3.csv'), '/abs/b.Q3.csv');
  });
});
