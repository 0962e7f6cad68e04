// `mvp hook` as agents run it: a fresh `node dist/cli.js hook` process per prompt, the event on
// stdin. Target: under 300 ms for a typical session on the development machine. Each scenario
// runs as its own process, interleaved round by round so machine noise hits all alike, next to
// two baselines measured in the same run: bare Node start-up, and loading the CLI bundle only.
//   node bench/hook/run.mjs [--runs N] [--no-write]
// Needs the build (npm run build). Writes bench/hook/results.json; docs/benchmarks.md quotes it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = argValue('--runs', 9);
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli) || !existsSync(path.join(root, 'dist', 'ranks'))) {
  console.error('dist/cli.js or dist/ranks/ missing: run `npm run build` first.');
  process.exit(2);
}
const hasTime = existsSync('/usr/bin/time');

const work = mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-hook-'));
// The bundle that isolates the rank table's share lives inside the repository (out/), with the
// rank files copied next to it, as dist/ has them.
const isolated = path.join(root, 'out', 'bench-hook');
try {
  const typical = path.join(root, 'test/fixtures/history/long-session.jsonl');
  const heavy = path.join(work, 'heavy-session.jsonl');
  writeFileSync(heavy, repeatSession(readFileSync(typical, 'utf8'), 5));
  const fixtures = path.join(root, 'test/fixtures/hooks');
  const claudeEvent = (transcript) =>
    JSON.stringify({
      session_id: 'bench',
      transcript_path: transcript,
      cwd: path.join(fixtures, 'workspace'),
      permission_mode: 'default',
      hook_event_name: 'UserPromptSubmit',
      prompt: 'Now add a test for the optional field in test/parseRow.test.ts, following @notes/testing.md.',
    });
  const vscodeEvent = readFileSync(path.join(fixtures, 'vscode/user-prompt-submit.json'), 'utf8').replaceAll('{{fixtures}}', fixtures);

  await esbuild.build({
    entryPoints: { loadRanks: path.join(here, 'loadRanks.ts') },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outdir: isolated, logLevel: 'warning', mainFields: ['module', 'main'],
  });
  cpSync(path.join(root, 'dist', 'ranks'), path.join(isolated, 'ranks'), { recursive: true });

  const sessions = {
    typical: describeSession(typical),
    heavy: describeSession(heavy),
  };
  const scenarios = [
    { id: 'node', name: 'baseline: `node -e 0` (Node start-up)', cmd: [process.execPath, '-e', '0'] },
    { id: 'load', name: 'baseline: `node dist/cli.js --version` (load the CLI bundle)', cmd: [process.execPath, cli, '--version'] },
    { id: 'ranks', name: 'load the o200k_base rank table only (isolated bundle)', cmd: [process.execPath, path.join(isolated, 'loadRanks.js')] },
    { id: 'first', name: 'hook, Claude Code, first prompt (no transcript yet)', cmd: [process.execPath, cli, 'hook'], input: claudeEvent(path.join(work, 'none.jsonl')) },
    { id: 'typical', name: `hook, Claude Code, typical session (${sessions.typical})`, cmd: [process.execPath, cli, 'hook'], input: claudeEvent(typical) },
    { id: 'vscode', name: 'hook, VS Code, Copilot agent transcript (4 requests)', cmd: [process.execPath, cli, 'hook'], input: vscodeEvent },
    { id: 'heavy', name: `hook, Claude Code, heavy session (${sessions.heavy})`, cmd: [process.execPath, cli, 'hook'], input: claudeEvent(heavy) },
  ];

  for (const s of scenarios) {
    const check = spawnSync(s.cmd[0], s.cmd.slice(1), { input: s.input ?? '', encoding: 'utf8' });
    if (check.status !== 0 || (s.input && !/systemMessage/.test(check.stdout))) {
      throw new Error(`${s.name} did not work: rc=${check.status} stdout=${check.stdout.slice(0, 200)} stderr=${check.stderr.slice(0, 400)}`);
    }
    s.ms = [];
    s.rssKb = [];
  }
  for (let round = 0; round < RUNS; round++) {
    for (const s of scenarios) {
      const cmd = hasTime ? ['/usr/bin/time', '-f', '%M', ...s.cmd] : s.cmd;
      const started = process.hrtime.bigint();
      const run = spawnSync(cmd[0], cmd.slice(1), { input: s.input ?? '', encoding: 'utf8' });
      s.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (hasTime) s.rssKb.push(Number(run.stderr.trim().split('\n').at(-1)));
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const node = median(scenarios[0].ms);
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  console.log(`Run ${stamp} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${RUNS} runs each (median, min–max), wall time of the whole process:`);
  console.log('');
  console.log('| Scenario | Median | Min–max | × Node start-up | Peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const s of scenarios) {
    const m = median(s.ms);
    const rss = s.rssKb.length ? `${Math.round(median(s.rssKb) / 1024)} MB` : '–';
    console.log(`| ${s.name} | ${m.toFixed(0)} ms | ${Math.min(...s.ms).toFixed(0)}–${Math.max(...s.ms).toFixed(0)} ms | ${(m / node).toFixed(1)} | ${rss} |`);
  }
  const typicalMs = median(scenarios.find((s) => s.id === 'typical').ms);
  console.log('');
  console.log(`Typical session: ${typicalMs.toFixed(0)} ms (target 300 ms: ${typicalMs <= 300 ? 'met' : 'not met'}).`);
  if (!process.argv.includes('--no-write')) {
    writeFileSync(
      path.join(here, 'results.json'),
      JSON.stringify({ date: stamp, node: process.version, cpus: os.cpus().length, runs: RUNS, cliBytes: statSync(cli).size, scenarios: scenarios.map(({ id, name, ms, rssKb }) => ({ id, name, ms, rssKb, medianMs: median(ms) })) }, null, 2) + '\n',
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The same conversation `times` times over (message ids made unique), for a longer session of the same shape. */
function repeatSession(text, times) {
  const copies = [];
  for (let i = 0; i < times; i++) copies.push(text.replace(/"msg_/g, `"msg_r${i}_`).replace(/"type":"summary"[^\n]*\n/, ''));
  return copies.join('');
}

function describeSession(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const replies = new Set(lines.map((l) => /"id":"(msg_[^"]+)"/.exec(l)?.[1]).filter(Boolean)).size;
  return `${replies} requests, ${(statSync(file).size / 1024).toFixed(0)} KB`;
}
