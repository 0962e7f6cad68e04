/**
 * The sorted token table (sortedTokenTable.ts): the same answers as a Map of the tokens, by binary
 * search while a length group is new and by hash once it has been searched often, and the same
 * after a round trip through a 'sorted' rank file.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { EncodingName } from '../../../src/core/profiles/modelProfile';
import { decodeRankFile, encodeRankFile } from '../../../src/core/tokens/rankTable';
import { buildSortedTokenTable, SortedTokenTable } from '../../../src/core/tokens/sortedTokenTable';

/** Latin1 strings over a few byte values, so that tokens share prefixes and near misses abound. */
const bytesString = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(0x00, 0x41, 0x42, 0x7f, 0x80, 0xe2, 0xff), { minLength: 1, maxLength })
    .map((codes) => String.fromCharCode(...codes));

function assertLikeMap(table: SortedTokenTable, ids: Map<string, number>, probes: string[]): void {
  for (const probe of probes) {
    const expected = ids.get(probe) ?? -1;
    assert.equal(table.rankOf('<' + probe + '>', 1, probe.length + 1), expected, JSON.stringify(probe));
  }
}

describe('sorted token table', () => {
  it('finds each token id and nothing else, before and after its length group is hashed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(bytesString(6), { minLength: 1, maxLength: 300 }),
        fc.array(bytesString(7), { maxLength: 100 }),
        (tokens, others) => {
          const table = buildSortedTokenTable(tokens);
          const ids = new Map(tokens.map((token, id) => [token, id]));
          const probes = [...tokens, ...others, '', 'A'.repeat(40)];
          // Enough rounds that every group passes its search budget (256 + a quarter of its tokens).
          for (let round = 0; round < 4; round++) assertLikeMap(table, ids, probes);
          for (let i = 0; i < 400; i++) assertLikeMap(table, ids, probes.slice(0, 5));
          assertLikeMap(table, ids, probes);
          assert.equal(table.size, tokens.length);
          for (const [token, id] of ids) assert.equal(table.tokenOf(id), token);
          assert.deepEqual(new Map(table), ids);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("survives the 'sorted' rank file round trip, and the file says when it is damaged", () => {
    const tokens = ['a', 'b', 'ab', 'ba', 'abc', '\u00e2\u0096\u0081'];
    const listing = {
      encoding: 'gemma3' as EncodingName,
      preSplit: { patterns: [] },
      ranks: new Map(tokens.map((token, id) => [token, id])),
    };
    const file = encodeRankFile(listing, 'sorted');
    const decoded = decodeRankFile(file, 'f').ranks;
    assert.ok(decoded instanceof SortedTokenTable);
    assert.deepEqual(new Map(decoded), listing.ranks);
    assert.equal(decoded.get('abd'), undefined);
    const header = file.toString('latin1', 0, file.indexOf(10, 12));
    assert.match(header, /"lengthCounts":\[0,2,2,2\]/);
    // Same number of tokens, one byte fewer than the file holds.
    const damaged = Buffer.from(
      file.toString('latin1').replace('"lengthCounts":[0,2,2,2]', '"lengthCounts":[0,2,3,1]'),
      'latin1',
    );
    assert.throws(
      () => decodeRankFile(damaged, 'dist/ranks/x.ranks'),
      /x\.ranks is damaged \(token length counts.*npm run build/,
    );
  });
});
