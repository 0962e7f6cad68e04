// bench/usage: `mvp usage` over 3,000 synthetic Claude Code session logs (shaped like real ones:
// streamed replies as one line per content block with repeated usage, tool results of a few kB,
// attachment / mode / queue-operation entries, resumed sessions that copy earlier replies).
// Measures, as separate processes under /usr/bin/time -v on the same folder, interleaved rounds:
//   ccusage (pinned devDependency) daily --json --offline   — the baseline (it has no cache)
//   mvp usage --format json, cold (cache cleared first)
//   mvp usage --format json, warm (second run, nothing changed: the stored report, after a stat per log)
//   mvp usage weekly --format json, warm digests (another report: built from the cached digests)
//   mvp usage --format json after appending one reply to 1% of the files
// and checks that both tools report the same token totals. Writes bench/usage/results.json.
// Usage: node bench/usage/run.mjs [--files N] [--rounds R]   (needs npm run build)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('--files', 3000);
const ROUNDS = arg('--rounds', 3);
const cli = path.join(root, 'dist', 'cli.js');
const ccusage = path.join(root, 'node_modules', 'ccusage', 'dist', 'index.js');
if (!existsSync(cli)) throw new Error('run npm run build first');

// Deterministic pseudo-random numbers (mulberry32), so every run generates the same folder.
let seed = 20261204;
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const WORDS = 'the cart discount total price test order user api handler config value return error fix add update file line function module import export async await'.split(' ');
const text = (n) => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]).join(' ');
const uuid = (n) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0')}`;
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001'];

