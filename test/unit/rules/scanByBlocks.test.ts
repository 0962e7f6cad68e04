import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanByBlocks } from '../../../src/core/rules/scanByBlocks';
import { DocumentVersion } from '../../../src/core/document/documentVersion';

const WORD = /[a-z]{3,}|x+=*/g;
const wholeText = (text: string) => [...text.matchAll(WORD)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

describe('scanByBlocks', () => {
  it('finds exactly what a whole-text scan finds, for patterns that never span a blank line', () => {
    const piece = fc.constantFrom('abc', 'x', 'xx==', ' ', '\n', '\n\n', '\n \t\n', '\r\n', 'de', 'fghij', '\n\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(scanByBlocks({ text }, 'test-words', (block) => wholeText(block)), wholeText(text));
      }),
      { numRuns: 400 },
    );
  });

  it('scans a block the edit did not touch once across versions', () => {
    let calls = 0;
    const find = (block: string) => {
      calls++;
      return wholeText(block);
    };
    const text = 'alpha beta\n\ngamma delta\n\nepsilon';
    const version = new DocumentVersion(text);
    scanByBlocks({ text, version }, 'test-count', find);
    const first = calls;
    const edited = text.replace('gamma', 'gammas');
    const found = scanByBlocks({ text: edited, version: new DocumentVersion(edited, version) }, 'test-count', find);
    assert.equal(calls - first, 1, 'only the edited block is scanned again');
    assert.deepEqual(found, wholeText(edited));
  });
});
