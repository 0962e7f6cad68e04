// Spreadsheet → CSV of one sheet: ours vs LibreOffice headless and csvkit's in2csv, same file,
// same run. Each tool runs as its own process under /usr/bin/time -v (wall time, peak RSS).
//   node bench/spreadsheet/run.mjs [--runs N] [--rows R]
// Writes bench/spreadsheet/results.json; docs/benchmarks.md quotes it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const XLSX = require('xlsx');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 3);
const ROWS = arg('--rows', 25_000); // × 10 columns × 4 sheets = 1,000,000 cells
const COLUMNS = 10;
const SHEETS = 4;
const SHEET_INDEX = 2; // 1-based: convert the second sheet

const work = mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-sheet-'));
try {
  // 1. The workbook: mixed numbers, text and dates, as real exports have.
  const book = XLSX.utils.book_new();
  for (let s = 1; s <= SHEETS; s++) {
    const rows = [['id', 'date', 'region', 'product', 'units', 'price', 'revenue', 'discount', 'rep', 'note']];
    for (let r = 1; r <= ROWS; r++) {
      rows.push([r, new Date(Date.UTC(2024, r % 12, (r % 28) + 1)), ['North', 'South', 'East', 'West'][r % 4], `SKU-${(r * 7919) % 5000}`, r % 97, (r % 1000) / 10, ((r % 97) * (r % 1000)) / 10, (r % 5) / 20, `rep${r % 40}`, r % 3 ? '' : `follow up ${r}`]);
    }
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), `Sheet${s}`);
  }
  const workbook = path.join(work, 'bench.xlsx');
  XLSX.writeFile(book, workbook, { compression: true });
  const cells = SHEETS * (ROWS + 1) * COLUMNS;
  console.log(`workbook: ${cells.toLocaleString('en-US')} cells in ${SHEETS} sheets, ${(statSync(workbook).size / 1e6).toFixed(1)} MB`);

  // 2. Ours, bundled as it ships (dist-like: the worker next to the entry).
  const bundleDir = path.join(work, 'ours');
  await esbuild.build({
    entryPoints: { convertOnce: path.join(here, 'convertOnce.ts'), spreadsheetWorker: path.join(root, 'src/core/attachments/spreadsheetWorker.ts') },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outdir: bundleDir, minify: true, logLevel: 'warning',
  });

  const tools = [];
  tools.push({ name: 'mvp (SheetJS in a worker)', cmd: [process.execPath, path.join(bundleDir, 'convertOnce.js'), workbook, String(SHEET_INDEX), path.join(work, 'ours.csv')], out: path.join(work, 'ours.csv') });
  const profile = path.join(work, 'lo-profile');
  if (which('soffice')) {
    const loOut = path.join(work, 'lo');
    mkdirSync(loOut);
    // Token 12 of the CSV filter options selects the sheet (LibreOffice ≥ 7.2).
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${SHEET_INDEX}`;
    tools.push({ name: `LibreOffice ${execFileSync('soffice', ['--version']).toString().split(' ')[1]} --convert-to csv`, cmd: ['soffice', `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', loOut, workbook], out: path.join(loOut, `bench-Sheet${SHEET_INDEX}.csv`), warmup: true });
  }
  if (which('in2csv')) {
    tools.push({ name: `csvkit in2csv ${execFileSync('in2csv', ['--version']).toString().trim().split(' ').pop()}`, cmd: ['sh', '-c', `in2csv --sheet Sheet${SHEET_INDEX} "${workbook}" > "${path.join(work, 'in2csv.csv')}"`], out: path.join(work, 'in2csv.csv') });
  }

  // Round-robin: every round runs each tool once, so load from other jobs on this shared
  // machine hits all tools alike. CPU time (user + system) is reported too: it varies less.
  for (const tool of tools) if (tool.warmup) measure(tool.cmd); // LibreOffice's first start builds its profile; not counted
  const runsByTool = tools.map(() => []);
  for (let i = 0; i < RUNS; i++) tools.forEach((tool, t) => runsByTool[t].push(measure(tool.cmd)));
  const results = [];
  tools.forEach((tool, t) => {
    const runs = runsByTool[t];
    const ok = runs.every((r) => r.status === 0) && existsSync(tool.out);
    const lines = ok ? readFileSync(tool.out, 'utf8').trimEnd().split('\n').length : 0;
    const seconds = median(runs.map((r) => r.seconds));
    const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
    const peakMb = Math.max(...runs.map((r) => r.peakMb));
    results.push({ tool: tool.name, ok, medianSeconds: round(seconds), medianCpuSeconds: round(cpuSeconds), peakRssMb: Math.round(peakMb), csvLines: lines, runs: runs.map((r) => round(r.seconds)) });
    console.log(`${tool.name.padEnd(40)} ${ok ? '' : 'FAILED '}median ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, peak RSS ${Math.round(peakMb)} MB, ${lines} CSV lines`);
  });
  const missing = ['soffice', 'in2csv'].filter((t) => !which(t));
  const report = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB`, node: process.version, cells, sheets: SHEETS, convertedSheet: `Sheet${SHEET_INDEX}`, workbookBytes: statSync(workbook).size, runs: RUNS, results, missingTools: missing };
  const ours = results[0];
  for (const other of results.slice(1)) console.log(`ours: ${(other.medianSeconds / ours.medianSeconds).toFixed(1)}× the speed of ${other.tool} (wall), ${(other.medianCpuSeconds / ours.medianCpuSeconds).toFixed(1)}× (CPU)`);
  writeFileSync(path.join(here, 'results.json'), JSON.stringify(report, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}

function measure(cmd) {
  const run = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const text = run.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  if (run.status !== 0) console.error(text.split('\n').slice(0, 5).join('\n'));
  return { status: run.status, seconds, cpuSeconds: Number(user?.[1] ?? NaN) + Number(system?.[1] ?? NaN), peakMb: rss ? Number(rss[1]) / 1024 : NaN };
}

function which(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(n) {
  return Math.round(n * 100) / 100;
}
