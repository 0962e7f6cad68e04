// npm run bench: builds, then runs every benchmark in turn; each writes its own section of
// docs/benchmarks.md. Pass names to run only some: `npm run bench -- tokens hook`.
// Benchmarks report ratios against a baseline measured in the same process, never pass/fail.
import { spawnSync } from 'node:child_process';

const all = ['tokens', 'session', 'spreadsheet', 'hook', 'editor', 'context', 'hostile', 'usage'];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  process.exit(2);
}
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
let failed = 0;
for (const name of chosen.length ? chosen : all) {
  console.log(`\n=== bench/${name} ===`);
  // bench/tokens also measures the open model families and long pieces (sections of their own in docs/benchmarks.md).
  const scripts = name === 'tokens' ? ['bench/tokens/run.mjs', 'bench/tokens/families.mjs', 'bench/tokens/longPieces.mjs'] : [`bench/${name}/run.mjs`];
  if (scripts.map((script) => run('node', [script])).some((status) => status !== 0)) {
    failed++;
    console.error(`bench/${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
