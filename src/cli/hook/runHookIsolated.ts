/**
 * `mvp hook` in a worker thread with a hard deadline. The parent reads stdin, starts the worker
 * (./hookWorker.ts) with the event and the deadline, and relays what it prints; if the worker has
 * not answered shortly after the deadline — stuck in synchronous work such as tokenizing a
 * pathological file, which no timer in its own thread can interrupt — the parent terminates it,
 * says on stderr which step it was in, and exits 0 so the agent goes on with the prompt.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CliIo } from '../cliIo';
import { deadlineMessage, deadlineSeconds } from './hookOptions';

/** Time the worker gets past the deadline to deliver its own (politer) deadline answer. */
const GRACE_MS = 300;

export interface HookWorkerData {
  args: string[];
  stdin: string;
  cwd: string;
  /** The deadline (ms since the epoch); unset when running from TypeScript sources, see below. */
  deadlineAt?: number;
  /** Otherwise the deadline is this long after the worker has loaded. */
  deadlineMs: number;
}

export type HookWorkerMessage =
  { ready: number } | { phase: string } | { done: true; code: number; stdout: string; stderr: string };

/** From TypeScript sources (tests, development) compiling the worker takes seconds no agent would see; it may take this long. */
const SOURCE_LOAD_ALLOWANCE_MS = 60_000;

/** dist/hookWorker.js beside the bundle, or the TypeScript source (run through esbuild-register). */
function locateHookWorker(): { file: string; typescript: boolean } | undefined {
  for (const file of [path.join(__dirname, 'hookWorker.js'), path.join(__dirname, 'hookWorker.ts')]) {
    if (existsSync(file)) return { file, typescript: file.endsWith('.ts') };
  }
  return undefined;
}

/** Running from TypeScript sources (tests): the loader the worker needs, resolved from here, not from the agent's cwd. */
function resolveFromSources(id: string): string {
  return require.resolve(id);
}

export async function runHookIsolated(args: string[], io: CliIo): Promise<number> {
  const seconds = deadlineSeconds(args);
  // Counted from the process's start: the agent's timeout includes Node's start-up.
  const deadlineAt = Date.now() - process.uptime() * 1000 + seconds * 1000;
  let stdin: string;
  try {
    stdin = io.readStdin ? await io.readStdin() : '';
  } catch (error) {
    io.stderr(
      `mvp hook: cannot read the hook event from stdin (${(error as Error).message}); the prompt goes through unchanged.\n`,
    );
    return 0;
  }
  const location = locateHookWorker();
  // Without the worker file (a partial install) the hook still runs, bounded between steps.
  if (!location) {
    const { runHookHere } = require('./runHookHere') as typeof import('./runHookHere');
    return runHookHere(args, { ...io, readStdin: async () => stdin }, { deadlineAt });
  }

  // The bundle's deadline counts from the process start; from sources, from when the worker has loaded.
  const workerData: HookWorkerData = {
    args,
    stdin,
    cwd: io.cwd,
    deadlineAt: location.typescript ? undefined : deadlineAt,
    deadlineMs: seconds * 1000,
  };
  const worker = location.typescript
    ? new Worker(
        `require(${JSON.stringify(resolveFromSources('esbuild-register/dist/node'))}).register({}); require(${JSON.stringify(location.file)});`,
        { eval: true, workerData },
      )
    : new Worker(location.file, { workerData });
  return new Promise<number>((resolve) => {
    let phase = 'starting the analysis';
    let settled = false;
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(code);
    };
    const stop = (): void => {
      io.stderr(deadlineMessage(seconds, phase));
      finish(0);
    };
    let timer = setTimeout(
      stop,
      (location.typescript ? SOURCE_LOAD_ALLOWANCE_MS : Math.max(0, deadlineAt - Date.now())) + GRACE_MS,
    );
    worker.on('message', (message: HookWorkerMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        timer = setTimeout(stop, Math.max(0, message.ready - Date.now()) + GRACE_MS);
        return;
      }
      if ('phase' in message) {
        phase = message.phase;
        return;
      }
      io.stdout(message.stdout);
      io.stderr(message.stderr);
      finish(message.code);
    });
    worker.on('error', (error) => {
      io.stderr(`mvp hook: internal error: ${error.message}; the prompt goes through unchanged.\n`);
      finish(0);
    });
    worker.on('exit', () => finish(0));
  });
}
