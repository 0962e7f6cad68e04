/**
 * Worker entry: parses one workbook with SheetJS and posts back plain text.
 *
 * SheetJS 0.18.5 (the last version on npm) has published prototype-pollution and ReDoS
 * advisories, so it only ever runs here: in a worker thread with its own heap, a memory cap
 * (resourceLimits) and a time limit enforced by the parent, which terminates us on overrun.
 * Nothing from the workbook object crosses back — only strings and numbers we built.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import { boundedZlib } from './boundedZlib';
import { parseWorkbook, type SpreadsheetJob } from './spreadsheetParse';

if (parentPort) {
  const job = workerData as SpreadsheetJob & { inflateBudgetBytes: number };
  // SheetJS inflates zips with a pure-JS inflater unless handed a zlib: Node's is about 2×
  // faster overall on large workbooks; boundedZlib caps the total it may inflate. The
  // capability probe touches a deprecated zlib property, whose warning would reach the user's
  // terminal; this thread only ever runs SheetJS.
  process.noDeprecation = true;
  XLSX.CFB.utils.use_zlib(boundedZlib(job.inflateBudgetBytes));
  try {
    parentPort.postMessage({ ok: true, result: parseWorkbook(job) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
