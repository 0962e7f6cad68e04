/**
 * One call from "where are the logs" to the report: discovery, the incremental scan and the totals.
 * The CLI and the editor both use it; the caller supplies the environment (for tests and for the
 * editor's own storage folder). Nothing here makes a network request or writes next to the logs.
 */
import * as path from 'node:path';
import { candidateLogRoots, existingLogRoots, listLogFiles, type DiscoveryEnvironment, type LogRoot } from './logDiscovery';
import { FootprintCalculator } from './requestFootprint';
import { buildUsageReport, type UsageReport, type UsageReportOptions } from './usageReport';
import { scanLogFiles, type ScanResult } from './usageScan';
import { CacheColumnsMissing, clearDigests, USAGE_CACHE_FILE } from './usageCache';
import { currentZone } from './fileDigest';
import {
  loadRendering,
  loadReportSnapshot,
  saveRendering,
  saveReportSnapshot,
  snapshotFingerprint,
  statLogs,
  type SnapshotInputs,
} from './reportSnapshot';
import type { ProfileRegistry } from '../profiles/profileRegistry';

export interface CollectUsageOptions extends UsageReportOptions {
  /**
   * What the caller will print (e.g. "cli-json"), when it wants to keep it for the next run with the
   * same inputs (`keepRendering`, `storedRendering`). The printed text must depend only on the
   * collected usage.
   */
  rendering?: string;
  environment: DiscoveryEnvironment;
  registry: ProfileRegistry;
  /** Grid zone override for carbon and water. */
  region?: string;
  /** Where digests are cached; undefined: read everything, cache nothing. */
  cacheDir?: string;
}

export interface CollectedUsage {
  report: UsageReport;
  /** The log folders looked at, and whether each exists. */
  roots: (LogRoot & { exists: boolean })[];
  scan: Omit<ScanResult, 'files' | 'save'>;
  calculator: FootprintCalculator;
  /**
   * With `rendering`, when nothing changed since a run that kept its output: that output (UTF-8), to
   * print as it is. `report` is then read from the stored report only if asked for.
   */
  storedRendering?: Buffer;
  /**
   * With `rendering` and a cache: keeps what the caller prints, for the next run with the same
   * inputs. `render` gets the collected usage as that run will see it (every file from the cache).
   */
  keepRendering?: (render: (asStored: CollectedUsage) => string) => void;
}

export function collectUsage(options: CollectUsageOptions): CollectedUsage {
  const calculator = new FootprintCalculator(options.registry, options.region);
  const existing = existingLogRoots(options.environment);
  const wanted = options.agents && options.agents.length > 0 ? existing.filter((r) => options.agents!.includes(r.agent)) : existing;
  const files = listLogFiles(wanted);
  const rootsWithExistence = () => {
    const existingDirs = new Set(existing.map((r) => `${r.agent}\0${r.dir}`));
    return candidateLogRoots(options.environment).map((r) => ({ ...r, exists: existingDirs.has(`${r.agent}\0${r.dir}`) }));
  };
  // Nothing changed since a report with these options was built: that report, after one stat per log.
  const { grouping, since, until, agents, heaviest } = options;
  const snapshotInputs: SnapshotInputs | undefined = options.cacheDir
    ? { files, options: { grouping, since, until, agents, heaviest }, footprintKey: calculator.key, zone: currentZone(), digestsFile: path.join(options.cacheDir, USAGE_CACHE_FILE) }
    : undefined;
  // Taken once: the key of the stored report, then (when it is not there) the scan's unchanged-file check.
  const stats = snapshotInputs ? statLogs(files) : undefined;
  if (options.cacheDir && snapshotInputs && stats) {
    const fingerprint = snapshotFingerprint(snapshotInputs, stats);
    if (fingerprint !== undefined) {
      const cacheDir = options.cacheDir;
      const roots = rootsWithExistence();
      const key = options.rendering === undefined ? undefined : JSON.stringify([options.rendering, roots]);
      const rendered = key === undefined ? undefined : loadRendering(cacheDir, fingerprint, key);
      const stored = rendered === undefined ? loadReportSnapshot(cacheDir, fingerprint) : undefined;
      if (rendered !== undefined || stored) {
        const collected: CollectedUsage = {
          // The caller prints the rendering; the report is read only if something asks for it.
          get report() {
            const report = stored ?? loadReportSnapshot(cacheDir, fingerprint);
            if (!report) throw new Error(`the stored usage report ${fingerprint} is gone; run mvp usage again`);
            return report;
          },
          roots,
          scan: storedScan(files.length),
          calculator,
          storedRendering: rendered,
        };
        if (key !== undefined && rendered === undefined) {
          collected.keepRendering = (render) => saveRendering(cacheDir, fingerprint, key, render(collected));
        }
        return collected;
      }
    }
  }
  const run = () => {
    const result = scanLogFiles(files, {
      cacheDir: options.cacheDir,
      calculator,
      stats,
      roots: candidateLogRoots(options.environment)
        .filter((r) => !options.agents || options.agents.length === 0 || options.agents.includes(r.agent))
        .map((r) => r.dir),
    });
    const coachedBefore = result.files.map((f) => f.digest.coaching);
    const report = buildUsageReport(result.files, calculator, options);
    result.save(result.files.some((f, i) => f.digest.coaching !== coachedBefore[i]));
    return { result, report };
  };
  let outcome: ReturnType<typeof run>;
  try {
    outcome = run();
  } catch (error) {
    // The cache's request file vanished or is damaged: start the cache afresh, once.
    if (!(error instanceof CacheColumnsMissing) || !options.cacheDir) throw error;
    clearDigests(options.cacheDir);
    outcome = run();
    outcome.result.cacheProblem = `${error.message}; the cache was rebuilt`;
  }
  const { result, report } = outcome;
  const scan = { counts: result.counts, unreadable: result.unreadable, cacheProblem: result.cacheProblem };
  if (options.cacheDir && snapshotInputs && scan.unreadable.length === 0 && scan.cacheProblem === undefined) {
    // Keyed by the sizes and times of the bytes the report was built from (the digests), so a log
    // that grew while it was read is read again next time.
    const fingerprint = snapshotFingerprint(snapshotInputs, result.files.map((f) => f.digest));
    if (fingerprint !== undefined) {
      const cacheDir = options.cacheDir;
      saveReportSnapshot(cacheDir, fingerprint, report);
      const roots = rootsWithExistence();
      const key = options.rendering === undefined ? undefined : JSON.stringify([options.rendering, roots]);
      const keepRendering =
        key === undefined
          ? undefined
          : (render: (asStored: CollectedUsage) => string) =>
              saveRendering(cacheDir, fingerprint, key, render({ report, roots, scan: storedScan(files.length), calculator }));
      return { report, roots, scan, calculator, keepRendering };
    }
  }
  return { report, roots: rootsWithExistence(), scan, calculator };
}

/** What a run that finds the stored report says of the logs: all of them from the cache. */
function storedScan(files: number): CollectedUsage['scan'] {
  return { counts: { cached: files, appended: 0, read: 0 }, unreadable: [] };
}
