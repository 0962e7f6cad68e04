import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EncodingName } from '../../../src/core/profiles/modelProfile';
import { ENCODING_NAMES, loadRankTable } from '../../../src/core/tokens/loadRankTable';
import { NO_MERGE } from '../../../src/core/tokens/rankHashTable';
import { decodeRankFile, encodeRankFile, type RankListing, rankTableFromTiktokenModule } from '../../../src/core/tokens/rankTable';
import type { SentencePieceTables } from '../../../src/core/tokens/sentencePieceTables';
import { writeRankFiles } from '../../../src/core/tokens/writeRankFiles';
import { ENCODINGS } from './reference';

/** Typed arrays as plain arrays (a decoded table views the file, the source one owns its arrays). */
function plainTables(tables: SentencePieceTables | undefined): unknown {
  if (!tables) return undefined;
  return {
    addedTokens: tables.addedTokens,
    charsBeforeSpace: tables.charsBeforeSpace,
    mergeCounts: Array.from(tables.mergeCounts),
    mergeBlockFirst: Array.from(tables.mergeBlockFirst),
    mergeLeftBytes: Array.from(tables.mergeLeftBytes),
    maxTokenBytes: tables.maxTokenBytes,
    rankRunStarts: Array.from(tables.rankRunStarts),
    rankRunRanks: Array.from(tables.rankRunRanks),
  };
}

function listing(ranks: [string, number][], extra: Partial<RankListing> = {}): RankListing {
  return { encoding: 'cl100k_base' as EncodingName, preSplit: { patterns: ['x'] }, ranks: new Map(ranks), ...extra };
}

