/**
 * Open model families (Llama 3, Qwen, DeepSeek, Mistral Tekken, Gemma 3): what each costs to ship and to
 * load, and how fast it counts against the family's reference tokenizer. Run:
 * `node bench/tokens/families.mjs` (writes the "Tokens: open model families" section of
 * docs/benchmarks.md; `--no-write` only prints).
 *
 * - Size: the rank file the build writes into dist/ranks/, raw and deflated (the .vsix is a zip).
 * - Cold load: a fresh Node process per sample, timing the file read + table build + first count
 *   of a short prompt (what a CLI or hook run pays for the family); target < 50 ms.
 * - Full count of the 1 MB mixed corpus (bench/tokens/corpus.ts): ours with cold caches against the
 *   reference implementation the unit tests use (Hugging Face's JS tokenizer; tiktoken's WASM
 *   core for Tekken), in the same process, and whether the two counts agree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { EncodingName } from '../../src/core/profiles/modelProfile';
import { createTokenCounter } from '../../src/core/tokens/tokenCounter';
import { writeRankFiles } from '../../src/core/tokens/writeRankFiles';
import { OPEN_ENCODINGS, openReferenceCount } from '../../test/unit/tokens/openReference';
import { mixedCorpus } from './corpus';
import { collectGarbage, median, now } from './measure';

const root = path.resolve(__dirname, '../..');
const log = (line: string): void => console.log(line);

const loadAtStart = os.loadavg()[0];
const directory = mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-families-'));
writeRankFiles(directory);
const fileOf = (encoding: EncodingName): string => path.join(directory, 'ranks', `${encoding}.ranks`);

/**
 * Load in a fresh process: modules are required first (not timed: they are the same for every
 * family and already loaded in a running extension), then read + build + first count is timed.
 */
