/**
 * Token counting benchmark. Run: `node bench/tokens/run.mjs` (writes the "Tokens" section of
 * docs/benchmarks.md; add `--no-write` to only print).
 *
 * Everything is measured in one process on one deterministic ~1 MB corpus (corpus.ts), o200k_base,
 * so the ratios are side by side. Medians over repeated runs; "cold" and "warm" are stated per row.
 * Order: ours, tiktoken (WASM), gpt-tokenizer, js-tiktoken, with a garbage collection between.
 */
import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import { IncrementalDocumentCount } from '../../src/core/tokens/incrementalDocumentCount';
import { decodeRankFile, rankTableFromTiktokenModule } from '../../src/core/tokens/rankTable';
import { createTokenCounter } from '../../src/core/tokens/tokenCounter';
import { writeRankFiles } from '../../src/core/tokens/writeRankFiles';
import { mixedCorpus } from './corpus';
import { collectGarbage, median, now } from './measure';

const ENCODING = 'o200k_base';

const root = path.resolve(__dirname, '../..');

function time<T>(run: () => T): { ms: number; value: T } {
  const start = now();
  const value = run();
  return { ms: now() - start, value };
}

function repeat(times: number, run: () => number): { medianMs: number; value: number } {
  const samples: number[] = [];
  let value = 0;
  for (let i = 0; i < times; i++) {
    const result = time(run);
    samples.push(result.ms);
    value = result.value;
  }
  return { medianMs: median(samples), value };
}

const loadAtStart = os.loadavg()[0];
const corpus = mixedCorpus();
const megabytes = Buffer.byteLength(corpus, 'utf8') / 1e6;
const mbPerSecond = (ms: number): string => (megabytes / (ms / 1000)).toFixed(2);
const rows: string[][] = [];
const tokenCounts = new Map<string, number>();
const log = (line: string): void => console.log(line);

// --- Cold load of the encoding --------------------------------------------------------------
const rankModule = time(() => require(`js-tiktoken/ranks/${ENCODING}`));
const rankDirectory = mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-ranks-'));
writeRankFiles(rankDirectory);
const rankFile = path.join(rankDirectory, 'ranks', `${ENCODING}.ranks`);
const compactLoad = repeat(5, () => decodeRankFile(readFileSync(rankFile), rankFile).ranks.size);
const moduleParse = repeat(3, () => rankTableFromTiktokenModule(ENCODING, rankModule.value).ranks.size);
const jsTiktokenLoad = repeat(3, () => {
  new Tiktoken(rankModule.value);
  return 0;
});
rmSync(rankDirectory, { recursive: true, force: true });
collectGarbage();
log(`rank load: ours (compact file, as in dist/) ${compactLoad.medianMs.toFixed(0)} ms; ours from js-tiktoken module ${moduleParse.medianMs.toFixed(0)} ms; js-tiktoken new Tiktoken() ${jsTiktokenLoad.medianMs.toFixed(0)} ms (+ require of the rank module ${rankModule.ms.toFixed(0)} ms, once)`);

// --- Full count ---------------------------------------------------------------------------

// Ours, cold caches: a fresh counter per run (the rank table itself is loaded once, like a warm process).
createTokenCounter(ENCODING).count('warm up the rank table');
const oursCold = repeat(5, () => createTokenCounter(ENCODING).count(corpus));
tokenCounts.set('ours', oursCold.value);
log(`ours, cold caches: ${oursCold.medianMs.toFixed(0)} ms`);

const warmCounter = createTokenCounter(ENCODING);
warmCounter.count(corpus);
const oursWarm = repeat(5, () => warmCounter.count(corpus));
log(`ours, warm chunk cache (same text again): ${oursWarm.medianMs.toFixed(1)} ms`);

// A stateless re-count of an edited text: chunk cache warm from the previous version, so only the
// chunk holding the edit is tokenized, but the whole text is cut and looked up again.
const editedRecount = repeat(5, () => {
  const offset = Math.floor(Math.random() * corpus.length);
  return warmCounter.count(corpus.slice(0, offset) + 'x' + corpus.slice(offset));
});
log(`ours, count() of a one-char-edited text, warm caches: ${editedRecount.medianMs.toFixed(1)} ms`);

// Piece cache warm, chunk cache useless: warmed on another corpus of the same kinds (different
// seed), so every chunk is new but most words have been seen — a second document in a session.
const pieceWarmCounter = createTokenCounter(ENCODING);
pieceWarmCounter.count(mixedCorpus(1_000_000, 7));
const oursPiecesWarm = time(() => pieceWarmCounter.count(corpus));
log(`ours, piece cache warmed on another corpus, all chunks new: ${oursPiecesWarm.ms.toFixed(0)} ms`);
collectGarbage();

