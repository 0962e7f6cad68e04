/**
 * Runs inside VS Code's extension host (vscode-harness test mode), loaded as a `run()` index.
 * MVP_BENCH_MODE=activation: in an empty window, time a cold `activate()` (module load + activate).
 * MVP_BENCH_MODE=firstResult: in a fresh window on the fixture workspace, from activation to the
 * first analysis of the first prompt opened (what a new user waits for).
 * MVP_BENCH_MODE=latency: in the bench workspace, keystroke-to-diagnostics latency on a 100 KB and
 * a 1 MB prompt, for single-character edits, against a baseline that recounts the whole document
 * from scratch after each edit (a fresh tokenizer without caches) — measured side by side here.
 * Results are written as JSON to MVP_BENCH_OUT.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createTokenCounter } from '../../src/core/tokens/tokenCounter';

const EXTENSION_ID = 'minimal-viable-prompt.minimal-viable-prompt';
/** The first edits of each document warm the JIT and caches and are not counted. */
const WARM_UP_EDITS = 3;
/** Enough edits that the p95 is not one unlucky stall of a host shared with code-server and Chromium. */
const MEASURED_EDITS = 100;

interface Api {
  activationMs: number;
  onDidAnalyse: vscode.Event<{ uri: vscode.Uri; version: number; durationMs: number }>;
  onDidLiveUpdate: vscode.Event<{ uri: vscode.Uri; version: number; total: number; processingMs: number }>;
  analyse(uri: vscode.Uri): Promise<unknown>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summary(values: number[]) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

async function activation(): Promise<Record<string, unknown>> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!extension) throw new Error('extension not installed');
  if (extension.isActive) throw new Error('already active: run the activation bench in an empty window');
  const started = performance.now();
  const api = await extension.activate();
  const total = performance.now() - started;
  return { activateCallMs: total, insideActivateMs: api.activationMs };
}

/**
 * One edit → (a) the live update of that document version (exact count of the edited text,
 * estimate, status bar, squiggles moved with the text) and (b) the full analysis of that version
 * published (findings re-evaluated, diagnostics set).
 */
async function timedEdit(
  api: Api,
  editor: vscode.TextEditor,
  offset: number,
): Promise<{ roundTrip: number; live: number; liveProcessing: number; full: number; fullAfterChange: number; engine: number }> {
  const document = editor.document;
  let target = -1;
  let changeAt = -1;
  let liveAt = -1;
  let liveProcessing = -1;
  let engine = -1;
  let resolveFull: () => void = () => undefined;
  const full = new Promise<void>((resolve) => (resolveFull = resolve));
  const started = performance.now();
  // When VS Code delivers the change to extensions (ours listens to the same event in the same host).
  const onChange = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && changeAt < 0) changeAt = performance.now();
  });
  const onLive = api.onDidLiveUpdate((e) => {
    if (e.uri.toString() === document.uri.toString() && (e.version === target || target === -1) && liveAt < 0) {
      liveAt = performance.now();
      liveProcessing = e.processingMs;
    }
  });
  const onFull = api.onDidAnalyse((e) => {
    if (e.uri.toString() === document.uri.toString() && e.version === target) {
      engine = e.durationMs;
      resolveFull();
    }
  });
  const position = document.positionAt(offset);
  await editor.edit((b) => b.insert(position, 'x'), { undoStopBefore: false, undoStopAfter: false });
  target = document.version;
  await full;
  const fullAt = performance.now();
  onChange.dispose();
  onLive.dispose();
  onFull.dispose();
  if (liveAt < 0) throw new Error(`no live update for version ${target}`);
  return {
    roundTrip: changeAt - started,
    live: liveAt - started,
    liveProcessing,
    full: fullAt - started,
    fullAfterChange: fullAt - changeAt,
    engine,
  };
}

