/** `mvp hook` as its own process, with the event on real stdin: what an agent actually runs. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { payload } from './hookKit';

const main = path.resolve(__dirname, '../../../src/cli/main.ts');

function run(stdin: string, args: string[] = []) {
  return spawnSync(process.execPath, ['-r', 'esbuild-register', main, 'hook', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
}

describe('mvp hook as a process', () => {
  it('reads the event from stdin and answers with one JSON object on stdout, exit 0 @slow', () => {
    const result = run(payload('vscode'));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1);
    assert.match(JSON.parse(result.stdout).systemMessage, /^MVP: this request sends/);
  });

  it('exits 0 with empty stdout when the event is garbage @slow', () => {
    const result = run('\u0000\u0001 not an event');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^mvp hook: the hook event on stdin is not JSON/);
  });
});
