/**
 * Executes declarative rule patterns in a worker thread with a time limit per pattern, while the
 * caller waits synchronously (Atomics.wait on a shared counter + receiveMessageOnPort), so the
 * rule engine can stay synchronous and a catastrophic regular expression in a team pack costs at
 * most one time limit instead of hanging the editor. A pattern that was stopped is remembered and
 * not run again in this process; the finding that reports it stays.
 *
 * Per-pattern limits alone do not bound an analysis: 60 patterns each just under the limit blocked
 * the editor for 22 s. So all patterns of one run share a total budget too; when it is spent, the
 * rest are skipped for this text (not remembered: a shorter text may afford them), and the result
 * names the slowest patterns so the notice can say which rules to fix.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PatternJob, PatternMatch } from './declarativeRule';

export interface PatternRunOptions {
  /** Longest time one pattern may run over the text. */
  timeoutMs?: number;
  /** Longest time to wait for a fresh worker to start (loading TypeScript in tests is slow). */
  startTimeoutMs?: number;
  maxMatchesPerPattern?: number;
  /** Longest time all patterns of one run may take together (default 2,000 ms). */
  totalBudgetMs?: number;
}

/** Patterns that took at least this long are named as slow when the budget runs out. */
export const SLOW_PATTERN_MS = 50;

export interface StoppedPattern {
  job: PatternJob;
  reason: 'timeout' | 'previouslyTimedOut' | 'workerFailed' | 'budget';
  timeoutMs: number;
}

export interface PatternRunResult {
  /** Matches per job, same order as the jobs; stopped jobs have none. */
  matches: PatternMatch[][];
  stopped: StoppedPattern[];
  /** Patterns that ran for SLOW_PATTERN_MS or more, slowest first (to name when the budget ran out). */
  slow: { job: PatternJob; ms: number }[];
  /** The total budget, when it was spent and patterns were skipped. */
  budgetSpentMs?: number;
}

interface WorkerHandle {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
}

let current: WorkerHandle | undefined;
/** Set when a worker failed to start: waiting for one again on every lint would freeze the editor each time. */
let workerUnavailable = false;
const timedOutPatterns = new Set<string>();
const keyOf = (job: PatternJob): string => `${job.flags}/${job.source}`;

