import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInit } from '../../../src/cli/commands/init';
import { loadConfigFor } from '../../../src/core/config/loadConfig';
import { removeTempTrees, tempTree } from '../config/tempTree';

async function init(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInit(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('mvp init', () => {
  afterEach(removeTempTrees);

  it('writes a commented starter config that loads without problems', async () => {
    const root = tempTree({});
    const r = await init(root, '--model', 'claude-sonnet-4-5');
    assert.equal(r.code, 0);
    const text = readFileSync(path.join(root, '.mvp.jsonc'), 'utf8');
    assert.match(text, /^\/\/ Minimal Viable Prompt/);
    const config = loadConfigFor(root, { trusted: true });
    assert.deepEqual(config.problems, []);
    assert.equal(config.model, 'claude-sonnet-4-5');
    assert.equal(config.rules['oversized-model'].severity, 'off');
  });

  it('never overwrites an existing config (.mvp.jsonc or .mvp.json)', async () => {
    for (const name of ['.mvp.jsonc', '.mvp.json']) {
      const root = tempTree({ [name]: '{ "model": "mine" }' });
      const r = await init(root);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /already exists; it was left unchanged/);
      assert.equal(readFileSync(path.join(root, name), 'utf8'), '{ "model": "mine" }');
    }
  });

  it('writes into a given folder; a missing folder is exit 2', async () => {
    const root = tempTree({ 'sub/keep.txt': 'x' });
    assert.equal((await init(root, 'sub')).code, 0);
    writeFileSync(path.join(root, 'sub', 'keep.txt'), 'x');
    assert.equal((await init(root, 'nope')).code, 2);
  });
});