async function latency(): Promise<Record<string, unknown>> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
  const api = extension.isActive ? extension.exports : await extension.activate();
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const results: Record<string, unknown> = {};
  createTokenCounter('o200k_base').count('warm up: load the rank table before timing the baseline');
  for (const name of ['bench-100k.prompt.md', 'bench-1m.prompt.md']) {
    const uri = vscode.Uri.joinPath(folder, name);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await api.analyse(uri);
    const size = editor.document.getText().length;
    // A deterministic spread of edit positions through the document.
    const offsets = Array.from({ length: WARM_UP_EDITS + MEASURED_EDITS }, (_, i) => Math.floor(((i * 7919) % 1000) / 1000 * (size - 10)) + 5);
    const roundTrip: number[] = [];
    const fullAfterChange: number[] = [];
    const live: number[] = [];
    const liveProcessing: number[] = [];
    const engine: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < offsets.length; i++) {
      const ms = await timedEdit(api, editor, offsets[i]);
      if (i >= WARM_UP_EDITS) {
        roundTrip.push(ms.roundTrip);
        fullAfterChange.push(ms.fullAfterChange);
        live.push(ms.live);
        liveProcessing.push(ms.liveProcessing);
        engine.push(ms.engine);
        full.push(ms.full);
      }
    }
    const baseline: number[] = [];
    for (let i = 0; i < 8; i++) {
      const text = editor.document.getText();
      const started = performance.now();
      createTokenCounter('o200k_base').count(text);
      baseline.push(performance.now() - started);
    }
    const l = summary(live);
    const lp = summary(liveProcessing);
    const f = summary(full);
    const b = summary(baseline);
    results[name] = {
      chars: size,
      live: l,
      liveProcessing: lp,
      roundTrip: summary(roundTrip),
      fullAnalysis: f,
      fullAfterChange: summary(fullAfterChange),
      engineAnalysis: summary(engine),
      baselineFullRecount: b,
      liveSpeedupP50: b.p50 / lp.p50,
      liveSpeedupP95: b.p95 / lp.p95,
    };
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  return results;
}

/**
 * A new user's first minute: a cold window, the extension not yet active, the first prompt opened
 * (MVP_BENCH_PROMPT, relative to the workspace: a prompt with a workbook attached). Timed from
 * opening it to its first analysis published (status bar, squiggles), split into activation,
 * loading the engine (modules, profiles, rank table) and the analysis itself.
 */
async function firstResult(): Promise<Record<string, unknown>> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!extension) throw new Error('extension not installed');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('open the bench workspace');
  const uri = vscode.Uri.joinPath(folder.uri, process.env.MVP_BENCH_PROMPT ?? 'q3-sales.prompt.md');
  // A workspace with prompt files activates the extension at startup (workspaceContains); it is
  // still cold: nothing analysed, no rank table loaded (checked below).
  const started = performance.now();
  const api = extension.isActive ? extension.exports : await extension.activate();
  const activated = performance.now();
  const loaded = (api as unknown as { loadedEncodings(): string[] }).loadedEncodings();
  if (loaded.length) throw new Error(`not cold: ${loaded.join(', ')} already loaded`);
  const first = new Promise<{ at: number; durationMs: number }>((resolve) => {
    const listener = api.onDidAnalyse((e) => {
      if (e.uri.toString() !== uri.toString()) return;
      listener.dispose();
      resolve({ at: performance.now(), durationMs: e.durationMs });
    });
  });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const opened = performance.now();
  const result = await Promise.race([first, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no analysis within 120 s')), 120_000))]);
  // The same prompt again, warm (engine loaded, rank table in memory): what the first one adds.
  const again = performance.now();
  await api.analyse(uri);
  const warm = performance.now() - again;
  return {
    prompt: path.basename(uri.fsPath),
    activateMs: extension.isActive && activated - started < 1 ? api.activationMs : activated - started,
    openMs: opened - activated,
    firstResultMs: result.at - started,
    openToResultMs: result.at - activated,
    firstAnalysisMs: result.durationMs,
    warmAnalysisMs: warm,
  };
}

export async function run(): Promise<void> {
  const mode = process.env.MVP_BENCH_MODE ?? 'latency';
  const out = process.env.MVP_BENCH_OUT;
  const result = mode === 'activation' ? await activation() : mode === 'firstResult' ? await firstResult() : await latency();
  console.log(JSON.stringify(result, null, 2));
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
}