// --- Re-count after a one-character edit ------------------------------------------------------
const document = new IncrementalDocumentCount(createTokenCounter(ENCODING), corpus);
const editSamples: number[] = [];
for (let i = 0; i < 60; i++) {
  const offset = Math.floor(((i * 7919) % 1000) / 1000 * corpus.length);
  const insert = i % 2 === 0;
  const start = now();
  if (insert) document.applyEdit(offset, 0, 'x');
  else document.applyEdit(offset, 1, '');
  document.total();
  editSamples.push(now() - start);
}
const editMs = median(editSamples);
log(`IncrementalDocumentCount one-char edit + total: ${editMs.toFixed(3)} ms; ${document.chunkCount()} chunks`);
collectGarbage();

const { get_encoding } = require('tiktoken') as typeof import('tiktoken');
const wasmLoad = time(() => get_encoding(ENCODING));
const wasm = wasmLoad.value;
const wasmFull = repeat(5, () => wasm.encode(corpus, [], []).length);
tokenCounts.set('tiktoken (WASM)', wasmFull.value);
log(`tiktoken WASM: ${wasmFull.medianMs.toFixed(0)} ms (load ${wasmLoad.ms.toFixed(0)} ms)`);
collectGarbage();

const gptTokenizerLoad = time(() => require('gpt-tokenizer/encoding/o200k_base') as { countTokens(text: string): number; encode(text: string): number[] });
const gptTokenizer = gptTokenizerLoad.value;
const gptFirst = time(() => gptTokenizer.encode(corpus).length);
const gptRepeat = repeat(4, () => gptTokenizer.encode(corpus).length);
tokenCounts.set('gpt-tokenizer', gptFirst.value);
log(`gpt-tokenizer: first ${gptFirst.ms.toFixed(0)} ms, repeated ${gptRepeat.medianMs.toFixed(0)} ms (load ${gptTokenizerLoad.ms.toFixed(0)} ms)`);
collectGarbage();

// js-tiktoken last: its tables are the largest heap here and slow the garbage collector for others.
const jsTiktoken = new Tiktoken(rankModule.value);
const jsTiktokenFull = repeat(3, () => jsTiktoken.encode(corpus, [], []).length);
tokenCounts.set('js-tiktoken', jsTiktokenFull.value);
log(`js-tiktoken encode().length: ${jsTiktokenFull.medianMs.toFixed(0)} ms`);

// gpt-tokenizer 3.0.1 splits some contractions differently ("can't" is 2 tokens there, 1 in
// tiktoken), so only the exact implementations must agree; its difference is reported.
const agree = tokenCounts.get('ours') === tokenCounts.get('js-tiktoken') && tokenCounts.get('ours') === tokenCounts.get('tiktoken (WASM)');
const gptDifference = (tokenCounts.get('gpt-tokenizer') ?? 0) - (tokenCounts.get('tiktoken (WASM)') ?? 0);
log(`token counts: ${[...tokenCounts].map(([name, count]) => `${name} ${count}`).join(', ')}; ours/js-tiktoken/tiktoken ${agree ? 'agree' : 'DISAGREE'}`);

const editExact = document.total() === jsTiktoken.encode(document.currentText(), [], []).length;
log(`exact after the 60 edits: ${editExact}`);

// --- Report -------------------------------------------------------------------------------------
const ratio = (baseline: number, ms: number): string => `${(baseline / ms).toFixed(1)}×`;
rows.push(
  ['js-tiktoken 1.0.21 `encode().length` (baseline)', `${jsTiktokenFull.medianMs.toFixed(0)} ms`, mbPerSecond(jsTiktokenFull.medianMs), '1.0×'],
  ['ours, cold caches (fresh counter, ranks loaded)', `${oursCold.medianMs.toFixed(0)} ms`, mbPerSecond(oursCold.medianMs), ratio(jsTiktokenFull.medianMs, oursCold.medianMs)],
  ['ours, piece cache warmed on another corpus, every chunk new (single run)', `${oursPiecesWarm.ms.toFixed(0)} ms`, mbPerSecond(oursPiecesWarm.ms), ratio(jsTiktokenFull.medianMs, oursPiecesWarm.ms)],
  ['ours, warm chunk cache (same text again)', `${oursWarm.medianMs.toFixed(1)} ms`, mbPerSecond(oursWarm.medianMs), ratio(jsTiktokenFull.medianMs, oursWarm.medianMs)],
  ['tiktoken 1.0.22 (WASM) `encode().length`', `${wasmFull.medianMs.toFixed(0)} ms`, mbPerSecond(wasmFull.medianMs), ratio(jsTiktokenFull.medianMs, wasmFull.medianMs)],
  ['gpt-tokenizer 3.0.1 `encode().length`, first call', `${gptFirst.ms.toFixed(0)} ms`, mbPerSecond(gptFirst.ms), ratio(jsTiktokenFull.medianMs, gptFirst.ms)],
  ['gpt-tokenizer 3.0.1, repeated (its piece cache warm)', `${gptRepeat.medianMs.toFixed(0)} ms`, mbPerSecond(gptRepeat.medianMs), ratio(jsTiktokenFull.medianMs, gptRepeat.medianMs)],
);

