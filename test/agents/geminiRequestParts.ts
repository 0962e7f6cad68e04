/**
 * Splits a request Gemini CLI 0.61.0 sent (captured by the Gemini API stand-in) into the items
 * `mvp context` reports:
 * - `systemInstruction`: the system prompt, with the skills listing (<available_skills>, the
 *   project's <skill> entries apart) and, at its end, the global GEMINI.md in <loaded_context>;
 * - `tools[].functionDeclarations`: built-in tools (MCP tools when present, by server tool name);
 * - the first user content: <session_context> (date, OS, folder listing) whose <loaded_context>
 *   <project_context> holds the project's GEMINI.md files; the last text part is the prompt.
 */
import type { RequestPart } from './claudeCodeRequestParts';

interface Part {
  text?: string;
}
export interface GeminiRequest {
  systemInstruction?: { parts?: Part[] };
  tools?: Array<{ functionDeclarations?: Array<{ name: string }> }>;
  contents: Array<{ role: string; parts: Part[] }>;
}

const SECTION = /--- Context from: (.+?) ---\n[\s\S]*?--- End of Context from: \1 ---\n/g;

function splitSections(text: string, parts: RequestPart[], restKind: RequestPart['kind'], restName: string): void {
  let rest = '';
  let at = 0;
  for (const match of text.matchAll(SECTION)) {
    rest += text.slice(at, match.index);
    parts.push({ kind: 'instructions', name: match[1], text: match[0] });
    at = match.index! + match[0].length;
  }
  rest += text.slice(at);
  parts.push({ kind: restKind, name: restName, text: rest });
}

export function splitGeminiRequest(
  body: GeminiRequest,
  options: { projectSkills: string[]; mcpTools?: Record<string, string[]> },
): RequestPart[] {
  const parts: RequestPart[] = [];
  let system = (body.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join('');
  system = system.replace(
    / {2}<skill>\n {4}<name>([^<]*)<\/name>[\s\S]*?<\/skill>\n/g,
    (entry: string, name: string) => {
      if (!options.projectSkills.includes(name)) return entry;
      parts.push({ kind: 'skills', name, text: entry });
      return '';
    },
  );
  splitSections(system, parts, 'system', 'system instruction');
  const serverOf = new Map(
    Object.entries(options.mcpTools ?? {}).flatMap(([server, tools]) => tools.map((tool) => [tool, server] as const)),
  );
  for (const declaration of (body.tools ?? []).flatMap((t) => t.functionDeclarations ?? [])) {
    const server = serverOf.get(declaration.name);
    parts.push(
      server
        ? { kind: 'mcp', name: server, text: JSON.stringify(declaration) }
        : { kind: 'tools', name: declaration.name, text: JSON.stringify(declaration) },
    );
  }
  const texts = body.contents.flatMap((content) => content.parts.map((p) => p.text ?? ''));
  texts.forEach((text, index) => {
    if (index === texts.length - 1) parts.push({ kind: 'prompt', name: 'prompt', text });
    else splitSections(text, parts, 'messages', 'session context');
  });
  return parts;
}
