/**
 * Finds the agents' logs and brings each file's digest up to date, reading only new or changed
 * bytes. Unreadable files are listed, never fatal; nothing is written next to the logs.
 */
import * as path from 'node:path';
import type { FootprintCalculator } from './requestFootprint';
import { captureShared, computeCells, digestFile, type DigestOutcome, type FileDigest } from './fileDigest';
import type { LogFile } from './logDiscovery';
import { CacheColumnsMissing, loadDigests, saveDigests } from './usageCache';

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
  /**
   * Writes the digests to the cache when anything changed, or when `force` (the report added
   * something to a digest, e.g. a session's coaching). Called by the caller after the report.
   */
  save(force?: boolean): void;
}

export interface ScanOptions {
  /** Where digests are kept between runs; undefined: no cache. */
  cacheDir?: string;
  calculator: FootprintCalculator;
  /**
   * The folders searched: cached digests of files under them that are gone are dropped; digests of
   * files elsewhere (another CLAUDE_CONFIG_DIR, an agent not asked for) are kept for later runs.
   */
  roots?: readonly string[];
  /** Each file's stat, in `files` order, when the caller has just taken them; else each is stat'ed. */
  stats?: readonly ({ size: number; mtimeMs: number } | undefined)[];
}

export function scanLogFiles(files: readonly LogFile[], { cacheDir, calculator, roots = [], stats }: ScanOptions): ScanResult {
  const stored = cacheDir ? loadDigests(cacheDir) : { files: new Map<string, FileDigest>() };
  const next = new Map<string, FileDigest>();
  const result: ScanResult = { files: [], counts: { cached: 0, appended: 0, read: 0 }, unreadable: [], cacheProblem: stored.problem, save: () => undefined };
  let changed = stored.problem !== undefined;
  for (const [i, file] of files.entries()) {
    try {
      const previous = stored.files.get(file.path);
      const previousKey = previous?.footprintKey;
      const { digest, outcome } = digestFile(file.path, file.agent, previous, calculator, stats?.[i]);
      result.counts[outcome]++;
      if (outcome !== 'cached' || digest.footprintKey !== previousKey) changed = true;
      next.set(file.path, digest);
      result.files.push({ path: file.path, agent: file.agent, root: file.root, digest });
    } catch (error) {
      if (error instanceof CacheColumnsMissing) throw error; // the cache, not the log: collectUsage rebuilds it
      result.unreadable.push({ path: file.path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
  }
  for (const [file, digest] of stored.files) {
    if (next.has(file)) continue;
    const underRoot = roots.some((root) => file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
    if (underRoot) changed = true; // deleted: drop it
    else next.set(file, digest);
  }
  // Which files share a dedup key with another file (a resumed session's copies): only those need
  // request-by-request deduplication in the report; the others add their day cells. Decided again
  // whenever a file changed, kept in the cache otherwise.
  if (changed || [...next.values()].some((d) => d.shared === undefined)) {
    const counts = new Map<string, number>();
    for (const digest of next.values()) for (const key of digest.keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const digest of next.values()) {
      const shared: number[] = [];
      digest.keys.forEach((key, i) => {
        if (key !== null && (counts.get(key) ?? 0) > 1) shared.push(i);
      });
      if (digest.shared === undefined || digest.shared.join() !== shared.join() || digest.sharedRequests === undefined) {
        captureShared(digest, shared);
        computeCells(digest);
        changed = true;
      }
    }
  }
  result.save = (force = false) => {
    if (!cacheDir || !(changed || force)) return;
    try {
      saveDigests(cacheDir, next);
      changed = false;
    } catch (error) {
      result.cacheProblem = `the cache could not be saved in ${cacheDir} (${(error as Error).message}); the next run reads every log again`;
    }
  };
  return result;
}
