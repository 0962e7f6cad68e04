// Precision benchmark over the real-world corpus: `node bench/precision/run.mjs [--no-write] [--dump]`
// (see run.ts). TypeScript over the sources, compiled on the fly by esbuild-register.
import { fileURLToPath } from 'node:url';
import { runTypeScriptBench } from '../runTypeScriptBench.mjs';

runTypeScriptBench(fileURLToPath(import.meta.url), fileURLToPath(new URL('./run.ts', import.meta.url)));
