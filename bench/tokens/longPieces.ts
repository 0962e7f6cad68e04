/**
 * Worst-case inputs for token counting (issue 18, item 10): texts of 4 MB that pre-split into one
 * enormous piece (one letter, a whitespace run, a line of `=`, CJK, emoji) or into millions of tiny
 * ones (digit pairs, base64-like), each against ordinary prose of the same size counted in the
 * same process. Run: `node bench/tokens/longPieces.mjs` (writes the "Tokens: long pieces" section
 * of docs/benchmarks.md; `--no-write` only prints).
 *
 * Each count uses a fresh counter (cold piece and chunk caches; the rank table loaded once), so a
 * repeated piece is never answered from a cache. Median of 3. The target: a 4 MB file of one
 * letter counted in under 2 s, a small multiple of prose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTokenCounter } from '../../src/core/tokens/tokenCounter';
import { mixedCorpus, seeded } from './corpus';
import { collectGarbage, median, now } from './measure';

const ENCODING = 'o200k_base';
const BYTES = 4_000_000;
const root = path.resolve(__dirname, '../..');
const log = (line: string): void => console.log(line);

function randomText(alphabet: string, length: number, seed: number): string {
  const random = seeded(seed);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(alphabet[Math.floor(random() * alphabet.length)]);
  return parts.join('');
}

/** A unit repeated to about `bytes` UTF-8 bytes. */
const repeated = (unit: string): string => unit.repeat(Math.floor(BYTES / Buffer.byteLength(unit, 'utf8')));

const loadAtStart = os.loadavg()[0];
createTokenCounter(ENCODING).count('warm up the rank table');

function measure(text: string): { ms: number; tokens: number } {
  const samples: number[] = [];
  let tokens = 0;
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    const start = now();
    tokens = createTokenCounter(ENCODING).count(text);
    samples.push(now() - start);
  }
  return { ms: median(samples), tokens };
}

const prose = mixedCorpus(BYTES);
const baseline = measure(prose);
log(
  `prose ${(Buffer.byteLength(prose, 'utf8') / 1e6).toFixed(2)} MB: ${baseline.ms.toFixed(0)} ms, ${baseline.tokens} tokens`,
);

const cases: [string, () => string][] = [
  ['one letter (`a` × 4 M): one piece', () => repeated('a')],
  ['random lowercase letters: one piece', () => randomText('abcdefghijklmnopqrstuvwxyz', BYTES, 1)],
  ['spaces: one piece', () => repeated(' ')],
  ['a line of `=`: one piece', () => repeated('=')],
  ['`中` (3 bytes each): one piece', () => repeated('中')],
  ['`😀` (4 bytes each): one piece', () => repeated('😀')],
  ['digit pairs (`12` × 2 M): 3-digit pieces', () => repeated('12')],
  [
    'base64-like: short pieces',
    () => randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', BYTES, 2),
  ],
];
const rows: string[][] = [];
let oneLetterMs = Number.POSITIVE_INFINITY;
for (const [name, make] of cases) {
  const text = make();
  const result = measure(text);
  if (name.startsWith('one letter')) oneLetterMs = result.ms;
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  log(`${name}: ${result.ms.toFixed(0)} ms, ${result.tokens} tokens`);
  rows.push([
    name,
    `${megabytes.toFixed(2)} MB`,
    `${result.ms.toFixed(0)} ms`,
    `${(result.ms / baseline.ms).toFixed(1)}×`,
    result.tokens.toLocaleString('en-US'),
  ]);
}

const cpu = os.cpus();
const section = [
  '## Tokens: long pieces',
  '',
  `Measured by \`node bench/tokens/longPieces.mjs\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadAtStart.toFixed(1)} at the start (shared with other jobs), Node ${process.version}, ${ENCODING}. ` +
    'Worst-case texts of about 4 MB against ordinary prose of the same size (the mixed corpus of bench/tokens/corpus.ts), all in one process; a fresh counter per count (cold caches), median of 3. ' +
    'A piece longer than 256 bytes is merged by the rank sweep of src/core/tokens/rankSweepMergeCount.ts (near-linear); before it (issue 18), `mvp tokens` on 4 MB of `a` took 7.5 s and 381 MB, on 10 MB 15.6 s and 936 MB.',
  '',
  '| text | size | time | vs prose | tokens |',
  '|---|---|---|---|---|',
  `| prose, Markdown, code, JSON, logs, CJK (baseline) | ${(Buffer.byteLength(prose, 'utf8') / 1e6).toFixed(2)} MB | ${baseline.ms.toFixed(0)} ms | 1.0× | ${baseline.tokens.toLocaleString('en-US')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  `Target: 4 MB of one letter counted in under 2 s — ${oneLetterMs < 2000 ? 'met' : '**not met**'} (${oneLetterMs.toFixed(0)} ms, ${(oneLetterMs / baseline.ms).toFixed(1)}× prose).`,
  '',
].join('\n');

if (!process.argv.includes('--no-write')) {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const heading = '## Tokens: long pieces\n';
  const start = existing.indexOf(heading);
  let updated: string;
  if (start < 0) {
    // Right after the "## Tokens: open model families" section (or "## Tokens"), which it extends.
    const anchor =
      existing.indexOf('## Tokens: open model families\n') >= 0
        ? existing.indexOf('## Tokens: open model families\n')
        : existing.indexOf('## Tokens\n');
    const next = anchor < 0 ? -1 : existing.indexOf('\n## ', anchor + 1);
    updated =
      next < 0
        ? existing.replace(/\n*$/, '\n\n') + section
        : `${existing.slice(0, next + 1)}${section}\n${existing.slice(next + 1)}`;
  } else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = existing.slice(0, start) + section + (next < 0 ? '' : `\n${existing.slice(next + 1)}`);
  }
  writeFileSync(file, updated);
  log(`wrote the "Tokens: long pieces" section of ${path.relative(root, file)}`);
}
