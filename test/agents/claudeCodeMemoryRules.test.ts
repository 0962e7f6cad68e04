/**
 * Claude Code's discovery rules as the real client applies them (2.1.328, offline, loopback stand-in):
 * which memory files it sends, in which order, under which label, where it stops following @imports,
 * which skills it lists and which MCP servers it loads. `mvp context` must find the same.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentContextOptions } from '../../src/core/agentContext/analyseAgentContext';
import { profileRegistryFor } from '../../src/core/analyse';
import { countForProfile } from '../../src/core/tokens/countForProfile';
import { mergeParts, splitClaudeCodeRequest, type CapturedRequest } from './claudeCodeRequestParts';
import { captureFirstRequest, claudeCodeInstalled, FILESYSTEM_MCP_BIN, freshHome } from './driveClaudeCode';
import { oursAndSent } from './oursAndSent';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** `mvp context`'s reading of `project`, made a Git root, and what the real client sent from it. */
function oursAndSentFrom(base: string, project: string, home: string, options: Partial<AgentContextOptions> = {}) {
  execFileSync('git', ['init', '-q', project]);
  return oursAndSent(captureFirstRequest, {
    folder: project,
    agent: 'claude-code',
    home,
    cacheDir: path.join(base, 'cache'),
    ...options,
  });
}

/** The memory files of the captured request, in order: [path, label]. */
function sentMemoryFiles(body: unknown): Array<[string, string]> {
  const first = (body as { messages: Array<{ content: Array<{ text?: string }> }> }).messages[0];
  const reminder = first.content.map((c) => c.text ?? '').find((t) => t.includes('Contents of')) ?? '';
  return [...reminder.matchAll(/^Contents of (.+?) \(([^)]*)\):$/gm)].map((m) => [m[1], m[2]]);
}