const cpu = os.cpus();
const section = [
  '## Tokens',
  '',
  `Measured by \`node bench/tokens/run.mjs\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadAtStart.toFixed(1)} at the start (shared with other jobs), Node ${process.version}, ` +
    `one process, ${ENCODING}, deterministic mixed corpus of ${megabytes.toFixed(2)} MB (prose, Markdown, TypeScript, Python, JSON, logs, CJK; bench/tokens/corpus.ts). ` +
    'Medians; the machine is shared and noisy, so read the ratios, not the absolute times.',
  '',
  `Token counts: ${[...tokenCounts].map(([name, count]) => `${name} ${count}`).join(', ')}. Ours, js-tiktoken and tiktoken ${agree ? 'agree exactly' : '**disagree**'}; ` +
    `gpt-tokenizer 3.0.1 differs by ${gptDifference >= 0 ? '+' : ''}${gptDifference} (${((gptDifference / (tokenCounts.get('tiktoken (WASM)') ?? 1)) * 100).toFixed(1)} %): it splits contractions such as "can't" and "it's" into two tokens where tiktoken has one.`,
  '',
  '### Full count',
  '',
  '| counter | time | MB/s | speed vs js-tiktoken |',
  '|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  '### Loading an encoding (building the rank table)',
  '',
  '| form | time |',
  '|---|---|',
  `| ours: compact rank file, as shipped in \`dist/ranks/\` | ${compactLoad.medianMs.toFixed(0)} ms |`,
  `| ours: from js-tiktoken's rank module (source/test runs) | ${moduleParse.medianMs.toFixed(0)} ms + require ${rankModule.ms.toFixed(0)} ms |`,
  `| js-tiktoken \`new Tiktoken(ranks)\` | ${jsTiktokenLoad.medianMs.toFixed(0)} ms + require ${rankModule.ms.toFixed(0)} ms |`,
  `| tiktoken (WASM) \`get_encoding\` | ${wasmLoad.ms.toFixed(0)} ms (single run) |`,
  `| gpt-tokenizer \`require('gpt-tokenizer/encoding/o200k_base')\` | ${gptTokenizerLoad.ms.toFixed(0)} ms (single run) |`,
  '',
  `Compact file vs js-tiktoken's constructor: ${ratio(jsTiktokenLoad.medianMs, compactLoad.medianMs)} faster.`,
  '',
  '### Re-count after a one-character edit (1 MB document)',
  '',
  '| what | time | vs incremental |',
  '|---|---|---|',
  `| \`IncrementalDocumentCount.applyEdit\` + \`total()\` (median of 60 edits across the document) | ${editMs.toFixed(3)} ms | 1× |`,
  `| full re-count, ours with cold caches | ${oursCold.medianMs.toFixed(0)} ms | ${ratio(oursCold.medianMs, editMs)} |`,
  `| stateless re-count, ours: \`count()\` of the edited text with caches warm from the previous version | ${editedRecount.medianMs.toFixed(1)} ms | ${ratio(editedRecount.medianMs, editMs)} |`,
  `| full re-count, js-tiktoken | ${jsTiktokenFull.medianMs.toFixed(0)} ms | ${ratio(jsTiktokenFull.medianMs, editMs)} |`,
  `| full re-count, tiktoken (WASM) | ${wasmFull.medianMs.toFixed(0)} ms | ${ratio(wasmFull.medianMs, editMs)} |`,
  `| full re-count, gpt-tokenizer (warm) | ${gptRepeat.medianMs.toFixed(0)} ms | ${ratio(gptRepeat.medianMs, editMs)} |`,
  '',
  `Exact after the 60 edits (checked against js-tiktoken): ${editExact ? 'yes' : '**no**'}. Document held as ${document.chunkCount()} chunks.`,
  '',
  'Targets (issue #2): re-count after an edit ≥ 50× faster than a full count — ' +
    `${oursCold.medianMs / editMs >= 50 && jsTiktokenFull.medianMs / editMs >= 50 ? 'met' : '**not met**'}; ` +
    `full-count throughput not below js-tiktoken — ${oursCold.medianMs <= jsTiktokenFull.medianMs ? 'met' : '**not met**'} (cold caches).`,
  '',
].join('\n');

if (!process.argv.includes('--no-write')) {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nEach section is written by its own benchmark under `bench/`; numbers are from the machine named in the section.\n\n';
  // Replace our section (up to the next "## " heading) or append it.
  const start = existing.indexOf('## Tokens\n');
  let updated: string;
  if (start < 0) updated = existing.replace(/\n*$/, '\n\n') + section;
  else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = existing.slice(0, start) + section + (next < 0 ? '' : `\n${existing.slice(next + 1)}`);
  }
  writeFileSync(file, updated);
  log(`wrote the Tokens section of ${path.relative(root, file)}`);
}
if (!agree || !editExact) process.exitCode = 1;
