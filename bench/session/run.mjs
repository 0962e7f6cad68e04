// Session benchmark: `node bench/session/run.mjs [--no-write]` (see run.ts). It needs --expose-gc to
// measure retained memory, so it re-runs itself with that flag.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const require = createRequire(import.meta.url);
require('esbuild-register/dist/node').register({ target: 'node20' });
require('./run.ts');
