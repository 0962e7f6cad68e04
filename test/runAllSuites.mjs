// Runs every test suite (type check, build, lint, format, unit, webview in Chromium, real VS Code) and prints one
// closing line "N passed, N failed" with the totals, which CI reads. Output streams live.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'type check', command: 'npx', args: ['tsc', '-p', '.', '--noEmit'], gate: true },
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'], gate: true },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'], gate: true },
  { name: 'format', command: 'npm', args: ['run', '--silent', 'format:check'], gate: true },
  { name: 'unit', command: 'npm', args: ['run', '--silent', 'test:unit'] },
  // Real agent clients from npm (Claude Code) driven offline against a loopback stand-in of their API.
  { name: 'agents (real clients, offline)', command: 'npx', args: ['mocha', 'test/agents/**/*.test.ts'] },
  { name: 'webview (Chromium)', command: 'node', args: ['test/webview/run.mjs'] },
  { name: 'real VS Code', command: 'bash', args: ['test/integration/runInVscode.sh'] },
];

function run(suite) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${suite.name} ===\n`);
    const child = spawn(suite.command, suite.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function sumIn(text, re) {
  return [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
}

let passed = 0;
let failed = 0;
for (const suite of suites) {
  const { code, output } = await run(suite);
  if (suite.gate) {
    if (code === 0) {
      passed += 1;
    } else {
      failed += 1;
      console.log(`\n${suite.name} failed (exit ${code}).`);
    }
    continue;
  }
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const p = sumIn(plain, /^\s*(\d+) passing\b/gm);
  let f = sumIn(plain, /^\s*(\d+) failing\b/gm);
  if (code !== 0 && f === 0) {
    f = 1; // crashed or failed outside mocha's accounting: never report it as green
    console.log(`\n${suite.name} exited with code ${code} without a failing count; counted as 1 failure.`);
  }
  passed += p;
  failed += f;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
