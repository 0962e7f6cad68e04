/**
 * `mvp context`: what a coding agent sends with every request before the user types a word, item by
 * item (system prompt, built-in tools, MCP servers, memory and instruction files, skills), with
 * tokens, energy per request and per session, and findings with fixes. See docs/agent-context.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENT_IDS, type AgentContext, type AgentId } from '../../core/agentContext/agentContextTypes';
import { analyseAgentContext } from '../../core/agentContext/analyseAgentContext';
import { agentContextText } from '../../core/agentContext/formatAgentContext';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';

export const CONTEXT_USAGE = `Usage: mvp context [FOLDER] [--agent auto|claude-code|vscode|codex|gemini] [--model ID] [--format text|json] [--probe-mcp] [--no-logs]

Lists what the agent sends with every request in FOLDER (default: the current folder) before you
type a word: its own system prompt and tools (learned from your logs, else a baseline measured with
the real client; for Copilot derived from its published prompts), MCP servers' tools, memory and instruction files (with their @imports), and the
skill listing; tokens for the model, Wh per request and per session, and findings with fixes.

  --agent NAME   which agent's rules to apply (default: auto, from the files in FOLDER)
  --model ID     model profile to count and estimate with (default: the team config's model, else
                 the agent's usual one: claude-sonnet-4-5, gpt-4o, gpt-5, gemini-2.5-pro)
  --probe-mcp    start the configured MCP servers (stdio, or HTTP on localhost) to measure their
                 tools, at most 20 s each, and cache the result; without it only the cache is read
  --no-logs      ignore the agent's session logs (no learned load, no pace, no unused-server check)
  --format FMT   text (default) or json
`;

export async function runContext(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    agent: { type: 'string', choices: ['auto', ...AGENT_IDS] },
    model: { type: 'string', short: 'm' },
    format: { type: 'string', choices: ['text', 'json'] },
    'probe-mcp': { type: 'boolean' },
    'no-logs': { type: 'boolean' },
  });
  if (positionals.length > 1)
    throw new UsageError(`expected at most one folder, got ${positionals.length} — usage: mvp context [FOLDER] …`);
  const folder = path.resolve(io.cwd, positionals[0] ?? '.');
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new UsageError(`'${positionals[0]}' is not a folder`);
  const context = await analyseAgentContext({
    folder,
    agent: (flags.agent as AgentId | 'auto' | undefined) ?? 'auto',
    model: flags.model as string | undefined,
    probeMcp: flags['probe-mcp'] === true,
    useLogs: flags['no-logs'] !== true,
  });
  io.stdout(flags.format === 'json' ? JSON.stringify(contextJson(context), null, 2) + '\n' : agentContextText(context));
  return 0;
}

/** The JSON contract of issue 13, plus explanations (source, origin, problem, findings, notes). */
export function contextJson(context: AgentContext) {
  return {
    agent: context.agent,
    model: context.model.id,
    folder: context.folder,
    total: { tokens: context.total.tokens, wh: context.total.wh },
    session: context.session,
    items: context.items.map((item) => ({
      kind: item.kind,
      name: item.name,
      ...(item.path ? { path: item.path } : {}),
      tokens: item.tokens,
      wh: item.wh,
      source: item.source,
      origin: item.origin,
      ...(item.problem ? { problem: item.problem } : {}),
    })),
    findings: context.findings,
    notes: context.notes,
  };
}
