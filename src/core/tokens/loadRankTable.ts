/**
 * Finds and loads an encoding's ranks the first time a count needs them, never at import.
 *
 * Packaged extension and CLI: the build writes `dist/ranks/<encoding>.ranks` (compact form, see
 * rankTable.ts) next to the bundles, so `__dirname` of the bundle finds it without node_modules.
 * Running from TypeScript sources (unit tests, benchmarks): no such file next to this module, so
 * the ranks come from js-tiktoken's own rank module in node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodingName } from '../profiles/modelProfile';
import { decodeRankFile, rankTableFromTiktokenModule, type RankTable, type TiktokenRankModule } from './rankTable';

export const ENCODING_NAMES: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];

const loaded = new Map<EncodingName, RankTable>();

/** Where the compact rank file of `encoding` sits in a build (relative to the bundle directory). */
export function rankFileName(encoding: EncodingName): string {
  return path.join('ranks', `${encoding}.ranks`);
}

export function loadRankTable(encoding: EncodingName): RankTable {
  const cached = loaded.get(encoding);
  if (cached) return cached;
  if (!ENCODING_NAMES.includes(encoding)) {
    throw new Error(`Unknown encoding "${encoding}"; supported encodings: ${ENCODING_NAMES.join(', ')}`);
  }
  const table = readBuiltRankFile(encoding) ?? readFromJsTiktoken(encoding);
  loaded.set(encoding, table);
  return table;
}

/** Encodings whose ranks are in memory (for tests and diagnostics: loading must stay lazy). */
export function loadedEncodings(): EncodingName[] {
  return [...loaded.keys()];
}

function readBuiltRankFile(encoding: EncodingName): RankTable | undefined {
  const file = path.join(__dirname, rankFileName(encoding));
  if (!existsSync(file)) return undefined;
  return decodeRankFile(readFileSync(file), file);
}

function readFromJsTiktoken(encoding: EncodingName): RankTable {
  // A computed id keeps bundlers from inlining the 1–2 MB rank module into the bundle.
  const moduleId = ['js-tiktoken', 'ranks', encoding].join('/');
  let module: TiktokenRankModule;
  try {
    module = require(moduleId) as TiktokenRankModule;
  } catch (error) {
    throw new Error(
      `Token ranks for ${encoding} not found: neither ${path.join(__dirname, rankFileName(encoding))} ` +
        `nor the js-tiktoken package is available. Rebuild with "npm run build" (${(error as Error).message})`,
    );
  }
  return rankTableFromTiktokenModule(encoding, module);
}
