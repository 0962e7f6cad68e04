/**
 * Splits a request Codex CLI 0.169.0 sent (captured by the Responses API stand-in) into the items
 * `mvp context` reports:
 * - `tools`: built-in functions (and the MCP resource tools it adds when servers exist); a namespace
 *   "mcp__SERVER" per MCP server;
 * - `input[0]` (developer): the system prompt; `input[1]` (developer): the skills listing (the
 *   project's skill lines apart) and the permissions note;
 * - `input[2]` (user): "# AGENTS.md instructions …<INSTRUCTIONS>…</INSTRUCTIONS>" (global file, then
 *   "--- project-doc ---", then the project's) and the environment context; the last input is the prompt.
 */
import type { RequestPart } from './claudeCodeRequestParts';

interface Content {
  type: string;
  text?: string;
}
interface InputItem {
  type: string;
  role?: string;
  content?: Content[];
}
export interface CodexRequest {
  tools?: Array<{ type: string; name?: string }>;
  input: InputItem[];
}

const SEPARATOR = '\n--- project-doc ---\n\n';

export function splitCodexRequest(
  body: CodexRequest,
  options: { projectSkills: string[]; globalInstructions?: string; projectInstructions?: string },
): RequestPart[] {
  const parts: RequestPart[] = [];
  for (const tool of body.tools ?? []) {
    const server = tool.type === 'namespace' ? /^mcp__(.+)$/.exec(tool.name ?? '')?.[1] : undefined;
    parts.push(
      server
        ? { kind: 'mcp', name: server, text: JSON.stringify(tool) }
        : { kind: 'tools', name: tool.name ?? tool.type, text: JSON.stringify(tool) },
    );
  }
  const messages = body.input.filter((item) => item.type === 'message');
  const last = messages[messages.length - 1];
  for (const message of messages) {
    for (const content of message.content ?? []) {
      const text = content.text ?? '';
      if (message === last) {
        parts.push({ kind: 'prompt', name: 'prompt', text });
        continue;
      }
      if (text.startsWith('<skills_instructions>')) {
        // A skills folder is named once in the roots table ("- `rN` = `PATH`"): its line goes with the first project skill from it.
        const lines = text.split(/(?<=\n)/);
        const rootLines = new Map(
          lines.flatMap((line) => [...line.matchAll(/^- `(r\d+)` = `/g)].map((m) => [m[1], line] as const)),
        );
        const claimed = new Set<string>();
        let rest = '';
        for (const line of lines) {
          const skill = /^- ([^:\n`]+): /.exec(line)?.[1];
          const root = /\(file: (r\d+)\//.exec(line)?.[1];
          if (skill && options.projectSkills.includes(skill)) {
            const rootLine = root && !claimed.has(root) ? rootLines.get(root) : undefined;
            if (rootLine) claimed.add(root!);
            parts.push({ kind: 'skills', name: skill, text: (rootLine ?? '') + line });
          } else if (!/^- `r\d+` = `/.test(line)) rest += line;
        }
        for (const [root, line] of rootLines) if (!claimed.has(root)) rest += line;
        parts.push({ kind: 'system', name: 'skills listing', text: rest });
        continue;
      }
      const agents = /^(# AGENTS\.md instructions for [^\n]*\n\n<INSTRUCTIONS>\n)([\s\S]*)(<\/INSTRUCTIONS>)$/.exec(
        text,
      );
      if (agents) {
        parts.push({ kind: 'messages', name: 'AGENTS.md wrapper', text: agents[1] + agents[3] });
        const body = agents[2];
        const at = body.indexOf(SEPARATOR);
        const globalText =
          at >= 0
            ? body.slice(0, at + SEPARATOR.length)
            : options.globalInstructions && !options.projectInstructions
              ? body
              : '';
        const projectText = at >= 0 ? body.slice(at + SEPARATOR.length) : globalText ? '' : body;
        if (globalText)
          parts.push({ kind: 'instructions', name: options.globalInstructions ?? 'global', text: globalText });
        if (projectText)
          parts.push({ kind: 'instructions', name: options.projectInstructions ?? 'project', text: projectText });
        continue;
      }
      parts.push({ kind: message.role === 'developer' ? 'system' : 'messages', name: `${message.role} message`, text });
    }
  }
  return parts;
}
