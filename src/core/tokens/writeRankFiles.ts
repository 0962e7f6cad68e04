/**
 * Build step (called from esbuild.mjs): writes each encoding's ranks in the compact form into
 * `<outDir>/ranks/`, next to the bundles that load them (see loadRankTable.ts).
 *
 * Converting the open families' tokenizer.json files takes seconds, so a rank file is rewritten
 * only when what it is made from changed: next to it, `<encoding>.stamp` (not shipped) holds a
 * hash of the source file's path, size and modification time and of the converter's own code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodingName } from '../profiles/modelProfile';
import { ENCODING_NAMES, ENCODING_SOURCES, encodingSourceFile, readEncodingSource } from './encodingSources';
import { rankFileName } from './loadRankTable';
import { encodeRankFile, listingOf } from './rankTable';

/** The code that decides a rank file's bytes; a change to any of them rebuilds every file. */
const CONVERTER_FILES = [
  'writeRankFiles.ts',
  'encodingSources.ts',
  'huggingFaceVocabulary.ts',
  'translatePattern.ts',
  'rankTable.ts',
  'rankHashTable.ts',
  'preSplit.ts',
  'sentencePieceVocabulary.ts',
  'sentencePieceTables.ts',
  'sortedTokenTable.ts',
];

/** Returns the files written or already up to date. */
export function writeRankFiles(outDir: string): string[] {
  const files: string[] = [];
  for (const encoding of ENCODING_NAMES) {
    const file = path.join(outDir, rankFileName(encoding));
    const stampFile = file.replace(/\.ranks$/, '.stamp');
    const stamp = buildStamp(encoding);
    files.push(file);
    if (stamp !== undefined && existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
      continue;
    mkdirSync(path.dirname(file), { recursive: true });
    // OpenAI's encodings keep the zero-pass 'table' layout (every default profile loads one at start-up);
    // the open families ship the half-size 'lengths' layout, Gemma 3 the zero-pass 'sorted' one.
    const table = readEncodingSource(encoding);
    const layout =
      ENCODING_SOURCES[encoding].format === 'js-tiktoken' ? 'table' : table.sentencePiece ? 'sorted' : 'lengths';
    writeFileSync(file, encodeRankFile(listingOf(table), layout));
    if (stamp !== undefined) writeFileSync(stampFile, stamp);
  }
  return files;
}

/** Hash of what `encoding`'s rank file is made from, or undefined when it cannot be told (always rebuild). */
function buildStamp(encoding: EncodingName): string | undefined {
  const hash = createHash('sha256');
  const source = ENCODING_SOURCES[encoding];
  try {
    const sourceFile = source.format === 'js-tiktoken' ? require.resolve(source.module) : encodingSourceFile(encoding);
    const { size, mtimeMs } = statSync(sourceFile);
    hash.update(`${encoding}\0${sourceFile}\0${size}\0${mtimeMs}\0`);
    for (const name of CONVERTER_FILES) hash.update(readFileSync(path.join(__dirname, name)));
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
