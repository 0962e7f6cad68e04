// Open-family tokenizer benchmark: `node bench/tokens/families.mjs [--no-write]` (see families.ts).
import { fileURLToPath } from 'node:url';
import { runTypeScriptBench } from '../runTypeScriptBench.mjs';

runTypeScriptBench(fileURLToPath(import.meta.url), fileURLToPath(new URL('./families.ts', import.meta.url)));
