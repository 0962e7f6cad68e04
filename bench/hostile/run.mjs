// Hostile-input benchmark: `node bench/hostile/run.mjs [--no-write]` (see run.ts). It needs
// --expose-gc to measure memory, so it re-runs itself with that flag.
import { fileURLToPath } from 'node:url';
import { runTypeScriptBench } from '../runTypeScriptBench.mjs';

runTypeScriptBench(fileURLToPath(import.meta.url), fileURLToPath(new URL('./run.ts', import.meta.url)));
