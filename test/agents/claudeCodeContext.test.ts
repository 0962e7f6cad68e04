/**
 * `mvp context` against the real Claude Code client: the fixture project (CLAUDE.md with an
 * @import, a skill, the filesystem MCP server from npm) is analysed, then `claude -p` is run offline
 * against the Messages API stand-in, and the request it really sent is split into the same items
 * and counted with the same tokenizer. Total within ±15 %, each item within ±25 %.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseAgentContext } from '../../src/core/agentContext/analyseAgentContext';
import type { AgentContext } from '../../src/core/agentContext/agentContextTypes';
import { profileRegistryFor } from '../../src/core/analyse';
import { countForProfile } from '../../src/core/tokens/countForProfile';
import {
  captureFirstRequest,
  claudeCodeInstalled,
  claudeCodeVersion,
  FILESYSTEM_MCP_BIN,
  freshHome,
} from './driveClaudeCode';
import { mergeParts, splitClaudeCodeRequest, type CapturedRequest } from './claudeCodeRequestParts';

const MODEL = 'claude-sonnet-4-5';

function writeProject(root: string): string {
  const project = path.join(root, 'project');
  fs.mkdirSync(path.join(project, 'docs'), { recursive: true });
  fs.mkdirSync(path.join(project, '.claude', 'skills', 'csv-summary'), { recursive: true });
  fs.writeFileSync(
    path.join(project, 'CLAUDE.md'),
    '# Project notes\n\nThis is a small TypeScript CLI that summarises CSV files. Use `npm test` to run the tests and\n`npm run build` to build. Keep functions small and name them after what they return.\n\nSee @docs/architecture.md for how the parts fit together.\n',
  );
  fs.writeFileSync(
    path.join(project, 'docs', 'architecture.md'),
    '# Architecture\n\n- `src/read.ts` reads a CSV file into rows (papaparse), reporting malformed lines with their number.\n- `src/summarise.ts` computes per-column statistics: count, distinct values, min, max, mean.\n- `src/print.ts` prints the summary as a table or as JSON (`--format json`).\n\nErrors are values, never thrown across module boundaries. Tests live beside the code as `*.test.ts`.\n',
  );
  fs.writeFileSync(
    path.join(project, '.claude', 'skills', 'csv-summary', 'SKILL.md'),
    '---\nname: csv-summary\ndescription: Summarise a CSV file column by column (counts, distinct values, ranges) before answering questions about it.\n---\n\n# CSV summary\n\nRun `node dist/cli.js summarise FILE --format json` and read the output before answering.\n',
  );
  fs.writeFileSync(
    path.join(project, '.mcp.json'),
    JSON.stringify({ mcpServers: { filesystem: { command: FILESYSTEM_MCP_BIN, args: [project] } } }, null, 2),
  );
  execFileSync('git', ['init', '-q', project]);
  return project;
}

/** The comparison key of an `mvp context` item, in the request splitter's terms. */
function keyOf(item: AgentContext['items'][number]): string {
  if (item.kind === 'memory') return `memory:${item.path}`;
  if (item.kind === 'skills') return `skills:${item.name.replace(/^skill /, '')}`;
  if (item.kind === 'mcp') return `mcp:${item.name.replace(/^MCP server /, '')}`;
  return item.kind;
}

