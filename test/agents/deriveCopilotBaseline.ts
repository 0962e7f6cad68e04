/**
 * Derives `src/core/agentContext/baselines/vscode.json` from Copilot Chat's published source
 * (microsoft/vscode-copilot-chat, MIT): the agent-mode prompts its own tests render
 * (`src/extension/prompts/node/agent/test/__snapshots__/agentPrompts-<family>/all_tools.spec.snap`:
 * `AgentPrompt` for a model family, all of its tools available, the user message "hello"). No
 * Copilot client runs outside VS Code, so this is an estimate from the source, not a measurement.
 *
 * Only sizes are written. Taken out of each rendering: the test's custom instruction text (the
 * folder's instruction files are counted by `mvp context` itself), the user message "hello", and the
 * renderer's `[copilot_cache_control: …]` markers (request metadata, not text the model reads).
 *
 *   node -r esbuild-register test/agents/deriveCopilotBaseline.ts /path/to/vscode-copilot-chat.git
 */
import { formatInteger } from '../../src/core/format';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mcpServerText } from '../../src/core/agentContext/agentFormats';
import { getTokenCounter } from '../../src/core/tokens/tokenCounter';

const SNAPSHOTS = 'src/extension/prompts/node/agent/test/__snapshots__';
const TEST_INSTRUCTION = 'This is a test custom instruction file';
const USER_MESSAGE = 'hello';

interface ContributedTool {
  name: string;
  modelDescription?: string;
  inputSchema?: Record<string, unknown>;
  when?: string;
}

interface Item {
  kind: 'system' | 'messages';
  name: string;
  characters: number;
  tokensByEncoding: { o200k_base: number; cl100k_base: number };
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function item(kind: Item['kind'], name: string, text: string): Item {
  return {
    kind,
    name,
    characters: text.length,
    tokensByEncoding: {
      o200k_base: getTokenCounter('o200k_base').count(text),
      cl100k_base: getTokenCounter('cl100k_base').count(text),
    },
  };
}

/** The rendered messages of one snapshot: role and text, markers and the test's own content taken out. */
function messagesOf(snapshot: string): Array<{ role: string; text: string }> {
  const messages: Array<{ role: string; text: string }> = [];
  for (const match of snapshot.matchAll(/^### (System|User|Assistant)\n~~~md\n([\s\S]*?)\n~~~$/gm)) {
    const text = match[2]
      .replace(/\n*\[copilot_cache_control: [^\]]*\]\n*/g, '\n')
      .replace(TEST_INSTRUCTION, '')
      .replace(`<userRequest>\n${USER_MESSAGE}\n</userRequest>`, '<userRequest>\n\n</userRequest>');
    messages.push({ role: match[1], text: text.trim() });
  }
  return messages;
}

function main(): void {
  const repo = process.argv[2];
  if (!repo) throw new Error('usage: deriveCopilotBaseline.ts <vscode-copilot-chat git dir> [commit]');
  const commit = (process.argv[3] ?? git(repo, 'rev-parse', 'HEAD')).trim();
  const packageJson = JSON.parse(git(repo, 'show', `${commit}:package.json`)) as {
    version: string;
    contributes: { languageModelTools: ContributedTool[] };
  };
  // For scale only: which of these are sent depends on settings, `when` clauses and the model.
  const tools = packageJson.contributes.languageModelTools;
  const unconditional = tools.filter((t) => !t.when);
  const toolTokens = (list: ContributedTool[]) =>
    getTokenCounter('o200k_base').count(
      mcpServerText(
        'vscode',
        '',
        list.map((t) => ({ name: t.name, description: t.modelDescription, inputSchema: t.inputSchema })),
        {},
      ),
    );
  const families = git(repo, 'ls-tree', '--name-only', `${commit}:${SNAPSHOTS}`)
    .split('\n')
    .map((name) => /^agentPrompts-(.+)$/.exec(name)?.[1])
    .filter((f): f is string => f !== undefined)
    .sort();
  const byFamily: Record<string, Item[]> = {};
  for (const family of families) {
    const messages = messagesOf(git(repo, 'show', `${commit}:${SNAPSHOTS}/agentPrompts-${family}/all_tools.spec.snap`));
    const system = messages.filter((m) => m.role === 'System').map((m) => m.text);
    const user = messages.filter((m) => m.role === 'User').map((m) => m.text);
    if (!system.length || !user.length) throw new Error(`${family}: no system or user message in the snapshot`);
    byFamily[family] = [
      item('system', `Copilot agent-mode system prompt (${family} prompt)`, system.join('\n\n')),
      item('messages', 'Copilot context (environment, workspace, memory, reminders)', user.join('\n\n')),
    ];
  }
  const baseline = {
    agent: 'vscode',
    clientVersion: `Copilot Chat ${packageJson.version}`,
    mode: 'agent mode, derived from the published source (not measured with the client)',
    derivedFrom: `microsoft/vscode-copilot-chat at ${commit.slice(0, 12)}: the agent-mode prompt its own tests render per model family, with all its tools available`,
    sourceFiles: `${SNAPSHOTS}/agentPrompts-<family>/all_tools.spec.snap at ${commit} (MIT licence; only sizes are shipped)`,
    measuredAt: new Date().toISOString().slice(0, 10),
    measuredWith: 'test/agents/deriveCopilotBaseline.ts',
    notCounted: `tool schemas (Copilot Chat ${packageJson.version} contributes ${tools.length} tools, ${formatInteger(toolTokens(tools))} o200k tokens as tool definitions if all were sent, ${formatInteger(toolTokens(unconditional))} for the ${unconditional.length} without a \`when\` clause; VS Code adds its own; which are sent depends on settings and the model: in the editor they come from vscode.lm.tools), the workspace structure listing, user memory contents, the date line's length`,
    items: byFamily['default'],
    itemsByModelFamily: byFamily,
  };
  const out = path.join(__dirname, '..', '..', 'src', 'core', 'agentContext', 'baselines', 'vscode.json');
  fs.writeFileSync(out, JSON.stringify(baseline, null, 2) + '\n');
  console.log(
    `wrote ${path.relative(process.cwd(), out)}: ${families.map((f) => `${f} ${byFamily[f].map((i) => i.tokensByEncoding.o200k_base).join('+')}`).join(', ')} (o200k tokens)`,
  );
}

main();
