/**
 * The question a prompt asks, for rules that judge attachments and answers against it: the
 * parser's `question` part when there is one, else the last paragraph of prose.
 */
import type { ParsedPrompt } from '../prompt/parsedPrompt';
import type { TextRange } from '../textRange';

export interface PromptQuestion {
  text: string;
  range: TextRange;
}

const NOT_PROSE = new Set(['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'base64', 'frontMatter', 'history']);

export function promptQuestion(prompt: ParsedPrompt): PromptQuestion | undefined {
  const parts = prompt.parts.filter((p) => p.kind === 'question');
  if (parts.length) {
    const range = { start: parts[0].range.start, end: parts[parts.length - 1].range.end };
    return { text: prompt.text.slice(range.start, range.end), range };
  }
  // Fallback: the last blank-line-separated paragraph that lies outside code and pasted data.
  const blocked = prompt.parts.filter((p) => NOT_PROSE.has(p.kind));
  const paragraphs = [...prompt.text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)];
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const m = paragraphs[i];
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const inside = blocked.some((p) => start < p.range.end && end > p.range.start);
    if (!inside && m[0].trim() && !/^\s*<!--[\s\S]*-->\s*$/.test(m[0])) {
      return { text: m[0], range: { start, end } };
    }
  }
  return undefined;
}