function coldLoad(encoding: EncodingName): { ms: number; cpuMs: number } {
  const script = `
    const { readFileSync } = require('node:fs');
    const { decodeRankFile } = require('./src/core/tokens/rankTable');
    const { bytePairCount } = require('./src/core/tokens/bytePairCount');
    const { PreSplitter } = require('./src/core/tokens/preSplit');
    const { SentencePieceCounter } = require('./src/core/tokens/sentencePieceCount');
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const table = decodeRankFile(readFileSync(${JSON.stringify(fileOf(encoding))}), 'bench');
    const prompt = 'Summarise this report in three bullets, please.';
    let tokens = 0;
    if (table.sentencePiece) tokens = new SentencePieceCounter(table).count(prompt);
    else new PreSplitter(table.preSplit).forEachPiece(prompt, (piece) => { tokens += bytePairCount(Buffer.from(piece, 'utf8').toString('latin1'), table.ranks); });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, tokens }));`;
  const output = execFileSync(process.execPath, ['-r', 'esbuild-register', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as { ms: number; cpuMs: number };
}

const corpus = mixedCorpus();
const megabytes = Buffer.byteLength(corpus, 'utf8') / 1e6;
const rows: string[][] = [];
let allAgree = true;
let worstColdLoad = 0;
let worstColdCpu = 0;
let totalDeflated = 0;

for (const encoding of OPEN_ENCODINGS) {
  const bytes = statSync(fileOf(encoding)).size;
  const deflated = deflateRawSync(readFileSync(fileOf(encoding)), { level: 9 }).length;
  totalDeflated += deflated;
  const samples = Array.from({ length: 5 }, () => coldLoad(encoding));
  const cold = median(samples.map((sample) => sample.ms));
  const coldCpu = median(samples.map((sample) => sample.cpuMs));
  worstColdLoad = Math.max(worstColdLoad, cold);
  worstColdCpu = Math.max(worstColdCpu, coldCpu);

  // Same process: ours (ranks from node_modules, loaded once, then fresh caches) against the reference.
  createTokenCounter(encoding).count('warm up');
  const oursSamples: number[] = [];
  let ours = 0;
  for (let i = 0; i < 3; i++) {
    const start = now();
    ours = createTokenCounter(encoding).count(corpus);
    oursSamples.push(now() - start);
  }
  const oursMs = median(oursSamples);
  collectGarbage();
  openReferenceCount(encoding, 'warm up');
  const referenceStart = now();
  const reference = openReferenceCount(encoding, corpus);
  const referenceMs = now() - referenceStart;
  collectGarbage();
  const agree = ours === reference;
  allAgree &&= agree;
  log(
    `${encoding}: ${(bytes / 1e6).toFixed(2)} MB (${(deflated / 1e6).toFixed(2)} MB deflated), cold load ${cold.toFixed(1)} ms (CPU ${coldCpu.toFixed(1)} ms), count ${oursMs.toFixed(0)} ms vs reference ${referenceMs.toFixed(0)} ms, tokens ${ours} / ${reference}`,
  );
  rows.push([
    `\`${encoding}\``,
    `${(bytes / 1e6).toFixed(2)} MB`,
    `${(deflated / 1e6).toFixed(2)} MB`,
    `${cold.toFixed(1)} ms (CPU ${coldCpu.toFixed(1)} ms)`,
    `${oursMs.toFixed(0)} ms (${(megabytes / (oursMs / 1000)).toFixed(1)} MB/s)`,
    `${referenceMs.toFixed(0)} ms`,
    `${(referenceMs / oursMs).toFixed(1)}×`,
    `${ours.toLocaleString('en-US')} / ${reference.toLocaleString('en-US')}${agree ? '' : ' **differ**'}`,
  ]);
}
rmSync(directory, { recursive: true, force: true });

const cpu = os.cpus();
const section = [
  '## Tokens: open model families',
  '',
  `Measured by \`node bench/tokens/families.mjs\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadAtStart.toFixed(1)} at the start (shared with other jobs), Node ${process.version}. ` +
    `Cold load: median of 5 fresh processes, timing the rank file read, the table build and the first count of a one-line prompt (modules already required); wall time, and the process's CPU time, which other jobs on the machine disturb less. ` +
    `Full count: the ${megabytes.toFixed(2)} MB mixed corpus of bench/tokens/corpus.ts, ours with cold caches (median of 3) against the reference implementation of the unit tests (Hugging Face's \`@huggingface/tokenizers\` 0.2.0 over the family's tokenizer.json; tiktoken 1.0.22 WASM for Tekken), single run, same process.`,
  '',
  '| encoding | rank file | deflated (.vsix cost) | cold load | full count, ours | reference | speed vs reference | tokens ours / reference |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  `All ${OPEN_ENCODINGS.length} families together add ${(totalDeflated / 1e6).toFixed(2)} MB to the .vsix (deflated). ` +
    `Target: cold load of one family under 50 ms — in CPU time ${worstColdCpu < 50 ? 'met' : '**not met**'} (slowest ${worstColdCpu.toFixed(1)} ms); ` +
    `in wall time ${worstColdLoad < 50 ? 'met' : '**not met**'} (slowest ${worstColdLoad.toFixed(1)} ms, with the load average at ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores). ` +
    `Counts ${allAgree ? 'agree exactly with the reference for every family' : '**disagree** with the reference'}.`,
  '',
].join('\n');

if (!process.argv.includes('--no-write')) {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const heading = '## Tokens: open model families\n';
  const start = existing.indexOf(heading);
  let updated: string;
  if (start < 0) {
    // Right after the "## Tokens" section, which it extends.
    const tokens = existing.indexOf('## Tokens\n');
    const next = tokens < 0 ? -1 : existing.indexOf('\n## ', tokens + 1);
    updated =
      next < 0
        ? existing.replace(/\n*$/, '\n\n') + section
        : `${existing.slice(0, next + 1)}${section}\n${existing.slice(next + 1)}`;
  } else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = existing.slice(0, start) + section + (next < 0 ? '' : `\n${existing.slice(next + 1)}`);
  }
  writeFileSync(file, updated);
  log(`wrote the "Tokens: open model families" section of ${path.relative(root, file)}`);
}
if (!allAgree) process.exitCode = 1;