/** The bundled worker sits next to the bundle; from TypeScript sources (tests) load the .ts. */
function startWorker(): WorkerHandle {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(8);
  const bundled = path.join(__dirname, 'patternWorker.js');
  const options = {
    workerData: { port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  };
  const worker = existsSync(bundled)
    ? new Worker(bundled, options)
    : new Worker(
        `require('esbuild-register/dist/node').register(); require(${JSON.stringify(path.join(__dirname, 'patternWorker.ts'))});`,
        { ...options, eval: true },
      );
  worker.unref();
  // Errors surface as a timeout in runPatterns; an unhandled 'error' event would crash the host.
  worker.on('error', () => undefined);
  port1.unref();
  return { worker, port: port1, state: new Int32Array(signal) };
}

function stopWorker(): void {
  if (current) {
    void current.worker.terminate();
    current.port.close();
    current = undefined;
  }
}

export function runPatterns(text: string, jobs: PatternJob[], options: PatternRunOptions = {}): PatternRunResult {
  const timeoutMs = options.timeoutMs ?? 500;
  const startTimeoutMs = options.startTimeoutMs ?? (existsSync(path.join(__dirname, 'patternWorker.js')) ? 5000 : 20000);
  const maxMatches = options.maxMatchesPerPattern ?? 1000;
  const totalBudgetMs = options.totalBudgetMs ?? 2000;
  const matches: PatternMatch[][] = jobs.map(() => []);
  const stopped: StoppedPattern[] = [];
  const durations = new Map<number, number>();
  const slowOnes = (): PatternRunResult['slow'] =>
    [...durations].filter(([, ms]) => ms >= SLOW_PATTERN_MS).sort((a, b) => b[1] - a[1]).map(([i, ms]) => ({ job: jobs[i], ms }));
  let budgetSpentMs: number | undefined;
  // Known offenders are replaced by a pattern that never matches, keeping indices aligned.
  const runnable = jobs.map((job) => {
    if (timedOutPatterns.has(keyOf(job))) {
      stopped.push({ job, reason: 'previouslyTimedOut', timeoutMs });
      return { ...job, source: '(?!)', flags: 'g' };
    }
    return job;
  });
  if (!jobs.length || runnable.every((j) => j.source === '(?!)')) {
    return { matches, stopped, slow: [] };
  }
  if (workerUnavailable) {
    return { matches, stopped: jobs.map((job) => ({ job, reason: 'workerFailed' as const, timeoutMs: startTimeoutMs })), slow: [] };
  }

  // The budget counts pattern time only: a worker's first start (slow in tests) is not the rules' fault.
  let budgetStart: number | undefined;
  let from = 0;
  while (from < runnable.length) {
    const fresh = !current;
    current ??= startWorker();
    const handle = current;
    let seq = Atomics.load(handle.state, 0);
    handle.port.postMessage({ text, jobs: runnable, from, maxMatches });
    let waitMs = fresh ? startTimeoutMs : timeoutMs;
    let started = false;
    let finished = false;
    let budgetSpent = false;
    let jobIndex = -1;
    let jobStartedAt = Date.now();
    const remaining = (): number => (budgetStart === undefined ? totalBudgetMs : totalBudgetMs - (Date.now() - budgetStart));
    if (started || !fresh) waitMs = Math.min(timeoutMs, Math.max(0, remaining()));
    for (;;) {
      const outcome = Atomics.wait(handle.state, 0, seq, waitMs);
      const now = Date.now();
      if (outcome === 'timed-out') {
        // Spent the run's budget rather than this pattern's own limit: skip the rest, blame no one.
        budgetSpent = started && now - jobStartedAt < timeoutMs && remaining() <= 0;
        if (jobIndex >= 0) durations.set(jobIndex, now - jobStartedAt);
        break;
      }
      budgetStart ??= now;
      seq = Atomics.load(handle.state, 0);
      started = true;
      if (jobIndex >= 0) durations.set(jobIndex, now - jobStartedAt);
      jobIndex = Atomics.load(handle.state, 1);
      jobStartedAt = now;
      if (jobIndex === -1) {
        finished = true;
        break;
      }
      waitMs = Math.min(timeoutMs, Math.max(0, remaining()));
      if (waitMs === 0) waitMs = 1;
    }
    for (let reply = receiveMessageOnPort(handle.port); reply; reply = receiveMessageOnPort(handle.port)) {
      const { index, matches: found } = reply.message as { index: number; matches: PatternMatch[] };
      matches[index] = found;
    }
    if (finished) {
      break;
    }
    stopWorker();
    if (!started) {
      // The worker never began: nothing can be blamed on a pattern, and retrying would block again.
      workerUnavailable = true;
      for (let i = from; i < jobs.length; i++) {
        stopped.push({ job: jobs[i], reason: 'workerFailed', timeoutMs: startTimeoutMs });
      }
      break;
    }
    const offender = Atomics.load(handle.state, 1);
    if (budgetSpent) {
      budgetSpentMs = totalBudgetMs;
      for (let i = offender; i < jobs.length; i++) stopped.push({ job: jobs[i], reason: 'budget', timeoutMs: totalBudgetMs });
      break;
    }
    timedOutPatterns.add(keyOf(jobs[offender]));
    stopped.push({ job: jobs[offender], reason: 'timeout', timeoutMs });
    from = offender + 1;
  }
  return { matches, stopped, slow: slowOnes(), ...(budgetSpentMs !== undefined && { budgetSpentMs }) };
}

/** For tests: forget remembered offenders and stop the worker. */
export function resetPatternRunner(): void {
  timedOutPatterns.clear();
  workerUnavailable = false;
  stopWorker();
}
