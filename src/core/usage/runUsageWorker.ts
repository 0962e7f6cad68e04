/**
 * Runs the usage collection in a worker thread with a time and memory limit, so the editor stays
 * responsive while logs are read (the first run over months of logs takes seconds; later runs use
 * the cache). The worker is dist/usageWorker.js next to a bundle, or the .ts file under mocha.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DigestOutcome } from './fileDigest';
import type { DiscoveryEnvironment } from './logDiscovery';
import type { UsageGroup, UsageReport } from './usageReport';

export interface UsageWorkerJob {
  environment: DiscoveryEnvironment;
  cacheDir?: string;
  since?: string;
  until?: string;
  /** Profiles folder; default: the built-in profiles found next to the bundle. */
  profilesDir?: string;
}

export type UsageWorkerResult =
  | { ok: true; periods: UsageGroup[]; sources: UsageReport['sources']; counts: Record<DigestOutcome, number>; cacheProblem?: string }
  | { ok: false; message: string };

export const USAGE_WORKER_TIMEOUT_MS = 120_000;
const USAGE_WORKER_MEMORY_MB = 1024;

export function locateUsageWorker(): { file: string; typescript: boolean } | undefined {
  for (const file of [path.join(__dirname, 'usageWorker.js'), path.join(__dirname, 'usageWorker.ts'), path.join(__dirname, '..', '..', '..', 'dist', 'usageWorker.js')]) {
    if (existsSync(file)) return { file, typescript: file.endsWith('.ts') };
  }
  return undefined;
}

export function runUsageWorker(job: UsageWorkerJob, timeoutMs = USAGE_WORKER_TIMEOUT_MS): Promise<UsageWorkerResult> {
  const location = locateUsageWorker();
  if (!location) return Promise.resolve({ ok: false, message: 'the usage reader (usageWorker.js) is missing from this installation; reinstall the extension' });
  const resourceLimits = { maxOldGenerationSizeMb: USAGE_WORKER_MEMORY_MB };
  const worker = location.typescript
    ? new Worker(`require('esbuild-register/dist/node').register({}); require(${JSON.stringify(location.file)});`, { eval: true, workerData: job, resourceLimits })
    : new Worker(location.file, { workerData: job, resourceLimits });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: UsageWorkerResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, message: `reading the agent logs took longer than ${Math.round(timeoutMs / 1000)} s; stopped` }), timeoutMs);
    worker.once('message', (result: UsageWorkerResult) => finish(result));
    worker.once('error', (error) => finish({ ok: false, message: `the usage reader failed: ${error.message}` }));
    worker.once('exit', (code) => finish({ ok: false, message: `the usage reader stopped (exit code ${code})` }));
  });
}
