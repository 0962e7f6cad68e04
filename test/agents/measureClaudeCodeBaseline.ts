/**
 * Measures Claude Code's built-in load with the real client and writes the baseline that
 * `mvp context` ships (src/core/agentContext/baselines/claude-code.json). Run it after upgrading the
 * devDependency @anthropic-ai/claude-code:
 *
 *   node -r esbuild-register test/agents/measureClaudeCodeBaseline.ts
 *
 * It runs `claude -p "hello there"` in an empty Git project with a fresh HOME (no memory files, no
 * skills, no MCP servers) against the loopback stand-in, so everything in the request except the
 * prompt is the client's own: its system prompt, built-in tool schemas and reminders. The texts are
 * not shipped (they are Anthropic's); only their sizes, counted with each proxy encoding.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getTokenCounter } from '../../src/core/tokens/tokenCounter';
import { captureFirstRequest, claudeCodeVersion, freshHome } from './driveClaudeCode';
import { splitClaudeCodeRequest, type CapturedRequest } from './claudeCodeRequestParts';

const OUT = path.resolve(__dirname, '..', '..', 'src', 'core', 'agentContext', 'baselines', 'claude-code.json');

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mvp-cc-baseline-'));
  const project = path.join(root, 'project');
  fs.mkdirSync(project);
  execFileSync('git', ['init', '-q', project]);
  const home = freshHome(root);
  const version = await claudeCodeVersion();
  const captured = await captureFirstRequest({ project, home, prompt: 'hello there' });
  const body = captured.body as CapturedRequest & { model?: string; tools?: unknown[] };
  const parts = splitClaudeCodeRequest(body, []);
  const groups: Record<string, { name: string; text: string }> = {
    system: { name: 'Claude Code system prompt and environment', text: '' },
    tools: { name: `Claude Code built-in tools (${(body.tools ?? []).length} schemas)`, text: '' },
    messages: { name: 'Claude Code reminders (git status, attribution)', text: '' },
  };
  for (const part of parts) {
    if (part.kind === 'prompt') continue;
    if (!(part.kind in groups)) throw new Error(`unexpected ${part.kind} part in an empty project: ${part.name}`);
    groups[part.kind].text += part.text;
  }
  const baseline = {
    agent: 'claude-code',
    clientVersion: version,
    userAgent: captured.userAgent,
    mode: 'claude -p (print mode), default settings, tool search on (MCP and some built-in tools deferred)',
    requestModel: body.model,
    measuredAt: new Date().toISOString().slice(0, 10),
    measuredWith: 'test/agents/measureClaudeCodeBaseline.ts: an empty Git project, fresh HOME, the loopback stand-in',
    items: Object.entries(groups).map(([kind, group]) => ({
      kind,
      name: group.name,
      characters: group.text.length,
      tokensByEncoding: {
        o200k_base: getTokenCounter('o200k_base').count(group.text),
        cl100k_base: getTokenCounter('cl100k_base').count(group.text),
      },
    })),
    memoryWrapper: await measureMemoryWrapper(root, home),
  };
  fs.writeFileSync(OUT, JSON.stringify(baseline, null, 2) + '\n');
  fs.rmSync(root, { recursive: true, force: true });
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)}: Claude Code ${version}, ${baseline.items.map((i) => `${i.kind} ${i.tokensByEncoding.o200k_base}`).join(', ')} (o200k tokens)`,
  );
}

/** The reminder text Claude Code wraps around memory files when there are any (a second run, one CLAUDE.md). */
async function measureMemoryWrapper(root: string, home: string) {
  const project = path.join(root, 'with-memory');
  fs.mkdirSync(project);
  execFileSync('git', ['init', '-q', project]);
  fs.writeFileSync(path.join(project, 'CLAUDE.md'), 'Use npm test.\n');
  const captured = await captureFirstRequest({ project, home, prompt: 'hello there' });
  const text = splitClaudeCodeRequest(captured.body as CapturedRequest, [])
    .filter((part) => part.kind === 'messages' && part.name === 'memory reminder wrapper')
    .map((part) => part.text)
    .join('');
  if (!text) throw new Error('no memory reminder found in the request of a project with a CLAUDE.md');
  return {
    name: 'Claude Code memory reminder (the text around memory files)',
    characters: text.length,
    tokensByEncoding: {
      o200k_base: getTokenCounter('o200k_base').count(text),
      cl100k_base: getTokenCounter('cl100k_base').count(text),
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
