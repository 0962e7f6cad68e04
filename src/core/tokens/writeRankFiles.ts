/**
 * Build step (called from esbuild.mjs): writes each encoding's ranks in the compact form into
 * `<outDir>/ranks/`, next to the bundles that load them (see loadRankTable.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENCODING_NAMES, ENCODING_SOURCES, readEncodingSource } from './encodingSources';
import { rankFileName } from './loadRankTable';
import { encodeRankFile, listingOf } from './rankTable';

/** Returns the files written. */
export function writeRankFiles(outDir: string): string[] {
  const written: string[] = [];
  for (const encoding of ENCODING_NAMES) {
    const file = path.join(outDir, rankFileName(encoding));
    mkdirSync(path.dirname(file), { recursive: true });
    // OpenAI's encodings keep the zero-pass 'table' layout (every default profile loads one at start-up);
    // the open families ship the half-size 'lengths' layout.
    const layout = ENCODING_SOURCES[encoding].format === 'js-tiktoken' ? 'table' : 'lengths';
    writeFileSync(file, encodeRankFile(listingOf(readEncodingSource(encoding)), layout));
    written.push(file);
  }
  return written;
}
