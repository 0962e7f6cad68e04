// npm run bench runs this among others; alone: node bench/editor/run.mjs
// Editor benchmarks in a real VS Code (vscode-harness): cold activation, keystroke-to-diagnostics
// latency on 100 KB and 1 MB prompts vs a full recount, and the .vsix size. Writes the "Editor"
// section of docs/benchmarks.md (only the text between its markers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPrompt } from './benchPrompt.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const harness = path.resolve(root, '../shared/vscode-harness');
const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
const vsix = path.join(root, 'minimal-viable-prompt.vsix');

function sh(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

// 1. bundle the bench index (runs in the extension host; vscode external, like the tests)
const outDir = path.join(root, 'out', 'bench', 'editor');
await esbuild.build({
  entryPoints: { index: path.join(root, 'bench/editor/editorBench.ts') },
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  external: ['vscode'],
  logLevel: 'warning',
});
const index = path.join(outDir, 'index.js');

// 2. the extension must be built (and packaged, for the size)
if (!existsSync(path.join(root, 'dist/extension.js')) || !existsSync(vsix)) {
  sh('npm', ['run', '--silent', 'package', '--', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links']);
}
sh('bash', [path.join(harness, 'setup.sh')]);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mvp-editor-bench-'));
const workspace = path.join(scratch, 'ws');
mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
// Diagnostics delay 0: the latency measured is the analysis and publication, not the debounce.
writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'mvp.diagnostics.delay': 0 }, null, 2));
writeFileSync(path.join(workspace, 'bench-100k.prompt.md'), benchPrompt(100 * 1024, 1));
writeFileSync(path.join(workspace, 'bench-1m.prompt.md'), benchPrompt(1024 * 1024, 2));

// Cold activation happens once per window: three fresh windows, the median reported (one sample
// on this shared machine can be a stall of the host, not the extension).
const ACTIVATION_RUNS = 3;
const activationRuns = [];
for (let i = 0; i < ACTIVATION_RUNS; i++) {
  const activationOut = path.join(scratch, `activation-${i}.json`);
  sh('bash', [path.join(harness, 'run.sh'), 'test', root, index], { MVP_BENCH_MODE: 'activation', MVP_BENCH_OUT: activationOut, VSH_TIMEOUT: '300' });
  activationRuns.push(JSON.parse(readFileSync(activationOut, 'utf8')));
}
activationRuns.sort((a, b) => a.activateCallMs - b.activateCallMs);
const activation = activationRuns[Math.floor(ACTIVATION_RUNS / 2)];
const latencyOut = path.join(scratch, 'latency.json');
sh('bash', [path.join(harness, 'run.sh'), 'test', root, index, workspace], { MVP_BENCH_MODE: 'latency', MVP_BENCH_OUT: latencyOut, VSH_TIMEOUT: '500' });
const latency = JSON.parse(readFileSync(latencyOut, 'utf8'));
rmSync(scratch, { recursive: true, force: true });
const vsixBytes = statSync(vsix).size;

// 3. docs/benchmarks.md, Editor section
const ms = (x) => `${x.toFixed(1)} ms`;
const pair = (x) => `${ms(x.p50)} / ${ms(x.p95)}`;
const liveRow = (label, r) =>
  `| ${label} | ${r.chars.toLocaleString('en-US')} | ${pair(r.roundTrip)} | ${pair(r.live)} | ${pair(r.liveProcessing)} | ${pair(r.baselineFullRecount)} | ${r.liveSpeedupP50.toFixed(0)}× / ${r.liveSpeedupP95.toFixed(0)}× |`;
const fullRow = (label, r) =>
  `| ${label} | ${pair(r.fullAnalysis)} | ${pair(r.fullAfterChange)} | ${pair(r.engineAnalysis)} | ${(r.baselineFullRecount.p50 / r.engineAnalysis.p50).toFixed(0)}× / ${(r.baselineFullRecount.p95 / r.engineAnalysis.p95).toFixed(0)}× |`;