function generate(dir) {
  const projects = path.join(dir, 'projects');
  const start = Date.UTC(2026, 6, 1);
  let bytes = 0;
  let previousReplies = [];
  for (let f = 0; f < FILES; f++) {
    const project = `-home-dev-project${f % 40}`;
    const sessionId = uuid(f + 1);
    const cwd = `/home/dev/project${f % 40}`;
    const lines = [];
    let time = start + f * 3 * 3600_000;
    const stamp = () => new Date((time += int(2, 40) * 1000)).toISOString();
    const model = MODELS[f % 7 === 0 ? 1 : f % 5 === 0 ? 2 : 0];
    // A resumed session starts with copies of the previous session's last replies.
    if (f % 10 === 9) for (const reply of previousReplies.slice(-3)) lines.push(reply.replace(/"sessionId":"[^"]+"/, `"sessionId":"${sessionId}"`));
    lines.push(JSON.stringify({ type: 'queue-operation', operation: 'enqueue', timestamp: stamp(), sessionId }));
    const requests = int(5, 45);
    let context = int(12000, 18000);
    const replies = [];
    for (let r = 0; r < requests; r++) {
      const toolResult = r > 0 && random() < 0.7;
      lines.push(JSON.stringify({
        parentUuid: null, isSidechain: false, userType: 'external', cwd, sessionId, version: '2.1.3', type: 'user', uuid: `u${f}-${r}`, timestamp: stamp(),
        message: { role: 'user', content: toolResult ? [{ type: 'tool_result', tool_use_id: `toolu_${f}_${r - 1}`, content: text(int(150, 700)) }] : text(int(10, 60)) },
      }));
      if (random() < 0.2) lines.push(JSON.stringify({ type: 'attachment', attachment: { type: 'file', filename: 'src/app.ts', content: text(int(50, 300)) }, timestamp: stamp(), sessionId }));
      const added = int(300, 4000);
      const usage = { input_tokens: int(1, 12), cache_creation_input_tokens: added, cache_read_input_tokens: context, output_tokens: int(20, 900), service_tier: 'standard' };
      context += added;
      // Real ids have this length (msg_01 + 22 characters, req_011C + 20).
      const id = `msg_01${`${f}x${r}`.padStart(22, 'A')}`;
      const requestId = `req_011C${`${f}y${r}`.padStart(20, 'B')}`;
      const blocks = [
        { type: 'thinking', thinking: text(int(20, 120)), signature: 'sig' },
        { type: 'text', text: text(int(20, 200)) },
        { type: 'tool_use', id: `toolu_${f}_${r}`, name: 'Read', input: { file_path: `${cwd}/src/file${r}.ts` } },
      ].slice(0, int(1, 3));
      for (const [b, block] of blocks.entries()) {
        const line = JSON.stringify({
          parentUuid: `u${f}-${r}`, isSidechain: false, userType: 'external', cwd, sessionId, version: '2.1.3', type: 'assistant', uuid: `a${f}-${r}-${b}`, timestamp: stamp(), requestId,
          message: { id, type: 'message', role: 'assistant', model, content: [block], stop_reason: null, usage: b === 0 ? { ...usage, output_tokens: Math.min(usage.output_tokens, 12) } : usage },
        });
        lines.push(line);
        if (b === 0) replies.push(line);
      }
    }
    if (random() < 0.3) lines.push(JSON.stringify({ type: 'mode', mode: 'default', sessionId }), JSON.stringify({ type: 'last-prompt', lastPrompt: text(12), sessionId }));
    previousReplies = replies;
    const folder = path.join(projects, project);
    mkdirSync(folder, { recursive: true });
    const body = lines.join('\n') + '\n';
    writeFileSync(path.join(folder, `${sessionId}.jsonl`), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}

function timed(label, command, args, env) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr.slice(-2000)}`);
  const field = (name) => result.stderr.match(new RegExp(`${name}: (.+)`))?.[1] ?? '';
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2);
  return {
    wallS: Number(m) * 60 + Number(s),
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    maxRssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    stdout: result.stdout,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const keep = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-usage-'));
if (keep && process.argv.includes('--generate-only')) {
  mkdirSync(keep, { recursive: true });
  console.log(`generated ${(generate(path.join(keep, 'claude')) / 1e6).toFixed(1)} MB in ${keep}`);
  process.exit(0);
}
try {
  const logs = path.join(dir, 'claude');
  const cacheDir = path.join(dir, 'cache');
  const home = path.join(dir, 'home');
  mkdirSync(home);
  const t0 = performance.now();
  const bytes = generate(logs);
  console.log(`generated ${FILES} session files, ${(bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const env = { HOME: home, CLAUDE_CONFIG_DIR: logs, MVP_CACHE_DIR: cacheDir, TZ: 'UTC' };
  const loadAtStart = os.loadavg()[0];
  const nodeStartup = [];
  const runs = { ccusage: [], cold: [], warm: [], warmOtherReport: [], appended: [] };
  let check;
  for (let round = 0; round < ROUNDS; round++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const theirs = timed('ccusage', process.execPath, [ccusage, 'daily', '--json', '--offline'], env);
    const cold = timed('mvp cold', process.execPath, [cli, 'usage', '--format', 'json'], env);
    const warm = timed('mvp warm', process.execPath, [cli, 'usage', '--format', 'json'], env);
    const warmOther = timed('mvp warm, weekly', process.execPath, [cli, 'usage', 'weekly', '--format', 'json'], env);
    // Node's own start-up, the floor of any CLI run, measured the same way in every round.
    nodeStartup.push(timed('node -e 0', process.execPath, ['-e', '0'], env));
    runs.ccusage.push(theirs);
    runs.cold.push(cold);
    runs.warm.push(warm);
    runs.warmOtherReport.push(warmOther);
    const t = JSON.parse(theirs.stdout).totals;
    const o = JSON.parse(cold.stdout).totals.tokens;
    const w = JSON.parse(warm.stdout);
    check = {
      equalToCcusage: t.inputTokens === o.input && t.outputTokens === o.output && t.cacheCreationTokens === o.cacheCreation && t.cacheReadTokens === o.cacheRead,
      // The whole output but the cache counts (which say where the figures came from).
      warmEqualsCold: JSON.stringify({ ...w, cache: undefined }) === JSON.stringify({ ...JSON.parse(cold.stdout), cache: undefined }),
      warmFromCache: w.cache.filesFromCache,
      // Energy sums of the weekly report are added in another order: compare the exact figures.
      weeklyTokensEqualCold: JSON.stringify(JSON.parse(warmOther.stdout).totals.tokens) === JSON.stringify(o) && JSON.parse(warmOther.stdout).totals.requests === JSON.parse(cold.stdout).totals.requests,
      tokens: o,
    };
    console.log(
      `round ${round + 1}: ccusage ${theirs.wallS.toFixed(2)} s, mvp cold ${cold.wallS.toFixed(2)} s, warm ${warm.wallS.toFixed(2)} s, warm weekly ${warmOther.wallS.toFixed(2)} s; equal totals: ${check.equalToCcusage}`,
    );
  }
  // In-process: the same library call the editor makes, JIT warm, Node start-up excluded (it is the
  // same fixed cost for every CLI run). Cold = no cache (every log read); warm = the same call again
  // (nothing changed: the stored report after a stat per log).
  const bundle = path.join(dir, 'usage-lib.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src/core/usage/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
  const inProcessScript = path.join(dir, 'in-process.cjs');
  writeFileSync(inProcessScript, `
    const { collectUsage } = require(${JSON.stringify(bundle)});
    const profiles = require(${JSON.stringify(path.join(dir, 'profiles-lib.cjs'))});
    const registry = profiles.createProfileRegistry(profiles.loadProfilesFromDir(${JSON.stringify(path.join(root, 'model-profiles'))}).profiles);
    const environment = { env: { CLAUDE_CONFIG_DIR: ${JSON.stringify(logs)} }, home: ${JSON.stringify(home)} };
    const cacheDir = ${JSON.stringify(path.join(dir, 'cache-in-process'))};
    const time = (f) => { const t = process.cpuUsage(); const w = performance.now(); f(); const c = process.cpuUsage(t); return { wallS: (performance.now() - w) / 1000, cpuS: (c.user + c.system) / 1e6 }; };
    const out = { cold: [], warm: [] };
    for (let i = 0; i < ${ROUNDS}; i++) {
      require('node:fs').rmSync(cacheDir, { recursive: true, force: true });
      out.cold.push(time(() => collectUsage({ environment, registry, grouping: 'daily', cacheDir })));
      out.warm.push(time(() => collectUsage({ environment, registry, grouping: 'daily', cacheDir })));
    }
    console.log(JSON.stringify(out));
  `);
  await esbuild.build({ entryPoints: [path.join(root, 'src/core/profiles/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(dir, 'profiles-lib.cjs'), logLevel: 'error' });
  const inProcessRun = spawnSync(process.execPath, [inProcessScript], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, cwd: root, maxBuffer: 1 << 24 });
  if (inProcessRun.status !== 0) throw new Error(inProcessRun.stderr);
  const inProcess = JSON.parse(inProcessRun.stdout);
  console.log(`in process: cold ${inProcess.cold.map((r) => r.wallS.toFixed(2)).join(', ')} s; warm ${inProcess.warm.map((r) => r.wallS.toFixed(2)).join(', ')} s`);

  // Append one reply to 1% of the files: only those are read, from where they grew.
  const files = [];
  for (const p of readdirSync(path.join(logs, 'projects'))) for (const f of readdirSync(path.join(logs, 'projects', p))) files.push(path.join(logs, 'projects', p, f));
  for (const file of files.filter((_, i) => i % 100 === 0)) {
    appendFileSync(file, JSON.stringify({ type: 'assistant', timestamp: '2026-12-01T00:00:00.000Z', requestId: `req_x_${file.length}_${statSync(file).size}`, message: { id: `msg_x_${statSync(file).size}`, model: MODELS[0], usage: { input_tokens: 1, output_tokens: 10, cache_read_input_tokens: 20000 } } }) + '\n');
  }
  const appended = timed('mvp appended', process.execPath, [cli, 'usage', '--format', 'json'], env);
  runs.appended.push(appended);
  const appendedCache = JSON.parse(appended.stdout).cache;
  function summary(list) {
    return { medianWallS: median(list.map((r) => r.wallS)), medianCpuS: median(list.map((r) => r.cpuS)), maxRssMb: Math.max(0, ...list.map((r) => r.maxRssMb ?? 0)), wallS: list.map((r) => r.wallS) };
  }
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at the end`,
    files: FILES,
    megabytes: Number((bytes / 1e6).toFixed(1)),
    rounds: ROUNDS,
    ccusage: summary(runs.ccusage),
    mvpCold: summary(runs.cold),
    mvpWarm: summary(runs.warm),
    mvpWarmOtherReport: summary(runs.warmOtherReport),
    nodeStartup: summary(nodeStartup),
    mvpAfterAppendingTo1Percent: { ...summary(runs.appended), cache: appendedCache },
    inProcess: {
      cold: summary(inProcess.cold),
      warm: summary(inProcess.warm),
      warmVsColdWall: Number((median(inProcess.cold.map((r) => r.wallS)) / median(inProcess.warm.map((r) => r.wallS))).toFixed(1)),
      warmVsColdCpu: Number((median(inProcess.cold.map((r) => r.cpuS)) / median(inProcess.warm.map((r) => r.cpuS))).toFixed(1)),
    },
    ratios: {
      coldVsCcusageWall: Number((median(runs.ccusage.map((r) => r.wallS)) / median(runs.cold.map((r) => r.wallS))).toFixed(2)),
      warmVsColdWall: Number((median(runs.cold.map((r) => r.wallS)) / median(runs.warm.map((r) => r.wallS))).toFixed(1)),
      warmVsColdCpu: Number((median(runs.cold.map((r) => r.cpuS)) / median(runs.warm.map((r) => r.cpuS))).toFixed(1)),
      warmOtherReportVsColdWall: Number((median(runs.cold.map((r) => r.wallS)) / median(runs.warmOtherReport.map((r) => r.wallS))).toFixed(1)),
      warmOtherReportVsColdCpu: Number((median(runs.cold.map((r) => r.cpuS)) / median(runs.warmOtherReport.map((r) => r.cpuS))).toFixed(1)),
    },
    check,
  };
  for (const list of Object.values(runs)) for (const r of list) delete r.stdout;
  writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
