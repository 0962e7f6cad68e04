// `mvp context` as a user or a status script runs it: a fresh `node dist/cli.js context FOLDER`
// process, MCP tools from a warm cache (no server started). Target: under 300 ms on the development
// machine. Interleaved round by round with two baselines measured in the same run: bare Node
// start-up and the CLI's dispatcher alone (`mvp --version`, which loads no command bundle; since
// the CLI is split per command, `mvp context` loads dist/cli-context.js only); medians and ratios.
//   node bench/context/run.mjs [--runs N] [--no-write]
// Needs the build (npm run build). Writes bench/context/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js missing: run `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'mvp-bench-context-'));
try {
  const project = path.join(work, 'project');
  const write = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  // A folder like the one of issue 13: memory with an import, rules, a skill, two MCP servers.
  write(
    path.join(project, 'CLAUDE.md'),
    `# Notes\n\n${'Keep functions small and name them after what they return. '.repeat(40)}\nSee @docs/architecture.md.\n`,
  );
  write(
    path.join(project, 'docs', 'architecture.md'),
    `# Architecture\n\n${'The reader turns CSV rows into records; the printer formats them. '.repeat(60)}\n`,
  );
  write(path.join(project, '.claude', 'rules', 'testing.md'), 'Every change comes with a test.\n');
  write(
    path.join(project, '.claude', 'skills', 'csv', 'SKILL.md'),
    '---\nname: csv\ndescription: Summarise a CSV file before answering questions about it.\n---\nBody.\n',
  );
  const server = path.join(root, 'test', 'fixtures', 'agentContext', 'fakeMcpServer.mjs');
  write(
    path.join(project, '.mcp.json'),
    JSON.stringify({
      mcpServers: {
        notes: { command: process.execPath, args: [server, 'ok'] },
        more: { command: process.execPath, args: [server, 'noisy'] },
      },
    }),
  );
  const env = { ...process.env, HOME: path.join(work, 'home'), MVP_CACHE_DIR: path.join(work, 'cache') };
  // A Claude Code transcript of 20 requests, as the statusLine JSON points to it.
  const transcript = path.join(work, 'session.jsonl');
  const usage = (i) => ({ input_tokens: 200, cache_read_input_tokens: 15_000 + i * 800, output_tokens: 300 });
  const entry = (i) => ({
    type: 'assistant',
    message: { id: `msg_${i}`, role: 'assistant', model: 'claude-sonnet-4-5', content: [], usage: usage(i) },
  });
  writeFileSync(transcript, Array.from({ length: 20 }, (_, i) => JSON.stringify(entry(i))).join('\n') + '\n');
  const statusInput = JSON.stringify({
    model: { id: 'claude-sonnet-4-5' },
    transcript_path: transcript,
    context_window: { context_window_size: 200_000, used_percentage: 16 },
  });
  const statuslineBundle = path.join(root, 'dist', 'statusline.js');
  const warm = spawnSync(process.execPath, [cli, 'context', project, '--probe-mcp', '--format', 'json'], {
    env,
    encoding: 'utf8',
  });
  const warmed = warm.status === 0 ? JSON.parse(warm.stdout) : undefined;
  if (!warmed || warmed.items.filter((i) => i.source === 'mcp-probe').length !== 2)
    throw new Error(`warming the MCP cache failed: ${warm.stderr || warm.stdout.slice(0, 300)}`);

  const scenarios = [
    { id: 'node', name: 'baseline: `node -e 0` (Node start-up)', args: ['-e', '0'] },
    {
      id: 'load',
      name: 'baseline: `node dist/cli.js --version` (the dispatcher, no command bundle)',
      args: [cli, '--version'],
    },
    {
      id: 'context',
      name: 'mvp context, Claude Code folder, warm MCP cache (2 servers)',
      args: [cli, 'context', project, '--format', 'json'],
    },
    {
      id: 'statusline-cli',
      name: '`mvp statusline` through the CLI: dispatcher + cli-statusline.js (20-request transcript)',
      args: [cli, 'statusline'],
      input: statusInput,
    },
    {
      id: 'statusline',
      name: '`dist/statusline.js`, its own bundle (target < 100 ms over Node start-up)',
      args: [statuslineBundle],
      input: statusInput,
    },
  ].map((s) => ({ ...s, ms: [] }));
  for (let round = 0; round < RUNS; round++) {
    for (const s of scenarios) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, s.args, { env, encoding: 'utf8', input: s.input ?? '' });
      if (s.input && !/20 requests/.test(run.stdout)) throw new Error(`${s.name}: unexpected output ${run.stdout}`);
      s.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (run.status !== 0) throw new Error(`${s.name}: exit ${run.status} ${run.stderr}`);
      if (s.id === 'context' && !JSON.parse(run.stdout).items.some((i) => i.source === 'mcp-cache'))
        throw new Error('the MCP cache was not used');
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const byId = Object.fromEntries(scenarios.map((s) => [s.id, median(s.ms)]));
  const results = {
    date: new Date().toISOString().slice(0, 10),
    runs: RUNS,
    node: process.version,
    cpus: os.cpus().length,
    target: 'mvp context with a warm MCP cache under 300 ms; the status line under 100 ms over Node start-up',
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, medianMs: Math.round(median(s.ms) * 10) / 10 })),
    contextOverBundleLoad: Math.round((byId.context / byId.load) * 100) / 100,
    contextWorkMs: Math.round((byId.context - byId.load) * 10) / 10,
    contextOverNodeMs: Math.round((byId.context - byId.node) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    statuslineOverNodeMs: Math.round((byId.statusline - byId.node) * 10) / 10,
    statuslineCliOverNodeMs: Math.round((byId['statusline-cli'] - byId.node) * 10) / 10,
  };
  for (const s of results.scenarios) console.log(`${String(s.medianMs).padStart(8)} ms  ${s.name}`);
  console.log(
    `mvp context: ${results.contextOverNodeMs} ms over Node start-up, ${results.contextWorkMs} ms over the dispatcher (×${results.contextOverBundleLoad}); target < 300 ms in all`,
  );
  console.log(
    `statusline: ${results.statuslineOverNodeMs} ms over Node start-up with its own bundle, ${results.statuslineCliOverNodeMs} ms through the CLI; target < 100 ms`,
  );
  if (!process.argv.includes('--no-write'))
    writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