describe('mvp context against the real Claude Code client (offline, loopback stand-in)', function () {
  this.timeout(180_000);
  let root: string;
  let context: AgentContext;
  let measured: Map<string, number>;
  let version: string;
  let project: string;
  let home: string;

  before(async function () {
    if (!claudeCodeInstalled()) {
      console.log('    skipped: @anthropic-ai/claude-code is not installed (npm ci installs it as a devDependency)');
      this.skip();
    }
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-agent-context-'));
    project = writeProject(root);
    home = freshHome(root);
    version = await claudeCodeVersion();
    // Analysed first, so that no log of the client's run below is there to learn from: the baseline path is what is checked.
    context = await analyseAgentContext({
      folder: project,
      agent: 'claude-code',
      model: MODEL,
      home,
      probeMcp: true,
      cacheDir: path.join(root, 'cache'),
      useLogs: false,
    });
    const profile = profileRegistryFor().resolve(MODEL).profile;
    // The stand-in reports usage counted like mvp counts, so the session log this run leaves is one mvp can learn from.
    const countInputTokens = (request: unknown) =>
      splitClaudeCodeRequest(request as CapturedRequest, ['csv-summary']).reduce(
        (n, part) => n + countForProfile(profile, part.text).tokens,
        0,
      );
    const { body } = await captureFirstRequest({ project, home, prompt: 'hello there', countInputTokens });
    fs.writeFileSync(path.join(root, 'request.json'), JSON.stringify(body, null, 2));
    measured = new Map(
      [...mergeParts(splitClaudeCodeRequest(body as CapturedRequest, ['csv-summary']))].map(([key, text]) => [
        key,
        countForProfile(profile, text).tokens,
      ]),
    );
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds every part of the real request, and nothing the client did not send', () => {
    const ours = new Set(context.items.map(keyOf));
    const theirs = new Set([...measured.keys()].filter((k) => k !== 'prompt'));
    assert.deepEqual(
      [...ours].sort(),
      [...theirs].sort(),
      `mvp context items vs request parts (Claude Code ${version})`,
    );
    assert.deepEqual(
      context.items.filter((i) => i.problem).map((i) => `${i.name}: ${i.problem}`),
      [],
    );
  });

  it('counts the total within ±15 % of the real request (prompt excluded)', () => {
    const real = [...measured].filter(([k]) => k !== 'prompt').reduce((n, [, t]) => n + t, 0);
    const ratio = context.total.tokens / real;
    if (process.env.MVP_DEBUG)
      console.log(
        `    mvp context ${context.total.tokens} vs request ${real} tokens; per item: ${context.items.map((i) => `${keyOf(i)} ${i.tokens}/${measured.get(keyOf(i))}`).join(', ')}`,
      );
    assert.ok(
      Math.abs(ratio - 1) <= 0.15,
      `mvp context ${context.total.tokens} vs request ${real} tokens (ratio ${ratio.toFixed(3)}, Claude Code ${version})`,
    );
  });

  it('counts each item within ±25 % of its part of the real request', () => {
    const ours = new Map<string, number>();
    for (const item of context.items) ours.set(keyOf(item), (ours.get(keyOf(item)) ?? 0) + item.tokens);
    const off = [...ours]
      .map(([key, tokens]) => ({ key, tokens, real: measured.get(key) ?? 0 }))
      .filter(({ tokens, real }) => real === 0 || Math.abs(tokens / real - 1) > 0.25)
      .map(({ key, tokens, real }) => `${key}: ours ${tokens}, request ${real}`);
    assert.deepEqual(off, [], `items outside ±25 % (Claude Code ${version})`);
  });

  it("learns the built-in load from the session log the client wrote (usage of its first request minus the folder's items)", async () => {
    const learned = await analyseAgentContext({
      folder: project,
      agent: 'claude-code',
      model: MODEL,
      home,
      cacheDir: path.join(root, 'cache'),
    });
    const item = learned.items.find((i) => i.source === 'learned');
    assert.ok(item, `no learned item; notes: ${learned.notes.join(' | ')}`);
    assert.ok(!learned.items.some((i) => i.source === 'baseline'), 'the learned load replaces the baseline');
    const builtIn = ['system', 'tools', 'messages'].reduce((n, key) => n + (measured.get(key) ?? 0), 0);
    const ratio = item.tokens / builtIn;
    if (process.env.MVP_DEBUG)
      console.log(
        `    learned ${item.tokens} vs built-in parts ${builtIn}; total ${learned.total.tokens} vs ${context.total.tokens}`,
      );
    assert.ok(
      Math.abs(ratio - 1) <= 0.05,
      `learned ${item.tokens} vs the request's built-in parts ${builtIn} (ratio ${ratio.toFixed(3)})`,
    );
    assert.ok(
      Math.abs(learned.total.tokens / context.total.tokens - 1) <= 0.05,
      `learned total ${learned.total.tokens} vs baseline total ${context.total.tokens}`,
    );
  });
});
