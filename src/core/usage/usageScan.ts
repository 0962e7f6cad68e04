/**
 * Finds the agents' logs and brings each file's digest up to date, reading only new or changed
 * bytes. Unreadable files are listed, never fatal; nothing is written next to the logs.
 */
import type { FootprintCalculator } from './requestFootprint';
import { digestFile, type DigestOutcome, type FileDigest } from './fileDigest';
import type { LogFile } from './logDiscovery';
import { loadDigests, saveDigests } from './usageCache';

export interface ScannedFile {
  path: string;
  agent: LogFile['agent'];
  root: string;
  digest: FileDigest;
}

export interface ScanResult {
  files: ScannedFile[];
  counts: Record<DigestOutcome, number>;
  /** Files that could not be read: path and reason. */
  unreadable: { path: string; reason: string }[];
  /** The cache could not be used (damaged, other version); it was rebuilt. */
  cacheProblem?: string;
}

export interface ScanOptions {
  /** Where digests are kept between runs; undefined: no cache. */
  cacheDir?: string;
  calculator: FootprintCalculator;
}

export function scanLogFiles(files: readonly LogFile[], { cacheDir, calculator }: ScanOptions): ScanResult {
  const stored = cacheDir ? loadDigests(cacheDir) : { files: new Map<string, FileDigest>() };
  const next = new Map<string, FileDigest>();
  const result: ScanResult = { files: [], counts: { cached: 0, appended: 0, read: 0 }, unreadable: [], cacheProblem: stored.problem };
  let changed = stored.problem !== undefined;
  for (const file of files) {
    try {
      const previous = stored.files.get(file.path);
      const previousKey = previous?.footprintKey;
      const { digest, outcome } = digestFile(file.path, file.agent, previous, calculator);
      result.counts[outcome]++;
      if (outcome !== 'cached' || digest.footprintKey !== previousKey) changed = true;
      next.set(file.path, digest);
      result.files.push({ path: file.path, agent: file.agent, root: file.root, digest });
    } catch (error) {
      result.unreadable.push({ path: file.path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
  }
  // Files that disappeared drop out of the cache too.
  if (next.size !== stored.files.size) changed = true;
  if (cacheDir && changed) {
    try {
      saveDigests(cacheDir, next);
    } catch (error) {
      result.cacheProblem = `the cache could not be saved in ${cacheDir} (${(error as Error).message}); the next run reads every log again`;
    }
  }
  return result;
}
