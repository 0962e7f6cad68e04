// Long-piece token benchmark: `node bench/tokens/longPieces.mjs [--no-write]` (see longPieces.ts).
import { fileURLToPath } from 'node:url';
import { runTypeScriptBench } from '../runTypeScriptBench.mjs';

runTypeScriptBench(fileURLToPath(import.meta.url), fileURLToPath(new URL('./longPieces.ts', import.meta.url)));
