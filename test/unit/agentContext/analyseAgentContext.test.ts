import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseAgentContext } from '../../../src/core/agentContext/analyseAgentContext';
import type { AgentContext } from '../../../src/core/agentContext/agentContextTypes';
import { codexMcpTables } from '../../../src/core/agentContext/mcpConfig';

const FAKE_SERVER = path.resolve(__dirname, '../../fixtures/agentContext/fakeMcpServer.mjs');

function tempRoot(): { root: string; home: string; project: string; cache: string } {
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-agent-ctx-'));
  const home = path.join(root, 'home');
  const project = path.join(root, 'work', 'project');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(project, { recursive: true });
  return { root, home, project, cache: path.join(root, 'cache') };
}

type Layout = ReturnType<typeof tempRoot>;
type ExtraOptions = Omit<Parameters<typeof analyseAgentContext>[0], 'folder' | 'agent' | 'home' | 'cacheDir'>;

/** The project of a temporary layout, with its own home and cache, and no logs unless asked. */
function analyseIn(t: Layout, agent: Parameters<typeof analyseAgentContext>[0]['agent'], extra: ExtraOptions = {}) {
  return analyseAgentContext({ folder: t.project, agent, home: t.home, cacheDir: t.cache, useLogs: false, ...extra });
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const names = (context: AgentContext, kind: string) => context.items.filter((i) => i.kind === kind).map((i) => i.name);

describe('agent context: what an agent sends before the user types', () => {
  it('Claude Code: memory up the tree, ~/.claude, CLAUDE.local.md, unconditional rules only, skills listing, baseline @slow', async () => {
    const t = tempRoot();
    write(path.join(t.root, 'work', 'CLAUDE.md'), 'Parent folder rules for every project below.\n');
    write(path.join(t.project, 'CLAUDE.md'), 'Project rules.\n');
    write(path.join(t.project, 'CLAUDE.local.md'), 'My own notes.\n');
    write(path.join(t.project, '.claude', 'rules', 'style.md'), 'Two-space indentation.\n');
    write(
      path.join(t.project, '.claude', 'rules', 'sql.md'),
      '---\npaths:\n  - "**/*.sql"\n---\nUpper-case keywords.\n',
    );
    write(path.join(t.home, '.claude', 'CLAUDE.md'), 'Answer briefly.\n');
    write(
      path.join(t.project, '.claude', 'skills', 'deploy', 'SKILL.md'),
      '---\nname: deploy\ndescription: Deploy the site.\n---\nSteps…\n',
    );
    const context = await analyseIn(t, 'claude-code');
    assert.deepEqual(names(context, 'memory'), [
      '~/.claude/CLAUDE.md',
      path.join(t.root, 'work', 'CLAUDE.md'),
      'CLAUDE.md',
      '.claude/rules/style.md',
      'CLAUDE.local.md',
    ]);
    assert.deepEqual(names(context, 'skills'), ['skill deploy']);
    const baseline = context.items.filter((i) => i.source === 'baseline');
    assert.deepEqual(
      baseline.map((i) => i.kind),
      ['system', 'tools', 'messages'],
    );
    assert.ok(baseline.every((i) => i.tokens > 100 && /claude-code 2\.1\.\d+/.test(i.origin)));
    assert.equal(
      context.total.tokens,
      context.items.reduce((n, i) => n + i.tokens, 0),
    );
    const whSum = context.items.reduce((n, i) => n + i.wh.central, 0);
    assert.ok(Math.abs(whSum - context.total.wh.central) < 1e-9, 'item shares add up to the request');
    assert.ok(context.session.wh.central > context.total.wh.central);
  });

  it('VS Code: copilot-instructions, AGENTS.md and applyTo "**" files (flagged); other applyTo files are left out', async () => {
    const t = tempRoot();
    write(path.join(t.project, '.github', 'copilot-instructions.md'), 'Use TypeScript.\n');
    write(path.join(t.project, 'AGENTS.md'), 'Run npm test before finishing.\n');
    write(
      path.join(t.project, '.github', 'instructions', 'all.instructions.md'),
      '---\napplyTo: "**"\n---\nAlways explain.\n',
    );
    write(
      path.join(t.project, '.github', 'instructions', 'py.instructions.md'),
      '---\napplyTo: "**/*.py"\n---\nUse black.\n',
    );
    const context = await analyseIn(t, 'vscode');
    assert.deepEqual(names(context, 'instructions'), [
      '.github/copilot-instructions.md',
      'AGENTS.md',
      '.github/instructions/all.instructions.md',
    ]);
    assert.ok(context.findings.some((f) => f.id === 'apply-to-everything' && f.path?.endsWith('all.instructions.md')));
    assert.ok(
      !context.findings.some((f) => f.id === 'large-memory-file'),
      'no share of a total that lacks the agent load',
    );
    assert.ok(context.notes.some((n) => /baseline derived from Copilot Chat [\d.]+'s published source/.test(n)));
  });

  it('Codex: global file, then the Git root down to the folder, override first, cut at 32 KiB @slow', async () => {
    const t = tempRoot();
    execFileSync('git', ['init', '-q', path.join(t.root, 'work')]);
    write(path.join(t.home, '.codex', 'AGENTS.md'), 'Global.\n');
    write(path.join(t.root, 'work', 'AGENTS.md'), 'x'.repeat(40 * 1024));
    write(path.join(t.project, 'AGENTS.md'), 'Project.\n');
    write(path.join(t.project, 'AGENTS.override.md'), 'Override.\n');
    const context = await analyseAgentContext({
      folder: t.project,
      agent: 'codex',
      home: t.home,
      env: {},
      cacheDir: t.cache,
      useLogs: false,
    });
    const items = context.items.filter((i) => i.kind === 'instructions');
    assert.deepEqual(
      items.map((i) => path.basename(i.path!)),
      ['AGENTS.md', 'AGENTS.md', 'AGENTS.override.md'],
    );
    assert.match(items[1].problem ?? '', /cut at project_doc_max_bytes/);
    assert.match(items[2].problem ?? '', /not loaded/);
  });

  it('Gemini CLI: ~/.gemini/GEMINI.md and GEMINI.md up to the Git root', async () => {
    const t = tempRoot();
    execFileSync('git', ['init', '-q', path.join(t.root, 'work')]);
    write(path.join(t.home, '.gemini', 'GEMINI.md'), 'Global.\n');
    write(path.join(t.root, 'GEMINI.md'), 'Outside the repository: not loaded.\n');
    write(path.join(t.root, 'work', 'GEMINI.md'), 'Repository.\n');
    write(path.join(t.project, 'GEMINI.md'), 'Project.\n');
    const context = await analyseIn(t, 'gemini');
    assert.equal(names(context, 'instructions').length, 3);
  });

  it("counts for the team config's model unless one is given", async () => {
    const t = tempRoot();
    write(path.join(t.project, '.mvp.jsonc'), '{ "model": "gpt-4.1" }\n');
    write(path.join(t.project, 'CLAUDE.md'), 'Hi.\n');
    const fromConfig = await analyseIn(t, 'claude-code');
    assert.equal(fromConfig.model.id, 'gpt-4.1');
    const given = await analyseAgentContext({
      folder: t.project,
      agent: 'claude-code',
      model: 'claude-opus-4-5',
      home: t.home,
      cacheDir: t.cache,
      useLogs: false,
    });
    assert.equal(given.model.id, 'claude-opus-4-5');
  });

  it('auto-detects the agent from the folder', async () => {
    const t = tempRoot();
    write(path.join(t.project, 'GEMINI.md'), 'Hi.\n');
    const context = await analyseAgentContext({ folder: t.project, home: t.home, cacheDir: t.cache, useLogs: false });
    assert.equal(context.agent, 'gemini');
  });

  it("a model counted in an open family's own encoding takes the measured baseline from the closest OpenAI encoding, and says so", async () => {
    const t = tempRoot();
    const openAi = await analyseIn(t, 'codex', { model: 'gpt-4' });
    for (const [model, closest] of [
      ['llama-3.1-8b', 'cl100k_base'],
      ['qwen3-30b-a3b', 'o200k_base'],
    ] as const) {
      const context = await analyseIn(t, 'codex', { model });
      const baseline = context.items.filter((i) => i.source === 'baseline');
      assert.ok(baseline.length > 0 && baseline.every((i) => i.tokens > 100), `${model}: the built-in load is counted`);
      assert.ok(
        context.notes.some((n) => n.includes(`measured in ${closest}, not`)),
        `${model}: ${context.notes.join('; ')}`,
      );
      if (closest === 'cl100k_base') {
        assert.deepEqual(
          baseline.map((i) => i.tokens),
          openAi.items.filter((i) => i.source === 'baseline').map((i) => i.tokens),
        );
      }
    }
  });

  describe('MCP servers', () => {
    function project(mode: string) {
      const t = tempRoot();
      write(
        path.join(t.project, '.vscode', 'mcp.json'),
        JSON.stringify({ servers: { notes: { command: process.execPath, args: [FAKE_SERVER, mode] } } }),
      );
      return t;
    }

    it('are not started without consent: 0 tokens, a problem and a finding that say how to measure', async () => {
      const t = project('ok');
      const context = await analyseIn(t, 'vscode');
      const item = context.items.find((i) => i.kind === 'mcp')!;
      assert.equal(item.tokens, 0);
      assert.equal(item.source, 'not-measured');
      assert.match(item.problem!, /--probe-mcp/);
      assert.ok(context.findings.some((f) => f.id === 'mcp-not-measured'));
    });

    it('with consent: tools/list over all pages, cached, then read from the cache without starting it @slow', async () => {
      const t = project('ok');
      const probed = await analyseIn(t, 'vscode', { probeMcp: true });
      const item = probed.items.find((i) => i.kind === 'mcp')!;
      assert.equal(item.source, 'mcp-probe');
      assert.match(item.origin, /2 tools .*server version 1\.2\.3/);
      assert.ok(item.tokens > 40);
      const cached = await analyseIn(t, 'vscode');
      const again = cached.items.find((i) => i.kind === 'mcp')!;
      assert.equal(again.source, 'mcp-cache');
      assert.equal(again.tokens, item.tokens);
    });

    it('a server that logs on stdout first is still measured @slow', async () => {
      const t = project('noisy');
      const context = await analyseIn(t, 'vscode', { probeMcp: true });
      assert.equal(context.items.find((i) => i.kind === 'mcp')!.source, 'mcp-probe');
    });

    it('a hanging server is stopped at the time cap and reported on its item @slow', async () => {
      const t = project('hang');
      const started = Date.now();
      const context = await analyseIn(t, 'vscode', { probeMcp: true, probeTimeoutMs: 500 });
      assert.ok(Date.now() - started < 5000);
      assert.match(
        context.items.find((i) => i.kind === 'mcp')!.problem!,
        /did not list its tools within 1 s.*it was stopped/,
      );
    });

    it('a crashing server is reported with its last stderr line @slow', async () => {
      const t = project('crash');
      const context = await analyseIn(t, 'vscode', { probeMcp: true });
      assert.match(context.items.find((i) => i.kind === 'mcp')!.problem!, /exited \(code 3\).*missing API token/);
    });

    it('a broken config file is a problem naming the file and line; a server without command a problem of its own', async () => {
      const t = tempRoot();
      write(path.join(t.project, '.mcp.json'), '{ "mcpServers": { "a": { "command": "x" }, }\n  oops }');
      write(path.join(t.home, '.claude.json'), JSON.stringify({ mcpServers: { empty: {} } }));
      const context = await analyseIn(t, 'claude-code');
      const problems = context.items.filter((i) => i.kind === 'mcp').map((i) => i.problem);
      assert.ok(
        problems.some((p) => /\.mcp\.json:2: /.test(p ?? '')),
        problems.join(' | '),
      );
      assert.ok(
        problems.some((p) => /"empty" .* has neither "command" nor "url"/.test(p ?? '')),
        problems.join(' | '),
      );
    });

    it('a remote server is never contacted: a problem saying so, and no advice to probe it', async () => {
      const t = tempRoot();
      write(
        path.join(t.project, '.mcp.json'),
        JSON.stringify({ mcpServers: { docs: { type: 'http', url: 'https://example.com/mcp' } } }),
      );
      const context = await analyseIn(t, 'claude-code', { probeMcp: true });
      assert.match(context.items.find((i) => i.kind === 'mcp')!.problem!, /is remote .*mvp makes no network requests/);
      const finding = context.findings.find((f) => f.id === 'mcp-not-measured')!;
      assert.doesNotMatch(finding.fix, /--probe-mcp/);
    });

    it("VS Code: the user profile's mcp.json counts too, the workspace's entry winning on a shared name", async () => {
      const t = tempRoot();
      write(path.join(t.project, '.vscode', 'mcp.json'), JSON.stringify({ servers: { notes: { command: 'a' } } }));
      const userDir =
        process.platform === 'darwin'
          ? path.join(t.home, 'Library', 'Application Support', 'Code', 'User')
          : path.join(t.home, '.config', 'Code', 'User');
      write(
        path.join(userDir, 'mcp.json'),
        JSON.stringify({ servers: { notes: { command: 'b' }, github: { url: 'http://127.0.0.1:9/mcp' } } }),
      );
      const context = await analyseAgentContext({
        folder: t.project,
        agent: 'vscode',
        home: t.home,
        env: {},
        cacheDir: t.cache,
        useLogs: false,
      });
      assert.deepEqual(
        context.items.filter((i) => i.kind === 'mcp').map((i) => [i.name, i.path]),
        [
          ['MCP server notes', path.join(t.project, '.vscode', 'mcp.json')],
          ['MCP server github', path.join(userDir, 'mcp.json')],
        ],
      );
    });

    it('Codex config.toml: mcp_servers tables, disabled ones left out', () => {
      const tables = codexMcpTables(
        '[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "docs-mcp"]\n\n[mcp_servers.off]\ncommand = "x"\nenabled = false\n[other]\ncommand = "no"\n',
      );
      assert.deepEqual(tables, { docs: { command: 'npx', args: ['-y', 'docs-mcp'] } });
    });
  });

  describe('findings', () => {
    it('a large memory file, duplicated lines and a long skill description, each with its saving', async () => {
      const t = tempRoot();
      const shared = 'Always run the full test suite with npm test before you say a task is done.';
      write(
        path.join(t.project, 'CLAUDE.md'),
        `${shared}\n${'Background on the billing system and its history. '.repeat(250)}\n`,
      );
      write(path.join(t.project, 'CLAUDE.local.md'), `${shared}\n`);
      write(
        path.join(t.project, '.claude', 'skills', 'big', 'SKILL.md'),
        `---\nname: big\ndescription: ${'Use this for anything about reports. '.repeat(20)}\n---\nBody\n`,
      );
      const context = await analyseIn(t, 'claude-code');
      const ids = context.findings.map((f) => f.id).sort();
      assert.deepEqual(ids, ['duplicated-instructions', 'large-memory-file', 'long-skill-description']);
      for (const finding of context.findings) {
        assert.ok(
          (finding.savingTokens ?? 0) > 0 && (finding.savingWhPerMonth ?? 0) > (finding.savingWhPerRequest ?? 0),
          finding.id,
        );
      }
    });

    it('an MCP server never called in the last sessions of the logs (and the pace and built-in load learned from them)', async () => {
      const t = tempRoot();
      write(
        path.join(t.project, '.mcp.json'),
        JSON.stringify({ mcpServers: { notes: { command: process.execPath, args: [FAKE_SERVER, 'ok'] } } }),
      );
      const logDir = path.join(t.home, '.claude', 'projects', t.project.replace(/[^a-zA-Z0-9]/g, '-'));
      for (let s = 0; s < 3; s++) {
        const lines = [
          { type: 'user', message: { role: 'user', content: 'hello there' } },
          ...[1, 2, 3, 4].map((r) => ({
            type: 'assistant',
            version: '2.1.328',
            message: {
              id: `msg_${s}_${r}`,
              role: 'assistant',
              model: 'claude-sonnet-4-5',
              content: [{ type: 'tool_use', name: 'Read' }],
              usage: { input_tokens: 30_000, output_tokens: 50 },
            },
          })),
        ];
        write(path.join(logDir, `s${s}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      }
      const context = await analyseAgentContext({
        folder: t.project,
        agent: 'claude-code',
        home: t.home,
        cacheDir: t.cache,
      });
      const unused = context.findings.find((f) => f.id === 'unused-mcp-server');
      assert.ok(unused, context.findings.map((f) => f.id).join());
      assert.match(unused.fix, /disabledMcpjsonServers/);
      assert.equal(context.session.requests, 4);
      const learned = context.items.find((i) => i.source === 'learned');
      assert.ok(learned && learned.tokens > 29_000 && learned.tokens < 30_000, String(learned?.tokens));
    });
  });
});
