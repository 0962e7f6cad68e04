/**
 * Runs declarative rule patterns off the caller's thread. The caller blocks on a shared counter
 * with a timeout (./patternRunner.ts): before each pattern this worker publishes which job it is
 * on, so when a pattern backtracks catastrophically the caller knows which rule to blame and
 * terminates the worker.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PatternJob, PatternMatch } from './declarativeRule';

interface Request {
  text: string;
  jobs: PatternJob[];
  /** Index of the first job to run (earlier ones ran before a restart). */
  from: number;
  /** Per-job cap on matches, so a pattern matching everywhere cannot flood memory. */
  maxMatches: number;
}

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
/** [0] sequence number, bumped at every step; [1] index of the job being run. */
const state = new Int32Array(signal);

function step(jobIndex: number): void {
  Atomics.store(state, 1, jobIndex);
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}

port.on('message', (request: Request) => {
  for (let i = request.from; i < request.jobs.length; i++) {
    step(i);
    const job = request.jobs[i];
    const matches: PatternMatch[] = [];
    const re = new RegExp(job.source, job.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(request.text)) !== null && matches.length < request.maxMatches) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      matches.push({ start: m.index, end: m.index + m[0].length, patternIndex: i });
    }
    // Posted per job so the caller keeps earlier results when a later pattern has to be stopped.
    port.postMessage({ index: i, matches });
  }
  step(-1);
});

parentPort?.postMessage('ready');