describe('Claude Code memory rules, checked against the real client', function () {
  this.timeout(180_000);
  let root: string;
  before(function () {
    if (!claudeCodeInstalled()) {
      console.log('    skipped: @anthropic-ai/claude-code is not installed (npm ci installs it as a devDependency)');
      this.skip();
    }
    root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-claude-memory-'));
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('user memory and rules, parent folders, .claude/CLAUDE.md, unconditional rules and CLAUDE.local.md, in the order sent', async () => {
    const base = path.join(root, 'locations');
    const project = path.join(base, 'work', 'project');
    const home = freshHome(base);
    write(path.join(home, '.claude', 'CLAUDE.md'), 'User memory: answer briefly.\n');
    write(path.join(home, '.claude', 'rules', 'tone.md'), 'User rule: no emojis.\n');
    write(path.join(base, 'work', 'CLAUDE.md'), 'Parent memory: monorepo rules.\n');
    write(path.join(project, 'CLAUDE.md'), 'Project memory. See @notes/a.md\n');
    write(path.join(project, 'notes', 'a.md'), 'Imported A, which imports @b.md\n');
    write(path.join(project, 'notes', 'b.md'), 'Imported B.\n');
    write(path.join(project, '.claude', 'CLAUDE.md'), 'Dot-claude memory.\n');
    write(path.join(project, '.claude', 'rules', 'style.md'), 'Project rule: two spaces.\n');
    write(
      path.join(project, '.claude', 'rules', 'sql.md'),
      '---\npaths:\n  - "**/*.sql"\n---\nConditional rule: SQL upper case.\n',
    );
    write(path.join(project, 'CLAUDE.local.md'), 'Local memory: my notes.\n');
    const { context, body } = await oursAndSentFrom(base, project, home);
    const sent = sentMemoryFiles(body);
    assert.deepEqual(
      context.items.filter((i) => i.kind === 'memory').map((i) => i.path),
      sent.map(([file]) => file),
    );
    assert.ok(!JSON.stringify(body).includes('Conditional rule'), 'a rule with paths: is not sent up front');
    assert.deepEqual(
      [...new Set(sent.map(([, label]) => label))].sort(),
      [
        'project instructions, checked into the codebase',
        "user's private global instructions for all projects",
        "user's private project instructions, not checked in",
      ].sort(),
    );
  });

  it('@imports: the depth limit, a cycle loaded once, nothing from code spans, fences or e-mail addresses', async () => {
    const base = path.join(root, 'imports');
    const project = path.join(base, 'project');
    const home = freshHome(base);
    write(
      path.join(project, 'CLAUDE.md'),
      'Root. @d1.md and @cycle-a.md and `@not-this.md` and me@example.com\n```\n@nor-this.md\n```\n',
    );
    for (let i = 1; i <= 7; i++) write(path.join(project, `d${i}.md`), `Depth ${i}. @d${i + 1}.md\n`);
    write(path.join(project, 'cycle-a.md'), 'Cycle A @cycle-b.md\n');
    write(path.join(project, 'cycle-b.md'), 'Cycle B @cycle-a.md\n');
    write(path.join(project, 'not-this.md'), 'in a code span\n');
    write(path.join(project, 'nor-this.md'), 'in a fence\n');
    const { context, body } = await oursAndSentFrom(base, project, home);
    const ours = context.items.filter((i) => i.kind === 'memory');
    assert.deepEqual(
      ours.map((i) => path.basename(i.path!)),
      sentMemoryFiles(body).map(([file]) => path.basename(file)),
    );
    assert.match(ours.find((i) => i.path!.endsWith('d4.md'))!.problem ?? '', /@d5\.md .* does not load it/);
    assert.match(ours.find((i) => i.path!.endsWith('cycle-b.md'))!.problem ?? '', /import cycle/);
  });

  it("skills: ~/.claude/skills and the project's listed (a missing description replaced by the body's first line), parent and nested ones not", async () => {
    const base = path.join(root, 'skills');
    const project = path.join(base, 'work', 'project');
    const home = freshHome(base);
    const skill = (name: string) =>
      `---\nname: ${name}\ndescription: Skill ${name} does a thing worth describing here.\n---\nBody\n`;
    write(path.join(home, '.claude', 'skills', 'user-one', 'SKILL.md'), skill('user-one'));
    write(path.join(base, 'work', '.claude', 'skills', 'parent-one', 'SKILL.md'), skill('parent-one'));
    write(path.join(project, '.claude', 'skills', 'proj-one', 'SKILL.md'), skill('proj-one'));
    write(path.join(project, '.claude', 'skills', 'no-desc', 'SKILL.md'), '---\nname: no-desc\n---\nBody only.\n');
    write(path.join(project, 'sub', '.claude', 'skills', 'nested-one', 'SKILL.md'), skill('nested-one'));
    const { context, body } = await oursAndSentFrom(base, project, home);
    const sent = JSON.stringify(body);
    const ours = context.items.filter((i) => i.kind === 'skills').map((i) => i.name.replace(/^skill /, ''));
    for (const name of ['user-one', 'parent-one', 'proj-one', 'no-desc', 'nested-one']) {
      assert.equal(
        ours.includes(name),
        sent.includes(`- ${name}: `),
        `${name}: listed by mvp ${ours.includes(name)}, sent ${sent.includes(`- ${name}: `)}`,
      );
    }
    assert.ok(sent.includes('- no-desc: Body only.'), 'the body line stands in for the description');
    assert.match(
      context.items.find((i) => i.name === 'skill no-desc')!.problem ?? '',
      /first line of its body \("Body only\."\)/,
    );
  });

  it('MCP servers: .mcp.json minus disabledMcpjsonServers, ~/.claude.json user and local scopes, each counted as sent', async () => {
    const base = path.join(root, 'mcp');
    const project = path.join(base, 'project');
    const home = freshHome(base);
    const server = { command: FILESYSTEM_MCP_BIN, args: [project] };
    write(path.join(project, '.mcp.json'), JSON.stringify({ mcpServers: { fsone: server, fstwo: server } }));
    write(path.join(project, '.claude', 'settings.local.json'), JSON.stringify({ disabledMcpjsonServers: ['fstwo'] }));
    write(
      path.join(home, '.claude.json'),
      JSON.stringify({ mcpServers: { fsthree: server }, projects: { [project]: { mcpServers: { fsfour: server } } } }),
    );
    const { context, body } = await oursAndSentFrom(base, project, home, {
      model: 'claude-sonnet-4-5',
      probeMcp: true,
    });
    const profile = profileRegistryFor().resolve('claude-sonnet-4-5').profile;
    const sent = new Map(
      [...mergeParts(splitClaudeCodeRequest(body as CapturedRequest, []))]
        .filter(([key]) => key.startsWith('mcp:'))
        .map(([key, text]) => [key.slice(4), countForProfile(profile, text).tokens]),
    );
    const ours = new Map(
      context.items.filter((i) => i.kind === 'mcp').map((i) => [i.name.replace(/^MCP server /, ''), i.tokens]),
    );
    assert.deepEqual([...ours.keys()].sort(), [...sent.keys()].sort());
    for (const [name, tokens] of ours)
      assert.ok(Math.abs(tokens / sent.get(name)! - 1) <= 0.25, `${name}: ours ${tokens}, sent ${sent.get(name)}`);
  });
});
