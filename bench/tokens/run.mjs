// Token counting benchmark: `node bench/tokens/run.mjs [--no-write]` (see run.ts).
// The benchmark is TypeScript over the sources; esbuild-register compiles it on the fly. It needs
// --expose-gc (to collect garbage between libraries), so it re-runs itself with that flag.
import { fileURLToPath } from 'node:url';
import { runTypeScriptBench } from '../runTypeScriptBench.mjs';

runTypeScriptBench(fileURLToPath(import.meta.url), fileURLToPath(new URL('./run.ts', import.meta.url)));
