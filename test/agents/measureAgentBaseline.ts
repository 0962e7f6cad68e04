/**
 * Measures the built-in load of Codex CLI or Gemini CLI with the real client and writes the baseline
 * that `mvp context` ships (src/core/agentContext/baselines/<agent>.json). Run it after upgrading
 * the devDependency:
 *
 *   node -r esbuild-register test/agents/measureAgentBaseline.ts codex|gemini
 *
 * The client runs once in an empty Git project with a fresh HOME (no instruction files, no skills,
 * no MCP servers) against its loopback stand-in, so everything in the request but the prompt is its
 * own: system prompt, built-in tools, session context. For Codex a second run with one MCP server
 * measures the resource tools it adds whenever a server is configured. Only sizes are shipped.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getTokenCounter } from '../../src/core/tokens/tokenCounter';
import type { RequestPart } from './claudeCodeRequestParts';
import { captureCodexRequest, codexVersion, freshCodexHome } from './driveCodex';
import { FILESYSTEM_MCP_BIN } from './driveClaudeCode';
import { captureGeminiRequest, freshGeminiHome, geminiVersion } from './driveGeminiCli';
import { splitCodexRequest, type CodexRequest } from './codexRequestParts';
import { splitGeminiRequest, type GeminiRequest } from './geminiRequestParts';

const counts = (text: string) => ({
  characters: text.length,
  tokensByEncoding: {
    o200k_base: getTokenCounter('o200k_base').count(text),
    cl100k_base: getTokenCounter('cl100k_base').count(text),
  },
});

function emptyProject(root: string, name: string): string {
  const project = path.join(root, name);
  fs.mkdirSync(project);
  execFileSync('git', ['init', '-q', project]);
  return project;
}

function grouped(parts: RequestPart[], names: Record<string, string>) {
  const texts: Record<string, string> = {};
  for (const part of parts) {
    if (part.kind === 'prompt') continue;
    if (!(part.kind in names)) throw new Error(`unexpected ${part.kind} part in an empty project: ${part.name}`);
    texts[part.kind] = (texts[part.kind] ?? '') + part.text;
  }
  return Object.entries(names).map(([kind, name]) => ({ kind, name, ...counts(texts[kind] ?? '') }));
}

async function measureCodex(root: string) {
  const version = await codexVersion();
  const captured = await captureCodexRequest({
    project: emptyProject(root, 'codex'),
    home: freshCodexHome(root),
    prompt: 'hello there',
  });
  const body = captured.body as CodexRequest & { model?: string };
  const items = grouped(splitCodexRequest(body, { projectSkills: [] }), {
    system: 'Codex system prompt, built-in skills listing and permissions',
    tools: `Codex built-in tools (${(body.tools ?? []).length} entries)`,
    messages: 'Codex environment context',
  });
  const mcpRoot = fs.mkdtempSync(path.join(root, 'mcp-'));
  const project = emptyProject(mcpRoot, 'codex');
  const home = freshCodexHome(
    mcpRoot,
    `[mcp_servers.filesystem]\ncommand = "${FILESYSTEM_MCP_BIN}"\nargs = ["${project}"]\n`,
  );
  const withMcp = (await captureCodexRequest({ project, home, prompt: 'hello there' })).body as CodexRequest;
  const builtIn = new Set((body.tools ?? []).map((t) => t.name ?? t.type));
  const added = (withMcp.tools ?? []).filter((t) => t.type !== 'namespace' && !builtIn.has(t.name ?? t.type));
  return {
    agent: 'codex',
    clientVersion: version,
    userAgent: captured.userAgent,
    mode: 'codex exec (non-interactive), default settings',
    requestModel: body.model,
    items,
    mcpSupport: {
      kind: 'tools',
      name: `Codex MCP resource tools (${added.map((t) => t.name).join(', ')})`,
      ...counts(added.map((t) => JSON.stringify(t)).join('')),
    },
  };
}

async function measureGemini(root: string) {
  const version = await geminiVersion();
  const captured = await captureGeminiRequest({
    project: emptyProject(root, 'gemini'),
    home: freshGeminiHome(root),
    prompt: 'hello there',
  });
  const body = captured.body as GeminiRequest;
  const tools = (body.tools ?? []).flatMap((t) => t.functionDeclarations ?? []).length;
  return {
    agent: 'gemini',
    clientVersion: version,
    userAgent: captured.userAgent,
    mode: 'gemini -p (headless), default settings, API-key auth',
    requestModel: captured.model,
    items: grouped(splitGeminiRequest(body, { projectSkills: [] }), {
      system: 'Gemini CLI system instruction (with its built-in skills listing)',
      tools: `Gemini CLI built-in tools (${tools} declarations)`,
      messages: 'Gemini CLI session context (date, OS, folder listing of an empty project)',
    }),
  };
}

async function main(): Promise<void> {
  const agent = process.argv[2];
  if (agent !== 'codex' && agent !== 'gemini') throw new Error('usage: measureAgentBaseline.ts codex|gemini');
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `mvp-${agent}-baseline-`));
  try {
    const measured = agent === 'codex' ? await measureCodex(root) : await measureGemini(root);
    const baseline = {
      ...measured,
      measuredAt: new Date().toISOString().slice(0, 10),
      measuredWith: `test/agents/measureAgentBaseline.ts ${agent}: an empty Git project, fresh HOME, the loopback stand-in`,
    };
    const out = path.resolve(__dirname, '..', '..', 'src', 'core', 'agentContext', 'baselines', `${agent}.json`);
    fs.writeFileSync(out, JSON.stringify(baseline, null, 2) + '\n');
    console.log(
      `wrote ${path.relative(process.cwd(), out)}: ${agent} ${baseline.clientVersion}, ${baseline.items.map((i) => `${i.kind} ${i.tokensByEncoding.o200k_base}`).join(', ')} (o200k tokens)`,
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