const l100 = latency['bench-100k.prompt.md'];
const l1m = latency['bench-1m.prompt.md'];
const verdict = (ok) => (ok ? 'met' : '**not met**');
const section = `<!-- editor-bench:start -->
## Editor

Measured by \`node bench/editor/run.mjs\` in a real VS Code 1.100.3 extension host (code-server + Chromium,
\`../shared/vscode-harness\`) on ${new Date().toISOString().slice(0, 10)}; this machine has ${os.cpus().length} cores shared with other work, so compare
ratios, not absolute times.

**Keystroke → diagnostics.** ${l1m.live.n} single-character insertions spread through each generated prompt
(\`bench/editor/benchPrompt.mjs\`; after 3 warm-up edits), with \`mvp.diagnostics.delay\` = 0 so the debounce is not
counted. Timed from \`TextEditor.edit\` (p50 / p95):
- **VS Code's round trip**: until the change event reaches extensions (extension host → workbench → extension host,
  over a WebSocket in code-server). It is the same for every extension and sets the floor of every figure below;
  on this machine its p95 is mostly the host waiting for a core that code-server or Chromium holds;
- **live**: the edited text's exact token count (only the touched chunks re-tokenized), its energy estimate and the
  status bar updated, and the squiggles moved with the text; **live work** is the part after the change event
  reaches the extension;
- **full**: the full analysis of exactly that document version published (parse, attachments from cache, rules with
  measured savings, diagnostics set) — what finds new problems; **after the change** is the part from the change event
  reaching extensions (the extension's own latency: scheduling, analysis, publication); **engine** is the part spent
  in \`analysePrompt\` itself.

Baseline: after each edit, recount the whole document from scratch with a fresh tokenizer (no piece or chunk cache),
in the same process — what an extension that re-tokenizes the document on every change pays for counting alone (a
full re-analysis from scratch costs more: parsing and rules come on top).

| document | chars | VS Code's round trip | live (edit → shown) | live work | full recount (baseline) | baseline ÷ live work |
|---|---:|---:|---:|---:|---:|---:|
${liveRow('100 KB prompt', l100)}
${liveRow('1 MB prompt', l1m)}

| document | full (edit → diagnostics) | full after the change | engine | baseline ÷ engine |
|---|---:|---:|---:|---:|
${fullRow('100 KB prompt', l100)}
${fullRow('1 MB prompt', l1m)}

Targets on 1 MB — p95 under 50 ms: live update ${verdict(l1m.live.p95 < 50)} (${ms(l1m.live.p95)} edit → shown); full
analysis ${verdict(l1m.fullAfterChange.p95 < 50)} from the change reaching the extension to diagnostics set (${ms(l1m.fullAfterChange.p95)}), and
${verdict(l1m.fullAnalysis.p95 < 50)} counted from the edit call (${ms(l1m.fullAnalysis.p95)}, of which VS Code's round trip alone has a p95 of ${ms(l1m.roundTrip.p95)}).
≥ 20× faster than the baseline: live work ${verdict(l1m.liveSpeedupP95 >= 20)} (${l1m.liveSpeedupP50.toFixed(0)}× at p50, ${l1m.liveSpeedupP95.toFixed(0)}× at p95).
The full analysis carries per-block work (classification, references, scans, part counts) over from the document's
previous version by position (\`src/core/document/documentVersion.ts\`) and counts tokens only in the touched chunks;
what still grows with the document is finding its lines and blocks again, a few linear passes.

**Activation.** Cold \`extension.activate()\` in an empty window (bundle load + \`activate()\`), median of ${ACTIVATION_RUNS} fresh
windows (${activationRuns.map((r) => ms(r.activateCallMs)).join(', ')}): ${ms(activation.activateCallMs)}, of which ${ms(activation.insideActivateMs)} inside \`activate()\` — target under 100 ms ${verdict(activation.activateCallMs < 100)}.
Activation creates listeners only; the engine's modules initialise with the first analysis (a dynamic import), and no
rank table, profile or spreadsheet is loaded (asserted by the activation suite).

**Package.** \`minimal-viable-prompt.vsix\`: ${(vsixBytes / 1024 / 1024).toFixed(2)} MB — target under 6 MB ${verdict(vsixBytes < 6 * 1024 * 1024)}.
<!-- editor-bench:end -->
`;
const docPath = path.join(root, 'docs/benchmarks.md');
const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
const updated = doc.includes('<!-- editor-bench:start -->')
  ? doc.replace(/<!-- editor-bench:start -->[\s\S]*?<!-- editor-bench:end -->\n?/, section)
  : `${doc.trimEnd()}\n\n${section}`;
writeFileSync(docPath, updated);
console.log(section);
