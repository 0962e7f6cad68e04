/**
 * The content of a pasted block without its Markdown fence, so fixes rewrite the data and keep
 * the ``` lines the author wrote.
 */
import type { ParsedPrompt, PartKind, PromptPart } from '../prompt/parsedPrompt';
import type { TextRange } from '../textRange';

export function fencedBody(text: string, range: TextRange): TextRange {
  const slice = text.slice(range.start, range.end);
  const open = /^[ \t]*(`{3,}|~{3,})[^\n]*\n/.exec(slice);
  if (!open) {
    return range;
  }
  const fence = open[1];
  const start = range.start + open[0].length;
  const close = new RegExp(`\\n?[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\n?$`).exec(slice.slice(open[0].length));
  const end = close ? start + close.index : range.end;
  return { start, end: Math.max(start, end) };
}

/** Each pasted part of `kind`, with the range and the text inside its fence. */
export function fencedParts(prompt: ParsedPrompt, kind: PartKind): Array<{ part: PromptPart; body: TextRange; text: string }> {
  return prompt.parts
    .filter((part) => part.kind === kind)
    .map((part) => {
      const body = fencedBody(prompt.text, part.range);
      return { part, body, text: prompt.text.slice(body.start, body.end) };
    });
}
