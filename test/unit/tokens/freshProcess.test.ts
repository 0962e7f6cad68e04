// Checks that need a fresh Node process: what importing loads, and memory over an editing session.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Runs a script in a fresh Node (with esbuild-register, as the tests) and returns its JSON output. */
function inFreshProcess(script: string, nodeFlags: string[] = []): unknown {
  const output = execFileSync(process.execPath, [...nodeFlags, '-r', 'esbuild-register', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop() as string);
}

describe('lazy loading of encodings', () => {
  it('importing the token modules and getting a counter loads no rank file; a count loads only its encoding @slow', () => {
    const result = inFreshProcess(`
      const rankModules = () => Object.keys(require.cache).filter((file) => /ranks/.test(file) && !/src.core.tokens/.test(file));
      const { getTokenCounter } = require('./src/core/tokens/tokenCounter');
      require('./src/core/tokens/incrementalDocumentCount');
      require('./src/core/tokens/countForProfile');
      const { loadedEncodings } = require('./src/core/tokens/loadRankTable');
      const afterImport = { loaded: loadedEncodings(), modules: rankModules() };
      const counter = getTokenCounter('o200k_base');
      const afterGet = loadedEncodings();
      const tokens = counter.count('hello world');
      console.log(JSON.stringify({ afterImport, afterGet, afterCount: loadedEncodings(), modulesAfterCount: rankModules(), tokens }));
    `) as { afterImport: { loaded: string[]; modules: string[] }; afterGet: string[]; afterCount: string[]; modulesAfterCount: string[]; tokens: number };
    assert.deepEqual(result.afterImport, { loaded: [], modules: [] });
    assert.deepEqual(result.afterGet, []);
    assert.deepEqual(result.afterCount, ['o200k_base']);
    assert.equal(result.modulesAfterCount.length, 1, 'only the o200k_base rank module is read');
    assert.match(result.modulesAfterCount[0], /o200k_base/);
    assert.equal(result.tokens, 2);
  });
});

describe('lazy loading of the open families', () => {
  it('a count with one family loads that family only, from its own source', () => {
    const result = inFreshProcess(`
      const { getTokenCounter } = require('./src/core/tokens/tokenCounter');
      const { loadedEncodings } = require('./src/core/tokens/loadRankTable');
      const sources = () => Object.keys(require.cache).filter((file) => /js-tiktoken.ranks|tokenizer\\.json|tekken/.test(file));
      const tokens = getTokenCounter('tekken').count('hello world');
      console.log(JSON.stringify({ loaded: loadedEncodings(), modules: sources(), tokens }));
    `) as { loaded: string[]; modules: string[]; tokens: number };
    assert.deepEqual(result.loaded, ['tekken']);
    assert.deepEqual(result.modules, [], 'no rank module is required (the Tekken listing is read as a file)');
    assert.equal(result.tokens, 2);
  });
});

describe('memory over an editing session', () => {
  it('cached chunks do not keep every past version of a large document alive @slow', () => {
    // Each edit makes a new 1 MB text; a cached chunk sliced from it would pin it in memory.
    const result = inFreshProcess(`
      const { IncrementalDocumentCount } = require('./src/core/tokens/incrementalDocumentCount');
      const { createTokenCounter } = require('./src/core/tokens/tokenCounter');
      const text = 'Summarise the attached report and list each outlier with its region.\\n'.repeat(14000);
      const document = new IncrementalDocumentCount(createTokenCounter('cl100k_base'), text);
      global.gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 300; i++) document.applyEdit((i * 3331) % 900000, 0, 'x' + i);
      global.gc();
      console.log(JSON.stringify({ growthMb: (process.memoryUsage().heapUsed - before) / 1e6, textMb: text.length / 1e6 }));
    `, ['--expose-gc']) as { growthMb: number; textMb: number };
    assert.ok(result.textMb > 0.9);
    assert.ok(result.growthMb < 60, `heap grew by ${result.growthMb.toFixed(0)} MB over 300 edits of a ${result.textMb.toFixed(1)} MB document`);
  });
});
