/**
 * Runs spreadsheetWorker with a time limit and a heap cap, and turns every way it can fail
 * into one specific AttachmentProblem. The worker is terminated on overrun or cancellation.
 */
import { cfbTruncation } from './cfbTruncation';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AttachmentProblem } from './attachment';
import type { SpreadsheetJob, WorkbookResult } from './spreadsheetParse';
import { formatInteger } from '../format';

export interface SpreadsheetLimits {
  /** Wall-clock limit for parsing, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Heap cap for the worker, in MB (default 512). */
  memoryMb?: number;
  /**
   * Most bytes the worker may inflate from the zip (default and ceiling: half the heap cap): native
   * inflate output lives outside the capped heap.
   */
  inflateBudgetBytes?: number;
  /** Explicit worker script (tests, unusual bundles); otherwise found next to this code. */
  workerPath?: string;
  signal?: AbortSignal;
}

export const DEFAULT_SPREADSHEET_TIMEOUT_MS = 10_000;
export const DEFAULT_SPREADSHEET_MEMORY_MB = 512;

export type WorkerOutcome = { ok: true; result: WorkbookResult } | { ok: false; problem: AttachmentProblem };

/**
 * The worker is dist/spreadsheetWorker.js next to a bundle (extension.js, cli.js), a compiled
 * .js next to this file, or — running from TypeScript sources under mocha — the .ts file,
 * loaded through esbuild-register inside the worker.
 */
export function locateSpreadsheetWorker(explicit?: string): { file: string; typescript: boolean } | undefined {
  const candidates = explicit
    ? [explicit]
    : [
        path.join(__dirname, 'spreadsheetWorker.js'),
        path.join(__dirname, 'spreadsheetWorker.ts'),
        path.join(__dirname, '..', '..', '..', 'dist', 'spreadsheetWorker.js'),
      ];
  for (const file of candidates) {
    if (existsSync(file)) return { file, typescript: file.endsWith('.ts') };
  }
  return undefined;
}

function startWorker(location: { file: string; typescript: boolean }, job: SpreadsheetJob, memoryMb: number, inflateBudgetBytes: number): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: memoryMb,
    maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 8))),
    stackSizeMb: 4,
  };
  // A private copy is transferred: the caller's buffer may be shared (Buffer pool) or reused.
  const bytes = new Uint8Array(job.bytes);
  const workerData = { ...job, bytes, inflateBudgetBytes };
  const transferList = [bytes.buffer as ArrayBuffer];
  if (!location.typescript) return new Worker(location.file, { workerData, resourceLimits, transferList });
  // Workers do not inherit the parent's require hooks; register the TS loader inside it.
  const bootstrap = `require('esbuild-register/dist/node').register({}); require(${JSON.stringify(location.file)});`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, transferList });
}

export function runSpreadsheetWorker(fileLabel: string, job: SpreadsheetJob, limits: SpreadsheetLimits = {}): Promise<WorkerOutcome> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_SPREADSHEET_TIMEOUT_MS;
  const memoryMb = limits.memoryMb ?? DEFAULT_SPREADSHEET_MEMORY_MB;
  const location = locateSpreadsheetWorker(limits.workerPath);
  if (!location) {
    return Promise.resolve({
      ok: false,
      problem: { code: 'notCounted', message: `${fileLabel}: the spreadsheet reader (spreadsheetWorker.js) is missing from this installation — reinstall the extension.` },
    });
  }
  if (limits.signal?.aborted) {
    return Promise.resolve({ ok: false, problem: { code: 'timeout', message: `${fileLabel}: reading was cancelled.` } });
  }
  const limitText = `${formatSeconds(timeoutMs)} / ${memoryMb} MB`;
  // Checked before the bytes are handed (transferred) to the worker.
  const truncated = cfbTruncation(job.bytes);

  return new Promise<WorkerOutcome>((resolve) => {
    let settled = false;
    // Half the heap cap: inflated bytes are external memory on top of the heap that parses them.
    const ceiling = (memoryMb * 1024 * 1024) / 2;
    const worker = startWorker(location, job, memoryMb, Math.min(limits.inflateBudgetBytes ?? ceiling, ceiling));
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, problem: { code: 'timeout', message: `${fileLabel}: reading was cancelled.` } });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          problem: {
            code: 'timeout',
            message: `${fileLabel}: parsing stopped after ${limitText} (time limit reached) — the workbook is too large or too complex to read safely; export the sheet you need as CSV, or raise the spreadsheet time limit.`,
          },
        }),
      timeoutMs,
    );
    limits.signal?.addEventListener('abort', onAbort, { once: true });

    worker.once('message', (message: { ok: true; result: WorkbookResult } | { ok: false; message: string }) => {
      if (message.ok) finish({ ok: true, result: message.result });
      else finish({ ok: false, problem: classifyParseError(fileLabel, message.message, truncated) });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap out of memory|Invalid string length|Array buffer allocation failed/i.test(error.message);
      finish({
        ok: false,
        problem: outOfMemory
          ? {
              code: 'memoryLimit',
              message: `${fileLabel}: parsing stopped after ${limitText} (memory cap reached) — the workbook expands to more data than is safe to hold; export the sheet you need as CSV, or raise the spreadsheet memory limit.`,
            }
          : classifyParseError(fileLabel, error.message),
      });
    });
    worker.once('exit', (code) => {
      finish({ ok: false, problem: { code: 'corrupt', message: `${fileLabel}: the spreadsheet reader stopped unexpectedly (exit code ${code}).` } });
    });
  });
}

/** SheetJS error text → the problem a user can act on. */
export function classifyParseError(fileLabel: string, message: string, truncated?: { expectedBytes: number }): AttachmentProblem {
  if (truncated) {
    return {
      code: 'corrupt',
      message: `${fileLabel}: the workbook is truncated — its own index points to data up to ${formatInteger(truncated.expectedBytes)} bytes, beyond the end of the file. Copy or download it again.`,
    };
  }
  if (/inflate budget exceeded/.test(message)) {
    return {
      code: 'tooLarge',
      message: `${fileLabel}: the workbook expands to more XML than the reader may hold — parsing stopped while unpacking (possible zip bomb). Export the sheet you need as CSV.`,
    };
  }
  if (/password|encrypt/i.test(message)) {
    return { code: 'encrypted', message: `${fileLabel}: the workbook is password-protected — it cannot be read (nor would a chat client read it). Save an unprotected copy or export the sheet as CSV.` };
  }
  if (/Invalid string length|out of memory|allocation failed/i.test(message)) {
    return { code: 'memoryLimit', message: `${fileLabel}: the workbook expands to more data than the reader can hold — export the sheet you need as CSV.` };
  }
  return {
    code: 'corrupt',
    message: `${fileLabel}: not a readable workbook (${message.slice(0, 160)}) — the file may be damaged or truncated; open and re-save it in a spreadsheet program.`,
  };
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
