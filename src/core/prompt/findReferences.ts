/**
 * Finds the files a prompt attaches, in the forms people write today:
 * `#file:path` (VS Code prompt files), Markdown links/images to local files, and `@path` mentions.
 * Spreadsheet selectors: `#file:book.xlsx#Sales` or `book.xlsx?sheet=Sales`.
 */
import * as path from 'node:path';
import type { AttachmentReference, ReferenceSyntax } from './parsedPrompt';
import type { TextRange } from '../textRange';

const HASH_FILE = /#file:(?:"([^"]+)"|`([^`]+)`|([^\s)\]>"'`]+))/g;
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*(<[^>\n]+>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const AT_MENTION = /(?<![\w@/.`])@((?:\.{1,2}\/|\/)?[\w.\-]+(?:\/[\w.\-]+)*)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

export function findReferences(
  text: string,
  proseRanges: readonly TextRange[],
  baseDir: string,
): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  for (const prose of proseRanges) {
    const chunk = text.slice(prose.start, prose.end);
    collect(chunk, prose.start, HASH_FILE, '#file', baseDir, found, (m) => m[1] ?? m[2] ?? m[3]);
    collect(chunk, prose.start, MARKDOWN_LINK, 'markdownLink', baseDir, found, (m) => {
      const target = m[1].replace(/^<|>$/g, '');
      return isLocalTarget(target) ? safeDecode(target.replace(/^file:\/\//, '')) : undefined;
    });
    collect(chunk, prose.start, AT_MENTION, 'atMention', baseDir, found, (m) => {
      const candidate = m[1];
      // "@alice" or "@mvp" are people and participants; a path has a folder or an extension.
      return candidate.includes('/') || /\.[A-Za-z0-9]{1,8}$/.test(candidate.replace(TRAILING_PUNCTUATION, ''))
        ? candidate
        : undefined;
    });
  }
  return found.sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0));
}

function collect(
  chunk: string,
  offset: number,
  pattern: RegExp,
  syntax: ReferenceSyntax,
  baseDir: string,
  out: AttachmentReference[],
  pick: (m: RegExpExecArray) => string | undefined,
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(chunk); m; m = pattern.exec(chunk)) {
    let raw = pick(m);
    if (!raw) {
      continue;
    }
    let matchEnd = m.index + m[0].length;
    if (syntax !== 'markdownLink') {
      const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
      matchEnd -= raw.length - trimmed.length;
      raw = trimmed;
    }
    if (!raw) {
      continue;
    }
    const { filePath, sheet } = splitSheetSelector(raw);
    if (!filePath) {
      continue;
    }
    const range: TextRange = { start: offset + m.index, end: offset + matchEnd };
    out.push({
      syntax,
      rawPath: filePath,
      path: path.resolve(baseDir, filePath),
      sheet,
      range,
    });
  }
}

/** `book.xlsx#Sales`, `book.xlsx?sheet=Sales` → the file and the sheet. */
export function splitSheetSelector(raw: string): { filePath: string; sheet?: string } {
  const query = /\?(?:.*&)?sheet=([^&#]+)/.exec(raw);
  if (query) {
    return { filePath: raw.slice(0, raw.indexOf('?')), sheet: safeDecode(query[1]) };
  }
  const hash = raw.indexOf('#');
  if (hash > 0) {
    const sheet = raw.slice(hash + 1);
    return { filePath: raw.slice(0, hash), sheet: sheet ? safeDecode(sheet) : undefined };
  }
  return { filePath: raw.split('?')[0] };
}

function isLocalTarget(target: string): boolean {
  if (target.startsWith('#')) {
    return false;
  }
  if (/^file:\/\//i.test(target)) {
    return true;
  }
  return !/^[a-z][a-z0-9+.-]*:/i.test(target);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
