/**
 * The comments that turn a rule off, as edits: `<!-- mvp-disable-next-line rule-id -->` above a
 * line and `<!-- mvp-disable-file rule-id -->` at the top of the file (after YAML front matter,
 * which a comment would break). `mvp-disable-file` rather than `mvp-disable` because it also
 * covers findings in the front matter and whole-request findings (disableComments.ts, which reads them).
 * An existing comment of the same kind gets the rule id appended instead of
 * a second comment. Pure: offsets in, offset edits out.
 */
import type { TextEdit } from './finding';
import { lineStarts, positionAt } from '../textRange';

const NEXT_LINE = /^([ \t]*)<!--\s*mvp-disable-next-line\b([^>]*?)\s*-->[ \t]*$/;
const FILE = /^<!--\s*mvp-disable-file\b([^>]*?)\s*-->[ \t]*$/;

function lineText(text: string, starts: number[], line: number): { start: number; end: number; text: string } {
  const start = starts[line];
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end, text: text.slice(start, end) };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** End offset of the front matter block (the offset after its closing `---` line), or 0. */
export function frontMatterEnd(text: string): number {
  const starts = lineStarts(text);
  if (lineText(text, starts, 0).text.trim() !== '---') return 0;
  for (let line = 1; line < starts.length; line++) {
    const t = lineText(text, starts, line).text.trim();
    if (t === '---' || t === '...') {
      return line + 1 < starts.length ? starts[line + 1] : text.length;
    }
  }
  return 0;
}

/** Whether a next-line comment may go above `offset` (not inside front matter). */
export function canDisableForLine(text: string, offset: number): boolean {
  return offset >= frontMatterEnd(text);
}

export function disableForLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  const starts = lineStarts(text);
  const { line } = positionAt(starts, offset);
  if (line > 0) {
    const above = lineText(text, starts, line - 1);
    const m = NEXT_LINE.exec(above.text);
    if (m) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      if (ids.includes(ruleId)) {
        return { range: { start: above.start, end: above.start }, newText: '' };
      }
      const replaced = `${m[1]}<!-- mvp-disable-next-line ${[...ids, ruleId].join(' ')} -->`;
      return { range: { start: above.start, end: above.end }, newText: replaced };
    }
  }
  const current = lineText(text, starts, line);
  const indent = /^[ \t]*/.exec(current.text)![0];
  return {
    range: { start: current.start, end: current.start },
    newText: `${indent}<!-- mvp-disable-next-line ${ruleId} -->${eol(text)}`,
  };
}

export function disableForFileEdit(text: string, ruleId: string): TextEdit {
  const at = frontMatterEnd(text);
  const starts = lineStarts(text);
  const { line } = positionAt(starts, at);
  if (at < text.length || at === 0) {
    const first = lineText(text, starts, line);
    const m = FILE.exec(first.text);
    if (m) {
      const ids = m[1].split(/[\s,]+/).filter(Boolean);
      if (ids.includes(ruleId)) {
        return { range: { start: first.start, end: first.start }, newText: '' };
      }
      return { range: { start: first.start, end: first.end }, newText: `<!-- mvp-disable-file ${[...ids, ruleId].join(' ')} -->` };
    }
  }
  const nl = eol(text);
  const needsBreakBefore = at > 0 && at === text.length && !text.endsWith('\n');
  return { range: { start: at, end: at }, newText: `${needsBreakBefore ? nl : ''}<!-- mvp-disable-file ${ruleId} -->${nl}` };
}
