import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeRankFile, encodeRankFile, rankTableFromTiktokenModule } from '../../../src/core/tokens/rankTable';
import { writeRankFiles } from '../../../src/core/tokens/writeRankFiles';
import { ENCODINGS } from './reference';

describe('compact rank files', () => {
  it('the files the build writes hold exactly js-tiktoken ranks and pattern, for both encodings', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'mvp-ranks-'));
    try {
      const written = writeRankFiles(directory);
      assert.deepEqual(written.map((file) => path.basename(file)).sort(), ['cl100k_base.ranks', 'o200k_base.ranks']);
      for (const encoding of ENCODINGS) {
        const module = require(`js-tiktoken/ranks/${encoding}`);
        const expected = rankTableFromTiktokenModule(encoding, module);
        const file = path.join(directory, 'ranks', `${encoding}.ranks`);
        const decoded = decodeRankFile(readFileSync(file), file);
        assert.equal(decoded.encoding, encoding);
        assert.equal(decoded.patStr, module.pat_str);
        assert.equal(decoded.ranks.size, expected.ranks.size);
        for (const [bytes, rank] of expected.ranks) {
          if (decoded.ranks.get(bytes) !== rank) assert.fail(`${encoding}: rank of ${JSON.stringify(bytes)} is ${decoded.ranks.get(bytes)}, expected ${rank}`);
        }
        // Spot-check the base64 parse itself against js-tiktoken's text: "IQ==" is "!" at rank 0.
        assert.equal(expected.ranks.get('!'), 0);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('rejects a damaged file with a message that says to rebuild', () => {
    const table = { encoding: 'cl100k_base' as const, patStr: 'x', ranks: new Map([['a', 0], ['b', 1], ['ab', 2]]) };
    const file = encodeRankFile(table);
    assert.deepEqual([...decodeRankFile(file, 'f').ranks], [...table.ranks]);
    assert.throws(() => decodeRankFile(file.subarray(0, file.length - 1), 'dist/ranks/x.ranks'), /dist\/ranks\/x\.ranks is truncated.*npm run build/);
    assert.throws(() => decodeRankFile(Buffer.from('hello'), 'f'), /not a token rank file/);
    assert.throws(() => encodeRankFile({ ...table, ranks: new Map([['a', 0], ['b', 2]]) }), /rank 1 is missing/);
  });

  it('looks up a range of a longer string by its bytes, and finds nothing for non-tokens', () => {
    const table = { encoding: 'cl100k_base' as const, patStr: 'x', ranks: new Map([['a', 0], ['b', 1], ['ab', 2], ['\u00ff\u0000', 3]]) };
    const { ranks } = decodeRankFile(encodeRankFile(table), 'f');
    assert.equal(ranks.rankOf('xaby', 1, 3), 2);
    assert.equal(ranks.rankOf('xaby', 2, 3), 1);
    assert.equal(ranks.rankOf('xaby', 0, 1), -1);
    assert.equal(ranks.get('\u00ff\u0000'), 3);
    for (const absent of ['ba', 'abc', '', 'A', '\u00ff']) assert.equal(ranks.get(absent), undefined, JSON.stringify(absent));
  });

  it('reads a file whose bytes sit at an unaligned offset in memory (copies instead of viewing)', () => {
    const table = { encoding: 'cl100k_base' as const, patStr: 'x', ranks: new Map([['a', 0], ['b', 1], ['ab', 2]]) };
    const unaligned = Buffer.concat([Buffer.from('x'), encodeRankFile(table)]).subarray(1);
    assert.deepEqual([...decodeRankFile(unaligned, 'f').ranks], [...table.ranks]);
    assert.equal(decodeRankFile(unaligned, 'f').ranks.get('ab'), 2);
  });
});
