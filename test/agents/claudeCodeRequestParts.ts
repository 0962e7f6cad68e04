/**
 * Splits a request that Claude Code sent (captured by the Messages API stand-in) into the items
 * `mvp context` reports, so the two can be compared item by item and the built-in baseline measured.
 * The layout is the one Claude Code 2.1.328 sends (see docs/agent-context.md):
 * - `system` blocks and the trailing system-role message (environment, deferred tool names, agent
 *   types, skill listing, date): the client's system load, except the lines of the project's
 *   MCP tools ("mcp__SERVER__TOOL") and of the project's skills ("- NAME: DESCRIPTION");
 * - `tools`: the built-in tool schemas (MCP tools among them when tool search is off);
 * - the first user message: reminders, one of them holding the memory files as
 *   "Contents of PATH (…):" sections; its last block is what the user typed.
 */
export interface RequestPart {
  kind: 'system' | 'tools' | 'mcp' | 'memory' | 'instructions' | 'skills' | 'messages' | 'prompt';
  /** Server name for mcp, file path for memory, skill name for skills. */
  name: string;
  text: string;
}

interface Block {
  type: string;
  text?: string;
}
interface Message {
  role: string;
  content: string | Block[];
}
export interface CapturedRequest {
  system?: string | Block[];
  tools?: Array<{ name: string }>;
  messages: Message[];
}

const MEMORY_MARKER = 'Codebase and user instructions are shown below';

function blocksOf(content: string | Block[]): string[] {
  return typeof content === 'string' ? [content] : content.filter((b) => b.type === 'text').map((b) => b.text ?? '');
}

export function splitClaudeCodeRequest(body: CapturedRequest, projectSkills: string[]): RequestPart[] {
  const parts: RequestPart[] = [];
  const system = typeof body.system === 'string' ? [body.system] : (body.system ?? []).map((b) => b.text ?? '');
  parts.push({ kind: 'system', name: 'system blocks', text: system.join('') });
  for (const tool of body.tools ?? []) {
    const server = /^mcp__(.+?)__/.exec(tool.name)?.[1];
    parts.push(
      server
        ? { kind: 'mcp', name: server, text: JSON.stringify(tool) }
        : { kind: 'tools', name: tool.name, text: JSON.stringify(tool) },
    );
  }
  const [first, ...rest] = body.messages;
  const userBlocks = blocksOf(first.content);
  userBlocks.forEach((block, index) => {
    if (index === userBlocks.length - 1) {
      parts.push({ kind: 'prompt', name: 'prompt', text: block });
      return;
    }
    if (!block.includes(MEMORY_MARKER)) {
      parts.push({ kind: 'messages', name: 'reminder', text: block });
      return;
    }
    const sections = block.split(/(?=^Contents of .+? \([^)]*\):\n\n)/m);
    parts.push({ kind: 'messages', name: 'memory reminder wrapper', text: sections[0] });
    for (const section of sections.slice(1)) {
      const file = /^Contents of (.+?) \([^)]*\):/.exec(section)![1];
      const closing = section.endsWith('</system-reminder>') ? '</system-reminder>' : '';
      parts.push({ kind: 'memory', name: file, text: closing ? section.slice(0, -closing.length) : section });
      if (closing) parts.push({ kind: 'messages', name: 'memory reminder wrapper', text: closing });
    }
  });
  for (const message of rest) {
    for (const block of blocksOf(message.content)) {
      const lines = block.split(/(?<=\n)/);
      let systemText = '';
      for (const line of lines) {
        const server = /^mcp__(.+?)__\S+\n?$/.exec(line)?.[1];
        const skill = /^- ([^:\n]+): /.exec(line)?.[1];
        if (server) parts.push({ kind: 'mcp', name: server, text: line });
        else if (skill && projectSkills.includes(skill)) parts.push({ kind: 'skills', name: skill, text: line });
        else systemText += line;
      }
      parts.push({
        kind: message.role === 'system' ? 'system' : 'messages',
        name: `${message.role} message`,
        text: systemText,
      });
    }
  }
  return parts;
}

/** Parts of one kind and name merged (e.g. all lines of one MCP server). */
export function mergeParts(parts: RequestPart[]): Map<string, string> {
  const merged = new Map<string, string>();
  for (const part of parts) {
    const key = ['mcp', 'memory', 'instructions', 'skills'].includes(part.kind)
      ? `${part.kind}:${part.name}`
      : part.kind;
    merged.set(key, (merged.get(key) ?? '') + part.text);
  }
  return merged;
}
