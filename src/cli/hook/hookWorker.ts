/** The worker side of ./runHookIsolated.ts: runs the hook on the event it was given and posts what it printed. */
import { parentPort, workerData } from 'node:worker_threads';
import { runHookHere } from './runHookHere';
import type { HookWorkerData, HookWorkerMessage } from './runHookIsolated';

const data = workerData as HookWorkerData;
const deadlineAt = data.deadlineAt ?? Date.now() + data.deadlineMs;
let stdout = '';
let stderr = '';
const post = (message: HookWorkerMessage): void => parentPort?.postMessage(message);
post({ ready: deadlineAt });

void runHookHere(
  data.args,
  { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: data.cwd, readStdin: async () => data.stdin },
  { deadlineAt, onPhase: (phase) => post({ phase }) },
).then(
  (code) => post({ done: true, code, stdout, stderr }),
  (error: unknown) =>
    post({
      done: true,
      code: 0,
      stdout: '',
      stderr: `mvp hook: internal error: ${(error as Error).message}; the prompt goes through unchanged.\n`,
    }),
);
