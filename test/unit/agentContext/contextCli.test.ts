import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: process.cwd(),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

describe('mvp context and mvp statusline', () => {
  let root: string;
  const saved = { HOME: process.env.HOME, MVP_CACHE_DIR: process.env.MVP_CACHE_DIR };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-context-cli-'));
    process.env.HOME = path.join(root, 'home');
    process.env.MVP_CACHE_DIR = path.join(root, 'cache');
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('prints the documented JSON: agent, model, total {tokens, wh}, items [{kind, name, path?, tokens, wh}]', async () => {
    fs.writeFileSync(path.join(root, 'CLAUDE.md'), 'Use npm test.\n');
    const { code, stdout } = await run(['context', root, '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.agent, 'claude-code');
    assert.equal(json.model, 'claude-sonnet-4-5');
    assert.ok(json.total.tokens > 1000);
    for (const bound of ['low', 'central', 'high']) assert.equal(typeof json.total.wh[bound], 'number');
    const kinds = new Set(['system', 'tools', 'mcp', 'memory', 'instructions', 'skills', 'messages']);
    for (const item of json.items) {
      assert.ok(kinds.has(item.kind), item.kind);
      assert.equal(typeof item.name, 'string');
      assert.equal(typeof item.tokens, 'number');
      assert.equal(typeof item.wh.central, 'number');
    }
    assert.ok(
      json.items.some(
        (i: { kind: string; path?: string }) => i.kind === 'memory' && i.path === path.join(root, 'CLAUDE.md'),
      ),
    );
  });

  it('text output lists items largest first with their origin, and the notes', async () => {
    const { code, stdout } = await run(['context', root, '--agent', 'claude-code']);
    assert.equal(code, 0);
    assert.match(stdout, /Sent with every request before you type a word: [\d,]+ tokens/);
    assert.match(stdout, /Note: built-in load: baseline measured with claude-code/);
  });

  it('a folder that does not exist is a usage error', async () => {
    const { code, stderr } = await run(['context', path.join(root, 'nope')]);
    assert.equal(code, 2);
    assert.match(stderr, /is not a folder/);
  });

  it('statusline: tokens and Wh of the session from the transcript, and context use', async () => {
    const transcript = path.join(root, 's.jsonl');
    const entry = (id: string, input: number, cacheRead: number) =>
      JSON.stringify({
        type: 'assistant',
        message: {
          id,
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [],
          usage: { input_tokens: input, cache_read_input_tokens: cacheRead, output_tokens: 100 },
        },
      });
    fs.writeFileSync(
      transcript,
      [entry('a', 20_000, 0), entry('a', 20_000, 0), entry('b', 500, 20_000)].join('\n') + '\n',
    );
    const status = {
      model: { id: 'claude-sonnet-4-5' },
      transcript_path: transcript,
      context_window: { context_window_size: 200_000, used_percentage: 10.4 },
    };
    const { code, stdout } = await run(['statusline'], JSON.stringify(status));
    assert.equal(code, 0);
    assert.match(stdout, /^⚡ 40\.7k tokens · [\d.]+ m?Wh \(.+\) · context 10 % · 2 requests\n$/);
  });

  it('statusline never fails the status line on bad input', async () => {
    const { code, stdout } = await run(['statusline'], 'not json');
    assert.equal(code, 0);
    assert.match(stdout, /unreadable/);
  });
});
