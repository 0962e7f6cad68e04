/**
 * Session benchmark. Run: `node bench/session/run.mjs` (writes bench/session/results.json and the
 * "Session" section of docs/benchmarks.md; `--no-write` only prints).
 *
 * A deterministic 2,000-request Claude Code-style JSONL session (no recorded usage, so every
 * message is tokenized by us with o200k_base, gpt-4o profile, real estimator) is generated into
 * the temp folder. Measured in one process:
 *  - full analysis: stream the file, tokenize, cost every turn, project, build the seed summary;
 *  - peak and retained memory of that analysis;
 *  - update after one more exchange (user + assistant) is appended, vs the baseline of analysing
 *    the whole session again from scratch — with the number of texts tokenized by each.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { estimateRequest } from '../../src/core/energy/estimator';
import { readSessionFile } from '../../src/core/history/readSessionFile';
import { SessionAccumulator } from '../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../src/core/history/sessionCostModel';
import { detectPollution } from '../../src/core/history/sessionDetections';
import type { Message } from '../../src/core/history/transcript';
import { loadBuiltinProfiles } from '../../src/core/profiles';
import { createTokenCounter } from '../../src/core/tokens/tokenCounter';

const TURNS = 2000;
const UPDATE_RUNS = 15;
const FULL_RUNS = 3;
const root = path.resolve(__dirname, '../..');
const write = !process.argv.includes('--no-write');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const WORDS = 'the parser row column invoice total region date amount value check error line file test fix keep return null string number array map filter reduce async await module export import function const let type interface'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[between(0, WORDS.length - 1)]).join(' ') + '.';
const code = (lines: number, tag: number) =>
  Array.from({ length: lines }, (_, j) => `  const v${tag}_${j} = rows.filter((r) => r.${WORDS[between(0, WORDS.length - 1)]} > ${between(0, 999)});`).join('\n');

/** One request's worth of events: the user's message (sometimes a tool result), the reply (sometimes a tool call). */
function exchange(i: number): string[] {
  const lines: string[] = [];
  const user = random() < 0.25
    ? { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${i - 1}`, content: code(between(20, 120), i) }] }
    : { role: 'user', content: `${sentence(between(8, 60))}\n\n${random() < 0.2 ? '```ts\n' + code(between(5, 40), i) + '\n```' : sentence(between(5, 30))}` };
  lines.push(JSON.stringify({ type: 'user', isSidechain: false, message: user }));
  const content: object[] = [{ type: 'text', text: `${sentence(between(20, 120))}\n\n${random() < 0.3 ? '```ts\n' + code(between(5, 30), i + 100000) + '\n```' : sentence(between(10, 40))}` }];
  if (random() < 0.25) content.push({ type: 'tool_use', id: `t${i}`, name: 'Read', input: { file_path: `/repo/src/module${i % 40}.ts` } });
  lines.push(JSON.stringify({ type: 'assistant', message: { id: `msg_${i}`, role: 'assistant', model: 'gpt-4o', content } }));
  return lines;
}

function toMessages(lines: string[]): Message[] {
  return lines.map((line) => {
    const event = JSON.parse(line);
    const content = event.message.content;
    const text = typeof content === 'string' ? content : content.filter((b: any) => b.type === 'text').map((b: any) => b.text).join('\n');
    const payloads = typeof content === 'string' ? [] : content.filter((b: any) => b.type !== 'text').map((b: any) => ({ kind: b.type === 'tool_use' ? 'toolCall' : 'toolResult', name: b.name ?? 'Read', text: b.type === 'tool_use' ? JSON.stringify(b.input) : b.content }));
    return { role: event.type, text, payloads, range: { start: 0, end: line.length } } as Message;
  });
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const mb = (bytes: number) => bytes / 1048576;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvp-session-bench-'));
  const file = path.join(dir, 'session-2000.jsonl');
  const all: string[] = [];
  for (let i = 0; i < TURNS; i++) all.push(...exchange(i));
  writeFileSync(file, all.join('\n') + '\n');
  const extra = Array.from({ length: UPDATE_RUNS }, (_, k) => toMessages(exchange(TURNS + k)));
  const size = statSync(file).size;

  const profile = loadBuiltinProfiles().find((p) => p.id === 'gpt-4o')!;
  const estimate = (input: Parameters<typeof estimateRequest>[1]) => estimateRequest(profile, input);

  async function analyseFromScratch() {
    // A fresh counter each time: no chunk cache carried between runs, as in a new process.
    const counter = createTokenCounter(profile.tokenizer.encoding);
    const session = new SessionAccumulator({ countTokens: (t) => counter.count(t) });
    await readSessionFile(file, session);
    const model = new SessionCostModel({ estimate, caching: profile.caching });
    const analysis = model.analyse(session);
    detectPollution(session, analysis, estimate);
    return { session, model, analysis, counter };
  }

  // Warm-up: loads the rank table and JIT-compiles; not counted.
  await analyseFromScratch();
  gc();

  // Each measurement in its own call, so nothing from an earlier run stays reachable from this frame.
  async function measureFull(): Promise<{ ms: number; peakHeap: number; peakRss: number; retained: number }> {
    gc();
    gc();
    const base = process.memoryUsage().heapUsed;
    let peakHeap = 0;
    let peakRss = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - base);
      peakRss = Math.max(peakRss, m.rss);
    }, 5);
    const start = now();
    const kept = await analyseFromScratch();
    const ms = now() - start;
    clearInterval(sampler);
    gc();
    gc();
    const retained = process.memoryUsage().heapUsed - base;
    if (kept.session.messages.length === 0) throw new Error('nothing analysed');
    return { ms, peakHeap, peakRss, retained };
  }
  const runs = [];
  for (let run = 0; run < FULL_RUNS; run++) runs.push(await measureFull());
  const fullMs = runs.map((r) => r.ms);
  const peakHeap = Math.max(...runs.map((r) => r.peakHeap));
  const peakRss = Math.max(...runs.map((r) => r.peakRss));
  const retained = median(runs.map((r) => r.retained));

  const { session, model, analysis } = await analyseFromScratch();
  const totalCalls = session.tokenizeCalls;
  const messagesBeforeUpdates = session.messages.length;

  // Update after one more exchange vs analysing everything again.
  const updateMs: number[] = [];
  const updateCalls: number[] = [];
  for (const messages of extra) {
    const calls = session.tokenizeCalls;
    const start = now();
    for (const m of messages) session.append(m);
    const updated = model.analyse(session);
    detectPollution(session, updated, estimate);
    updateMs.push(now() - start);
    updateCalls.push(session.tokenizeCalls - calls);
  }

  const fullMedian = median(fullMs);
  const updateMedian = median(updateMs);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    requests: analysis.turns.length,
    messages: messagesBeforeUpdates,
    fileMB: Number(mb(size).toFixed(1)),
    sessionInputTokens: analysis.totals.inputTokens,
    lastRequestTokens: analysis.turns[analysis.turns.length - 1].inputTokens,
    fullAnalysisMs: fullMs.map((m) => Math.round(m)),
    fullAnalysisMedianMs: Math.round(fullMedian),
    peakHeapGrowthMB: Number(mb(peakHeap).toFixed(1)),
    peakRssMB: Number(mb(peakRss).toFixed(0)),
    retainedHeapMB: Number(mb(retained).toFixed(1)),
    textsTokenizedFull: totalCalls,
    updateMs: updateMs.map((m) => Number(m.toFixed(2))),
    updateMedianMs: Number(updateMedian.toFixed(2)),
    textsTokenizedPerUpdate: median(updateCalls),
    speedupVsFullReanalysis: Math.round(fullMedian / updateMedian),
  };
  console.log(JSON.stringify(results, null, 2));
  rmSync(dir, { recursive: true, force: true });
  if (!write) return;
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeSection(results);
}

function writeSection(r: Record<string, any>): void {
  const docs = path.join(root, 'docs/benchmarks.md');
  const text = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const section = `## Session

\`node bench/session/run.mjs\` generates a deterministic ${r.requests.toLocaleString('en-US')}-request session
(Claude Code JSONL without recorded usage, so every message is tokenized: o200k_base, gpt-4o
profile, the real estimator; ${r.messages.toLocaleString('en-US')} messages, ${r.fileMB} MB; the last request sends
${r.lastRequestTokens.toLocaleString('en-US')} tokens, the whole session ${r.sessionInputTokens.toLocaleString('en-US')} input tokens: deliberately beyond any context
window, as a stress test). In one process: the full
analysis (stream, tokenize, cost every turn with and without caching, project, seed summary,
pollution detections), then one more exchange appended ${UPDATE_RUNS} times and the analysis updated.
The baseline for the update is the full analysis from scratch (fresh token cache). Raw numbers:
\`bench/session/results.json\`.

Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.cpus} (shared with other jobs: expect noise), Node ${r.node}:

| Measure | Result |
|---|---|
| Full analysis, ${r.requests.toLocaleString('en-US')} requests (median of ${FULL_RUNS}) | ${(r.fullAnalysisMedianMs / 1000).toFixed(2)} s (${r.fullAnalysisMs.map((m: number) => (m / 1000).toFixed(2)).join(', ')}) |
| Peak heap growth during it / peak RSS | ${r.peakHeapGrowthMB} MB / ${r.peakRssMB} MB |
| Heap retained afterwards (session digests, analysis, the run's token cache) | ${r.retainedHeapMB} MB |
| Texts tokenized: full analysis | ${r.textsTokenizedFull.toLocaleString('en-US')} |
| Update after one more exchange (median of ${UPDATE_RUNS}) | ${r.updateMedianMs} ms |
| Texts tokenized per update | ${r.textsTokenizedPerUpdate} (only the new messages) |
| Update vs full re-analysis | ${r.speedupVsFullReanalysis}× faster |

Appending never re-tokenizes earlier turns (each message's count is kept), and answered turns
keep their cost; an update re-estimates only the pending request and the projection, rebuilds the
seed summary from the kept facts and re-runs the detections over the kept digests — linear in the
number of messages with a small constant, which is what the remaining update time is.
`;
  const start = text.indexOf('\n## Session\n');
  let next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
  const updated = start === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start + 1)}${section}${next === -1 ? '' : text.slice(next)}`;
  writeFileSync(docs, updated.endsWith('\n') ? updated : updated + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
