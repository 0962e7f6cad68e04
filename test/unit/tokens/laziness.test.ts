import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Runs a script in a fresh Node (with esbuild-register, as the tests) and returns its JSON output. */
function inFreshProcess(script: string): unknown {
  const output = execFileSync(process.execPath, ['-r', 'esbuild-register', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop() as string);
}

describe('lazy loading of encodings', () => {
  it('importing the token modules and getting a counter loads no rank file; a count loads only its encoding', () => {
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
