/**
 * Executes declarative rule patterns in a worker thread with a time limit per pattern, while the
 * caller waits synchronously (Atomics.wait on a shared counter + receiveMessageOnPort), so the
 * rule engine can stay synchronous and a catastrophic regular expression in a team pack costs at
 * most one time limit instead of hanging the editor. A pattern that was stopped is remembered and
 * not run again in this process; the finding that reports it stays.
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
}

export interface StoppedPattern {
  job: PatternJob;
  reason: 'timeout' | 'previouslyTimedOut' | 'workerFailed';
  timeoutMs: number;
}

export interface PatternRunResult {
  /** Matches per job, same order as the jobs; stopped jobs have none. */
  matches: PatternMatch[][];
  stopped: StoppedPattern[];
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
  const matches: PatternMatch[][] = jobs.map(() => []);
  const stopped: StoppedPattern[] = [];
  // Known offenders are replaced by a pattern that never matches, keeping indices aligned.
  const runnable = jobs.map((job) => {
    if (timedOutPatterns.has(keyOf(job))) {
      stopped.push({ job, reason: 'previouslyTimedOut', timeoutMs });
      return { ...job, source: '(?!)', flags: 'g' };
    }
    return job;
  });
  if (!jobs.length || runnable.every((j) => j.source === '(?!)')) {
    return { matches, stopped };
  }
  if (workerUnavailable) {
    return { matches, stopped: jobs.map((job) => ({ job, reason: 'workerFailed' as const, timeoutMs: startTimeoutMs })) };
  }

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
    for (;;) {
      const outcome = Atomics.wait(handle.state, 0, seq, waitMs);
      if (outcome === 'timed-out') {
        break;
      }
      seq = Atomics.load(handle.state, 0);
      started = true;
      waitMs = timeoutMs;
      if (Atomics.load(handle.state, 1) === -1) {
        finished = true;
        break;
      }
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
    timedOutPatterns.add(keyOf(jobs[offender]));
    stopped.push({ job: jobs[offender], reason: 'timeout', timeoutMs });
    from = offender + 1;
  }
  return { matches, stopped };
}

/** For tests: forget remembered offenders and stop the worker. */
export function resetPatternRunner(): void {
  timedOutPatterns.clear();
  workerUnavailable = false;
  stopWorker();
}
