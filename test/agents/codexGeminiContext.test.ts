/**
 * `mvp context` against the real Codex CLI and Gemini CLI, each driven offline against a loopback
 * stand-in of its API (Responses API, Gemini API): the request it really sent is split into the
 * same items and counted with the same tokenizer. Total within ±15 %, each item within ±25 %.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentContext } from '../../src/core/agentContext/agentContextTypes';
import { profileRegistryFor } from '../../src/core/analyse';
import { countForProfile } from '../../src/core/tokens/countForProfile';
import { mergeParts, type RequestPart } from './claudeCodeRequestParts';
import { splitCodexRequest, type CodexRequest } from './codexRequestParts';
import { FILESYSTEM_MCP_BIN } from './driveClaudeCode';
import { captureCodexRequest, codexInstalled, codexVersion, freshCodexHome } from './driveCodex';
import { captureGeminiRequest, freshGeminiHome, geminiInstalled, geminiVersion } from './driveGeminiCli';
import { splitGeminiRequest, type GeminiRequest } from './geminiRequestParts';
import { oursAndSent } from './oursAndSent';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const SKILL = (name: string) =>
  `---\nname: ${name}\ndescription: Summarise a CSV file column by column (counts, distinct values, ranges) before answering questions about it.\n---\n\n# CSV summary\n\nRun the summariser and read its output first.\n`;
const PROJECT_NOTES =
  '# Project notes\n\nThis is a small TypeScript CLI that summarises CSV files. Use `npm test` to run the tests and\n`npm run build` to build. Keep functions small and name them after what they return.\n\nErrors are values, never thrown across module boundaries. Tests live beside the code as `*.test.ts`.\n';
const GLOBAL_NOTES = 'Answer in British English. Prefer small, reviewable changes and say which tests you ran.\n';

function keyOf(item: AgentContext['items'][number]): string {
  if (item.kind === 'instructions' || item.kind === 'memory') return `instructions:${item.path}`;
  if (item.kind === 'skills') return `skills:${item.name.replace(/^skill /, '')}`;
  if (item.kind === 'mcp') return `mcp:${item.name.replace(/^MCP server /, '')}`;
  return item.kind;
}

function compare(context: AgentContext, parts: RequestPart[], model: string, client: string): void {
  const profile = profileRegistryFor().resolve(model).profile;
  const measured = new Map(
    [...mergeParts(parts.map((p) => (p.kind === 'memory' ? { ...p, kind: 'instructions' as const } : p)))].map(
      ([key, text]) => [key, countForProfile(profile, text).tokens],
    ),
  );
  const ours = new Map<string, number>();
  for (const item of context.items) ours.set(keyOf(item), (ours.get(keyOf(item)) ?? 0) + item.tokens);
  const theirs = [...measured.keys()].filter((k) => k !== 'prompt');
  assert.deepEqual([...ours.keys()].sort(), theirs.sort(), `${client}: mvp context items vs request parts`);
  const real = theirs.reduce((n, k) => n + measured.get(k)!, 0);
  const ratio = context.total.tokens / real;
  if (process.env.MVP_DEBUG)
    console.log(
      `    ${client}: mvp context ${context.total.tokens} vs request ${real}; ${[...ours].map(([k, t]) => `${k} ${t}/${measured.get(k)}`).join(', ')}`,
    );
  assert.ok(
    Math.abs(ratio - 1) <= 0.15,
    `${client}: total ${context.total.tokens} vs ${real} (ratio ${ratio.toFixed(3)})`,
  );
  const off = [...ours]
    .filter(([k, t]) => Math.abs(t / measured.get(k)! - 1) > 0.25)
    .map(([k, t]) => `${k}: ours ${t}, request ${measured.get(k)}`);
  assert.deepEqual(off, [], `${client}: items outside ±25 %`);
  assert.deepEqual(
    context.items.filter((i) => i.problem).map((i) => `${i.name}: ${i.problem}`),
    [],
  );
}

describe('mvp context against the real Codex CLI (offline, Responses API stand-in)', function () {
  this.timeout(180_000);
  let root: string;
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('itemises global and project AGENTS.md, a skill, an MCP server and the built-in load within tolerance', async function () {
    if (!codexInstalled()) {
      console.log('    skipped: @openai/codex is not installed (npm ci installs it as a devDependency)');
      this.skip();
    }
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-codex-context-'));
    const project = path.join(root, 'project');
    write(path.join(project, 'AGENTS.md'), PROJECT_NOTES);
    write(path.join(project, '.agents', 'skills', 'csv-summary', 'SKILL.md'), SKILL('csv-summary'));
    execFileSync('git', ['init', '-q', project]);
    const home = freshCodexHome(
      root,
      `[mcp_servers.filesystem]\ncommand = "${FILESYSTEM_MCP_BIN}"\nargs = ["${project}"]\n`,
    );
    write(path.join(home, '.codex', 'AGENTS.md'), GLOBAL_NOTES);
    const { context, body } = await oursAndSent(captureCodexRequest, {
      folder: project,
      agent: 'codex',
      home,
      env: {},
      probeMcp: true,
      cacheDir: path.join(root, 'cache'),
    });
    const parts = splitCodexRequest(body as CodexRequest, {
      projectSkills: ['csv-summary'],
      globalInstructions: path.join(home, '.codex', 'AGENTS.md'),
      projectInstructions: path.join(project, 'AGENTS.md'),
    });
    compare(context, parts, context.model.id, `Codex ${await codexVersion()}`);
  });
});

describe('Codex AGENTS.md discovery, checked against the real client', function () {
  this.timeout(180_000);
  let root: string;
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  async function chain(big: boolean) {
    root ??= fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-codex-chain-'));
    const base = fs.mkdtempSync(path.join(root, big ? 'big-' : 'small-'));
    const repo = path.join(base, 'repo');
    const project = path.join(repo, 'sub', 'project');
    write(path.join(base, 'AGENTS.md'), 'OUTSIDE the repository.\n');
    write(path.join(repo, 'AGENTS.md'), big ? `ROOT ${'x'.repeat(40 * 1024)}\n` : 'ROOT of the repository.\n');
    write(path.join(repo, 'sub', 'AGENTS.md'), 'SUB folder.\n');
    write(path.join(project, 'AGENTS.md'), 'PROJECT plain.\n');
    write(path.join(project, 'AGENTS.override.md'), 'PROJECT override.\n');
    execFileSync('git', ['init', '-q', repo]);
    const home = freshCodexHome(base);
    write(path.join(home, '.codex', 'AGENTS.md'), 'GLOBAL.\n');
    const { context, body } = await oursAndSent(captureCodexRequest, {
      folder: project,
      agent: 'codex',
      home,
      env: {},
      cacheDir: path.join(base, 'cache'),
    });
    const sent =
      (body as CodexRequest).input
        .flatMap((i) => i.content ?? [])
        .map((c) => c.text ?? '')
        .find((t) => t.startsWith('# AGENTS.md')) ?? '';
    return { context, sent, loaded: context.items.filter((i) => i.kind === 'instructions' && i.tokens > 0) };
  }

  it('global file, then the Git root down to the folder, AGENTS.override.md before AGENTS.md, nothing above the root', async function () {
    if (!codexInstalled()) this.skip();
    const { sent, loaded } = await chain(false);
    const markers = ['GLOBAL', 'ROOT', 'SUB', 'PROJECT override'];
    assert.deepEqual(
      markers.map((m) => sent.indexOf(m)).every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1])),
      true,
      sent,
    );
    assert.ok(!sent.includes('OUTSIDE') && !sent.includes('PROJECT plain'), sent);
    assert.deepEqual(
      loaded.map((i) => path.basename(path.dirname(i.path!)) + '/' + path.basename(i.path!)),
      ['.codex/AGENTS.md', 'repo/AGENTS.md', 'sub/AGENTS.md', 'project/AGENTS.override.md'],
    );
  });

  it('the chain stops at 32 KiB: the rest of the first big file and every later file are left out, as mvp says', async function () {
    if (!codexInstalled()) this.skip();
    const { sent, context } = await chain(true);
    assert.ok(!sent.includes('SUB folder') && !sent.includes('PROJECT override'), 'later files are not sent');
    const rootItem = context.items.find((i) => i.path?.endsWith(path.join('repo', 'AGENTS.md')))!;
    assert.match(rootItem.problem ?? '', /cut at project_doc_max_bytes/);
    const projectPart = sent.slice(sent.indexOf('--- project-doc ---'));
    const profile = profileRegistryFor().resolve(context.model.id).profile;
    const real = countForProfile(profile, projectPart).tokens;
    assert.ok(Math.abs(rootItem.tokens / real - 1) <= 0.05, `ours ${rootItem.tokens} vs sent ${real}`);
    assert.ok(context.items.filter((i) => /not loaded/.test(i.problem ?? '')).length === 2);
  });
});

describe('mvp context against the real Gemini CLI (offline, Gemini API stand-in)', function () {
  this.timeout(180_000);
  let root: string;
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('itemises global and project GEMINI.md, a skill and the built-in load within tolerance', async function () {
    if (!geminiInstalled()) {
      console.log('    skipped: @google/gemini-cli is not installed (npm ci installs it as a devDependency)');
      this.skip();
    }
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-gemini-context-'));
    const project = path.join(root, 'project');
    write(path.join(project, 'GEMINI.md'), PROJECT_NOTES);
    // A few more files: Gemini CLI lists the folder's tree in every session context.
    for (const file of [
      'src/read.ts',
      'src/summarise.ts',
      'src/print.ts',
      'src/read.test.ts',
      'docs/architecture.md',
      'package.json',
      'README.md',
    ])
      write(path.join(project, file), '// fixture\n');
    write(path.join(project, '.gemini', 'skills', 'csv-summary', 'SKILL.md'), SKILL('csv-summary'));
    execFileSync('git', ['init', '-q', project]);
    const home = freshGeminiHome(root);
    write(path.join(home, '.gemini', 'GEMINI.md'), GLOBAL_NOTES);
    const { context, body } = await oursAndSent(captureGeminiRequest, {
      folder: project,
      agent: 'gemini',
      home,
      env: {},
      cacheDir: path.join(root, 'cache'),
    });
    compare(
      context,
      splitGeminiRequest(body as GeminiRequest, { projectSkills: ['csv-summary'] }),
      context.model.id,
      `Gemini CLI ${await geminiVersion()}`,
    );
  });
});

describe('Gemini CLI GEMINI.md discovery, checked against the real client', function () {
  this.timeout(180_000);
  let root: string;
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('~/.gemini/GEMINI.md and GEMINI.md from the Git root down to the folder; none above the root or below the folder', async function () {
    if (!geminiInstalled()) this.skip();
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-gemini-chain-'));
    const repo = path.join(root, 'repo');
    const project = path.join(repo, 'sub', 'project');
    write(path.join(root, 'GEMINI.md'), 'OUTSIDE the repository.\n');
    write(path.join(repo, 'GEMINI.md'), 'ROOT of the repository.\n');
    write(path.join(repo, 'sub', 'GEMINI.md'), 'SUB folder.\n');
    write(path.join(project, 'GEMINI.md'), 'PROJECT.\n');
    write(path.join(project, 'deeper', 'GEMINI.md'), 'BELOW the folder: loaded just in time, not up front.\n');
    execFileSync('git', ['init', '-q', repo]);
    const home = freshGeminiHome(root);
    write(path.join(home, '.gemini', 'GEMINI.md'), 'GLOBAL.\n');
    const { context, body } = await oursAndSent(captureGeminiRequest, {
      folder: project,
      agent: 'gemini',
      home,
      env: {},
      cacheDir: path.join(root, 'cache'),
    });
    const sent = [...JSON.stringify(body).matchAll(/--- Context from: ([^ ]+) ---/g)].map((m) => m[1]);
    assert.deepEqual(
      context.items
        .filter((i) => i.kind === 'instructions')
        .map((i) => i.path)
        .sort(),
      [...sent].sort(),
    );
  });
});
