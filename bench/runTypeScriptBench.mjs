// Shared launcher of the TypeScript benchmarks (bench/<name>/run.mjs → run.ts): they need
// --expose-gc (to collect garbage between measurements), so the launcher re-runs itself with that
// flag, then compiles the benchmark on the fly with esbuild-register.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export function runTypeScriptBench(launcherPath, benchPath) {
  if (typeof globalThis.gc !== 'function') {
    const result = spawnSync(process.execPath, ['--expose-gc', launcherPath, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
  }
  const require = createRequire(launcherPath);
  require('esbuild-register/dist/node').register({ target: 'node20' });
  require(benchPath);
}
