import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTokens } from '../../../src/cli/commands/tokens';

async function tokensJson(args: string[], cwd: string) {
  let out = '';
  const code = await runTokens([...args, '--format', 'json'], { stdout: (t) => (out += t), stderr: () => {}, cwd });
  assert.equal(code, 0);
  return JSON.parse(out) as { model: string; modelSource: string; tokens: number };
}

describe('mvp tokens: which model counts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mvp-tokens-'));
    mkdirSync(path.join(dir, 'prompts'));
    writeFileSync(
      path.join(dir, 'prompts', 'ask.md'),
      'Summarise the attached release notes in three bullet points.\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the default model when nothing names one', async () => {
    const result = await tokensJson(['prompts/ask.md'], dir);
    assert.equal(result.model, 'gpt-4o');
    assert.equal(result.modelSource, 'default');
  });

  it("uses the team config's model for a file under it, like mvp analyse does", async () => {
    writeFileSync(path.join(dir, '.mvp.json'), JSON.stringify({ model: 'llama-3.1-8b' }));
    const result = await tokensJson(['prompts/ask.md'], dir);
    assert.equal(result.model, 'llama-3.1-8b');
    assert.equal(result.modelSource, 'config');
  });

  it('lets --model win over the team config', async () => {
    writeFileSync(path.join(dir, '.mvp.json'), JSON.stringify({ model: 'llama-3.1-8b' }));
    const result = await tokensJson(['prompts/ask.md', '--model', 'gpt-4o-mini'], dir);
    assert.equal(result.model, 'gpt-4o-mini');
    assert.equal(result.modelSource, 'explicit');
  });
});
