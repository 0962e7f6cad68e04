/**
 * Worker entry: collects agent usage off the caller's thread (the editor's extension host must
 * never wait on months of logs). Receives the environment, the cache folder and the date range;
 * posts the daily periods back. Bundled as dist/usageWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createProfileRegistry, loadBuiltinProfiles, loadProfilesFromDir } from '../profiles';
import { collectUsage } from './collectUsage';
import type { UsageWorkerJob, UsageWorkerResult } from './runUsageWorker';

function run(job: UsageWorkerJob): UsageWorkerResult {
  try {
    const profiles = job.profilesDir ? loadProfilesFromDir(job.profilesDir).profiles : loadBuiltinProfiles();
    const collected = collectUsage({
      environment: job.environment,
      registry: createProfileRegistry(profiles),
      cacheDir: job.cacheDir,
      grouping: 'daily',
      since: job.since,
      until: job.until,
      heaviest: 0,
    });
    return { ok: true, periods: collected.report.groups, sources: collected.report.sources, counts: collected.scan.counts, cacheProblem: collected.scan.cacheProblem };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

parentPort?.postMessage(run(workerData as UsageWorkerJob));