describe('compact rank files', function () {
  this.timeout(120_000); // the build step parses the open families' tokenizer.json files

  it('the files the build writes hold exactly the source ranks, pre-split and merge splits, for every encoding @slow', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'mvp-ranks-'));
    try {
      const written = writeRankFiles(directory);
      assert.deepEqual(written.map((file) => path.basename(file)).sort(), ENCODING_NAMES.map((encoding) => `${encoding}.ranks`).sort());
      for (const encoding of ENCODING_NAMES) {
        // Running from sources, loadRankTable builds the table from the source package itself.
        const expected = loadRankTable(encoding);
        const file = path.join(directory, 'ranks', `${encoding}.ranks`);
        const decoded = decodeRankFile(readFileSync(file), file);
        assert.equal(decoded.encoding, encoding);
        assert.deepEqual(decoded.preSplit, expected.preSplit);
        assert.equal(decoded.ranks.size, expected.ranks.size);
        for (const [bytes, rank] of expected.ranks) {
          if (decoded.ranks.get(bytes) !== rank) assert.fail(`${encoding}: rank of ${JSON.stringify(bytes)} is ${decoded.ranks.get(bytes)}, expected ${rank}`);
        }
        assert.deepEqual(decoded.ranks.mergeSplits && [...decoded.ranks.mergeSplits], expected.ranks.mergeSplits && [...expected.ranks.mergeSplits]);
        // SentencePiece-style BPE (Gemma 3): every merge, the added tokens and the licence notice.
        assert.deepEqual(plainTables(decoded.sentencePiece), plainTables(expected.sentencePiece), `${encoding}: merge tables`);
        assert.equal(decoded.notice, expected.notice);
      }
      assert.match(loadRankTable('gemma3').notice ?? '', /^Gemma is provided under and subject to the Gemma Terms of Use found at ai\.google\.dev\/gemma\/terms\. Modified file/);
      // A second build with nothing changed rewrites nothing; a stale stamp rewrites that file only.
      const mtimes = () => written.map((file) => statSync(file).mtimeMs);
      const before = mtimes();
      writeRankFiles(directory);
      assert.deepEqual(mtimes(), before);
      const tekken = path.join(directory, 'ranks', 'tekken.ranks');
      writeFileSync(tekken, 'damaged');
      writeFileSync(tekken.replace(/ranks$/, 'stamp'), 'old');
      writeRankFiles(directory);
      assert.equal(decodeRankFile(readFileSync(tekken), tekken).encoding, 'tekken', 'the stale file was rebuilt');
      const others = written.map((file, i) => [file, i] as const).filter(([file]) => file !== tekken);
      assert.deepEqual(
        others.map(([file]) => statSync(file).mtimeMs),
        others.map(([, i]) => before[i]),
      );
      for (const encoding of ENCODINGS) {
        const module = require(`js-tiktoken/ranks/${encoding}`);
        assert.deepEqual(loadRankTable(encoding).preSplit, { patterns: [module.pat_str] });
        // Spot-check the base64 parse itself against js-tiktoken's text: "IQ==" is "!" at rank 0.
        assert.equal(rankTableFromTiktokenModule(encoding, module).ranks.get('!'), 0);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('both layouts round-trip, with and without merge splits; a split-limited table merges only at the listed split', () => {
    const ranks: [string, number][] = [['a', 0], ['b', 1], ['c', 2], ['ab', 3], ['abc', 4]];
    const mergeSplits = Uint16Array.from([NO_MERGE, NO_MERGE, NO_MERGE, 1, 2]);
    for (const layout of ['table', 'lengths'] as const) {
      for (const splits of [undefined, mergeSplits]) {
        const decoded = decodeRankFile(encodeRankFile(listing(ranks, { mergeSplits: splits, preSplit: { patterns: ['a', 'b'], normalization: 'NFC' } }), layout), 'f');
        assert.deepEqual([...decoded.ranks], ranks);
        assert.deepEqual(decoded.preSplit, { patterns: ['a', 'b'], normalization: 'NFC' });
        // "abc" is made from "ab" + "c" (split at 2), never from "a" + "bc".
        assert.equal(decoded.ranks.mergeRankOf('abc', 0, 2, 3), 4);
        assert.equal(decoded.ranks.mergeRankOf('abc', 0, 1, 3), splits ? -1 : 4);
        assert.equal(decoded.ranks.wholePieceIsToken, splits === undefined);
      }
    }
  });

  it('rejects a damaged file with a message that says to rebuild', () => {
    const table = listing([['a', 0], ['b', 1], ['ab', 2]]);
    const file = encodeRankFile(table);
    assert.deepEqual([...decodeRankFile(file, 'f').ranks], [...table.ranks]);
    assert.throws(() => decodeRankFile(file.subarray(0, file.length - 1), 'dist/ranks/x.ranks'), /dist\/ranks\/x\.ranks is truncated.*npm run build/);
    assert.throws(() => decodeRankFile(Buffer.from('hello'), 'f'), /not a token rank file/);
    assert.throws(() => encodeRankFile({ ...table, ranks: new Map([['a', 0], ['b', 2]]) }), /rank 1 is missing/);
    assert.throws(() => encodeRankFile(listing([['a', 0], ['b'.repeat(256), 1]]), 'lengths'), /too long for the 'lengths' layout/);
  });

  it('looks up a range of a longer string by its bytes, and finds nothing for non-tokens', () => {
    const table = listing([['a', 0], ['b', 1], ['ab', 2], ['\u00ff\u0000', 3]]);
    const { ranks } = decodeRankFile(encodeRankFile(table), 'f');
    assert.equal(ranks.rankOf('xaby', 1, 3), 2);
    assert.equal(ranks.rankOf('xaby', 2, 3), 1);
    assert.equal(ranks.rankOf('xaby', 0, 1), -1);
    assert.equal(ranks.get('\u00ff\u0000'), 3);
    for (const absent of ['ba', 'abc', '', 'A', '\u00ff']) assert.equal(ranks.get(absent), undefined, JSON.stringify(absent));
  });

  it('reads a file whose bytes sit at an unaligned offset in memory (copies instead of viewing)', () => {
    const table = listing([['a', 0], ['b', 1], ['ab', 2]]);
    const unaligned = Buffer.concat([Buffer.from('x'), encodeRankFile(table)]).subarray(1);
    assert.deepEqual([...decodeRankFile(unaligned, 'f').ranks], [...table.ranks]);
    assert.equal(decodeRankFile(unaligned, 'f').ranks.get('ab'), 2);
  });
});
