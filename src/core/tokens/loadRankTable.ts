/**
 * Finds and loads an encoding's ranks the first time a count needs them, never at import, and
 * only that encoding's (each family is its own file).
 *
 * Packaged extension and CLI: the build writes `dist/ranks/<encoding>.ranks` (compact form, see
 * rankTable.ts) next to the bundles, so `__dirname` of the bundle finds it without node_modules.
 * Running from TypeScript sources (unit tests, benchmarks): no such file next to this module, so
 * the ranks come from the source packages in node_modules (encodingSources.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodingName } from '../profiles/modelProfile';
import { ENCODING_NAMES, readEncodingSource } from './encodingSources';
import { decodeRankFile, type RankTable } from './rankTable';

export { ENCODING_NAMES };

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
  const table = readBuiltRankFile(encoding) ?? readFromSources(encoding);
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

function readFromSources(encoding: EncodingName): RankTable {
  try {
    return readEncodingSource(encoding);
  } catch (error) {
    throw new Error(
      `Token ranks for ${encoding} not found at ${path.join(__dirname, rankFileName(encoding))} nor in node_modules. ` +
        `Rebuild with "npm run build" (${(error as Error).message})`,
    );
  }
}
