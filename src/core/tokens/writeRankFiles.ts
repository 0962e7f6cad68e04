/**
 * Build step (called from esbuild.mjs): writes each encoding's ranks in the compact form into
 * `<outDir>/ranks/`, next to the bundles that load them (see loadRankTable.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENCODING_NAMES, rankFileName } from './loadRankTable';
import { encodeRankFile, rankTableFromTiktokenModule, type TiktokenRankModule } from './rankTable';

/** Returns the files written. */
export function writeRankFiles(outDir: string): string[] {
  const written: string[] = [];
  for (const encoding of ENCODING_NAMES) {
    const module = require(`js-tiktoken/ranks/${encoding}`) as TiktokenRankModule;
    const file = path.join(outDir, rankFileName(encoding));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, encodeRankFile(rankTableFromTiktokenModule(encoding, module)));
    written.push(file);
  }
  return written;
}
