/**
 * One call from "where are the logs" to the report: discovery, the incremental scan and the totals.
 * The CLI and the editor both use it; the caller supplies the environment (for tests and for the
 * editor's own storage folder). Nothing here makes a network request or writes next to the logs.
 */
import { candidateLogRoots, existingLogRoots, listLogFiles, type DiscoveryEnvironment, type LogRoot } from './logDiscovery';
import { FootprintCalculator } from './requestFootprint';
import { buildUsageReport, type UsageReport, type UsageReportOptions } from './usageReport';
import { scanLogFiles, type ScanResult } from './usageScan';
import { CacheColumnsMissing, clearDigests } from './usageCache';
import type { ProfileRegistry } from '../profiles/profileRegistry';

export interface CollectUsageOptions extends UsageReportOptions {
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
}

export function collectUsage(options: CollectUsageOptions): CollectedUsage {
  const calculator = new FootprintCalculator(options.registry, options.region);
  const existing = existingLogRoots(options.environment);
  const wanted = options.agents && options.agents.length > 0 ? existing.filter((r) => options.agents!.includes(r.agent)) : existing;
  const files = listLogFiles(wanted);
  const run = () => {
    const result = scanLogFiles(files, {
      cacheDir: options.cacheDir,
      calculator,
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
  const existingDirs = new Set(existing.map((r) => `${r.agent}\0${r.dir}`));
  const roots = candidateLogRoots(options.environment).map((r) => ({ ...r, exists: existingDirs.has(`${r.agent}\0${r.dir}`) }));
  return { report, roots, scan, calculator };
}
