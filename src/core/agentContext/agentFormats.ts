/**
 * How each agent writes instruction files and MCP tools into its request, as observed in the real
 * clients' requests captured by the loopback stand-ins (test/agents/): Claude Code 2.1.328, Codex
 * 0.169.0, Gemini CLI 0.61.0. The texts here are structural (tags, separators, paths), not the
 * agents' prose; Claude Code's memory reminder, which is prose, is measured and shipped as counts.
 */
import type { AgentId, ContextPiece } from './agentContextTypes';
import type { McpTool } from './mcpProbe';

/**
 * Rewrites instruction pieces into the text the agent sends and returns the wrappers it adds around
 * them (one client-format piece each), for the agents whose format is structural.
 * - Codex: "# AGENTS.md instructions for CWD\n\n<INSTRUCTIONS>\n" GLOBAL "\n--- project-doc ---\n\n"
 *   PROJECT… "\n</INSTRUCTIONS>" in the first user message.
 * - Gemini CLI: each file as "--- Context from: PATH ---\n…\n--- End of Context from: PATH ---\n";
 *   the global file in <loaded_context> at the end of the system instruction, the project's in
 *   <loaded_context><project_context> of the first user message.
 */
export function wrapInstructionPieces(agent: AgentId, folder: string, pieces: ContextPiece[]): ContextPiece[] {
  const loaded = pieces.filter((p) => p.kind === 'instructions' && p.text !== undefined && p.text !== '');
  if (!loaded.length) return [];
  const wrapper = (name: string, text: string): ContextPiece => ({
    kind: 'messages',
    name,
    source: 'client-format',
    text,
    origin: `the tags ${agent} puts around instruction files (observed)`,
  });
  switch (agent) {
    case 'codex': {
      const hasProject = loaded.some((p) => p.scope !== 'global');
      for (const piece of loaded) {
        piece.text =
          piece.scope === 'global' && hasProject ? `${piece.text}\n--- project-doc ---\n\n` : `${piece.text}\n`;
      }
      return [
        wrapper('Codex AGENTS.md wrapper', `# AGENTS.md instructions for ${folder}\n\n<INSTRUCTIONS>\n</INSTRUCTIONS>`),
      ];
    }
    case 'gemini': {
      for (const piece of loaded) {
        const body = piece.text!.endsWith('\n') ? piece.text! : `${piece.text}\n`;
        piece.text = `--- Context from: ${piece.path} ---\n${body}--- End of Context from: ${piece.path} ---\n`;
      }
      const out: ContextPiece[] = [];
      if (loaded.some((p) => p.scope === 'global'))
        out.push(wrapper('Gemini CLI global context wrapper', '\n\n<loaded_context>\n</loaded_context>'));
      if (loaded.some((p) => p.scope !== 'global'))
        out.push(
          wrapper(
            'Gemini CLI project context wrapper',
            '\n\n<loaded_context>\n<project_context>\n</project_context>\n</loaded_context>',
          ),
        );
      return out;
    }
    default:
      return [];
  }
}

/** Claude Code's tool search (on by default in 2.1.328) defers MCP tool schemas: only names are sent. */
export function toolSearchOff(env: Record<string, string | undefined>): boolean {
  return /^(false|0|off)$/i.test(env.ENABLE_TOOL_SEARCH ?? '');
}

export function mcpSendsNamesOnly(agent: AgentId, env: Record<string, string | undefined>): boolean {
  return agent === 'claude-code' && !toolSearchOff(env);
}

/** Schema keys Codex leaves out when it sends an MCP tool (observed: "$schema", "default"). */
const CODEX_DROPPED_SCHEMA_KEYS = new Set(['$schema', 'default']);

function withoutKeys(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      // "properties" maps names to schemas: a property may itself be called "default".
      .filter(([key]) => !keys.has(key))
      .map(([key, v]) => [
        key,
        key === 'properties' && v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([name, schema]) => [name, withoutKeys(schema, keys)]))
          : withoutKeys(v, keys),
      ]),
  );
}

/** The text one MCP server's tools add to each request. */
export function mcpServerText(
  agent: AgentId,
  server: string,
  tools: McpTool[],
  env: Record<string, string | undefined>,
): string {
  switch (agent) {
    case 'claude-code':
      return tools
        .map((tool) => {
          const name = `mcp__${server}__${tool.name}`;
          return toolSearchOff(env)
            ? JSON.stringify({ name, description: tool.description ?? '', input_schema: tool.inputSchema ?? {} })
            : `${name}\n`;
        })
        .join('');
    case 'codex':
      // One namespace per server, each tool a function with its schema (observed).
      return JSON.stringify({
        type: 'namespace',
        name: `mcp__${server}`,
        description: `Tools in the mcp__${server} namespace.`,
        tools: tools.map((tool) => ({
          type: 'function',
          name: tool.name,
          description: tool.description ?? '',
          strict: false,
          parameters: withoutKeys(tool.inputSchema ?? {}, CODEX_DROPPED_SCHEMA_KEYS),
        })),
      });
    case 'gemini':
      return tools
        .map((tool) =>
          JSON.stringify({
            name: tool.name,
            description: tool.description ?? '',
            parametersJsonSchema: tool.inputSchema ?? {},
          }),
        )
        .join('');
    case 'vscode':
      return tools
        .map((tool) =>
          JSON.stringify({ name: tool.name, description: tool.description ?? '', parameters: tool.inputSchema ?? {} }),
        )
        .join('');
  }
}
