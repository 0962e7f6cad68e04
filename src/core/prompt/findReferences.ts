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

/** A reference as written in one stretch of prose, relative to it (what can be remembered per block). */
export interface WrittenReference {
  syntax: ReferenceSyntax;
  rawPath: string;
  sheet?: string;
  start: number;
  end: number;
}

export function findReferences(
  text: string,
  proseRanges: readonly TextRange[],
  baseDir: string,
  referencesIn: (range: TextRange) => readonly WrittenReference[] = (range) => findWrittenReferences(text.slice(range.start, range.end)),
): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  for (const prose of proseRanges) {
    for (const written of referencesIn(prose)) {
      found.push({
        syntax: written.syntax,
        rawPath: written.rawPath,
        path: path.resolve(baseDir, written.rawPath),
        sheet: written.sheet,
        range: { start: prose.start + written.start, end: prose.start + written.end },
      });
    }
  }
  return found.sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0));
}

/** The references written in one stretch of prose, with offsets relative to it. */
export function findWrittenReferences(chunk: string): WrittenReference[] {
  const found: WrittenReference[] = [];
  collect(chunk, HASH_FILE, '#file', found, (m) => m[1] ?? m[2] ?? m[3]);
  collect(chunk, MARKDOWN_LINK, 'markdownLink', found, (m) => {
    const target = m[1].replace(/^<|>$/g, '');
    return isLocalTarget(target) ? safeDecode(target.replace(/^file:\/\//, '')) : undefined;
  });
  collect(chunk, AT_MENTION, 'atMention', found, (m) => {
    const candidate = m[1];
    // "@alice" or "@mvp" are people and participants; a path has a folder or an extension.
    return candidate.includes('/') || /\.[A-Za-z0-9]{1,8}$/.test(candidate.replace(TRAILING_PUNCTUATION, ''))
      ? candidate
      : undefined;
  });
  return found;
}

function collect(
  chunk: string,
  pattern: RegExp,
  syntax: ReferenceSyntax,
  out: WrittenReference[],
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
    out.push({ syntax, rawPath: filePath, sheet, start: m.index, end: matchEnd });
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
