/**
 * Checks that a fix leaves Markdown as valid as it found it. The one breakage that matters most
 * (seen on real files): a fix that removes an odd number of code-fence lines turns the rest of the
 * file into code, or the code into prose.
 */
import type { TextEdit } from '../../src/core/rules/finding';

/** Applies non-overlapping edits (any order) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start))
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The fenced blocks of a text as CommonMark sees them: opening line numbers, and whether the last one is left open. */
export function fenceStructure(text: string): { blocks: number; unclosed: boolean } {
  let open: string | undefined;
  let blocks = 0;
  for (const line of text.split(/\r?\n/)) {
    if (open === undefined) {
      const m = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not contain a backtick.
      if (m && !(m[1][0] === '`' && line.slice(line.indexOf(m[1]) + m[1].length).includes('`'))) {
        open = m[1];
        blocks++;
      }
    } else {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m && m[1][0] === open[0] && m[1].length >= open.length) open = undefined;
    }
  }
  return { blocks, unclosed: open !== undefined };
}

/** Fence-looking lines at any indentation (fences nested in list items and quotes count too). */
function fenceLines(text: string): number {
  return (text.match(/^[ \t>]*(?:`{3,}|~{3,})/gm) ?? []).length;
}

/** What a fix broke, or undefined: a fence left open that was not before, or an odd number of fence lines removed. */
export function fenceProblems(before: string, after: string): string | undefined {
  const a = fenceStructure(before);
  const b = fenceStructure(after);
  if (b.unclosed && !a.unclosed) return `leaves a code fence open (${a.blocks} blocks before, ${b.blocks} after)`;
  const removed = fenceLines(before) - fenceLines(after);
  if (removed % 2 !== 0) return `removes an odd number of fence lines (${removed})`;
  return undefined;
}
