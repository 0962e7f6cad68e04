/**
 * Finds the files a prompt attaches, in the forms people write today:
 * `#file:path` (VS Code prompt files), Markdown links/images to local files, and `@path` mentions
 * (Claude Code imports). Spreadsheet selectors: `#file:book.xlsx#Sales` or `book.xlsx?sheet=Sales`.
 *
 * Only where the syntax means "attach": never inside inline code (`[text](url)` quoted as an
 * example) or HTML comments (fenced code never reaches here), never npm scopes
 * (`@tailwindcss/vite`), decorators (`@pytest.mark.asyncio`), e-mail addresses, URLs, template
 * holes (`#file:{{file}}`, `[link](<url>)`) or placeholder targets without a file name
 * (`[text](url)`, `[/spec/](/spec/)`, a folder).
 */
import * as path from 'node:path';
import type { AttachmentReference, ReferenceSyntax } from './parsedPrompt';
import type { TextRange } from '../textRange';

const HASH_FILE = /#file:(?:"([^"]+)"|`([^`]+)`|([^\s)\]>"'`]+))/g;
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*(<[^>\n]+>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const AT_MENTION = /(?<![\w@/.`])@((?:\.{1,2}\/|\/)?[\w.\-]+(?:\/[\w.\-]+)*)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)*]+$/;
/** Template holes and placeholders: `{{file}}`, `${path}`, `<url>`, `[path]`, globs. */
const PLACEHOLDER = /\{\{|\}\}|\$\{|[<>*[\]|]/;
/** Extensions of files people attach (an `@name.ext` without a folder must have one of these to be a path). */
const FILE_EXTENSION =
  /\.(?:md|mdx|markdown|txt|rst|adoc|ts|tsx|js|jsx|mjs|cjs|json|jsonc|jsonl|ya?ml|toml|ini|cfg|conf|env|py|ipynb|rb|go|rs|java|kt|kts|scala|cs|fs|vb|cpp|cc|cxx|c|h|hpp|m|mm|swift|php|pl|lua|r|dart|ex|exs|erl|hs|clj|sh|bash|zsh|ps1|psm1|bat|cmd|sql|csv|tsv|xlsx|xlsm|xlsb|xls|ods|fods|log|html?|css|scss|sass|less|xml|svg|pdf|png|jpe?g|gif|webp|bmp|docx?|pptx?|vue|svelte|astro|graphql|gql|proto|tf|hcl|gradle|lock|diff|patch|prompt|dockerfile)$/i;
const SPREADSHEET_EXTENSION = /\.(?:xlsx|xlsm|xlsb|xls|ods|fods|csv|tsv)$/i;

/** A reference as written in one stretch of prose, relative to it (what can be remembered per block). */
export interface WrittenReference {
  syntax: ReferenceSyntax;
  rawPath: string;
  sheet?: string;
  start: number;
  end: number;
}

/** Where relative paths are resolved, as the agent resolves them. */
export interface ReferenceResolution {
  /** The prompt's own folder (or the cwd for a prompt without a file). */
  baseDir: string;
  /** The workspace (repository) root, when known: `#file:` paths and root-relative links (`/docs/x.md`) resolve there. */
  workspaceRoot?: string;
  /** The syntaxes that attach a file in this kind of document (default: all). */
  syntaxes?: readonly ReferenceSyntax[];
}

export function findReferences(
  text: string,
  proseRanges: readonly TextRange[],
  resolution: ReferenceResolution | string,
  referencesIn?: (range: TextRange) => readonly WrittenReference[],
): AttachmentReference[] {
  const how: ReferenceResolution = typeof resolution === 'string' ? { baseDir: resolution } : resolution;
  const find = referencesIn ?? ((range: TextRange) => findWrittenReferences(text.slice(range.start, range.end), how.syntaxes));
  const found: AttachmentReference[] = [];
  for (const prose of proseRanges) {
    for (const written of find(prose)) {
      found.push({
        syntax: written.syntax,
        rawPath: written.rawPath,
        ...resolveReference(written, how),
        sheet: written.sheet,
        range: { start: prose.start + written.start, end: prose.start + written.end },
      });
    }
  }
  return found.sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0));
}

/**
 * `#file:` paths are relative to the prompt's folder in a prompt file and to the workspace root in
 * the chat box; both are kept, the prompt's folder first (the reader tries the other when the first
 * does not exist). Root-relative links (`/docs/x.md`) mean the repository root, never the disk's.
 */
function resolveReference(written: WrittenReference, how: ReferenceResolution): Pick<AttachmentReference, 'path' | 'resolvedAgainst' | 'alsoTried'> {
  const raw = written.rawPath;
  // An absolute path already inside the workspace (what VS Code's chat writes for #file) stays as is.
  const alreadyInRoot = how.workspaceRoot !== undefined && path.isAbsolute(raw) && path.resolve(raw).startsWith(path.resolve(how.workspaceRoot) + path.sep);
  if (how.workspaceRoot && /^[\\/]/.test(raw) && written.syntax !== 'cli' && !alreadyInRoot) {
    return { path: path.join(how.workspaceRoot, raw), resolvedAgainst: 'workspaceRoot' };
  }
  const local = path.resolve(how.baseDir, raw);
  if (written.syntax === '#file' && how.workspaceRoot && !path.isAbsolute(raw)) {
    const fromRoot = path.resolve(how.workspaceRoot, raw);
    return fromRoot === local ? { path: local, resolvedAgainst: 'promptFolder' } : { path: local, resolvedAgainst: 'promptFolder', alsoTried: fromRoot };
  }
  return { path: local, resolvedAgainst: 'promptFolder' };
}

/** The references written in one stretch of prose, with offsets relative to it. */
export function findWrittenReferences(chunk: string, syntaxes: readonly ReferenceSyntax[] = ['#file', 'markdownLink', 'atMention']): WrittenReference[] {
  const found: WrittenReference[] = [];
  const prose = maskCode(chunk);
  if (syntaxes.includes('#file')) {
    collect(prose, HASH_FILE, '#file', found, (m) => {
      const raw = m[1] ?? m[2] ?? m[3];
      return PLACEHOLDER.test(raw) ? undefined : raw;
    });
  }
  if (syntaxes.includes('markdownLink')) {
    collect(prose, MARKDOWN_LINK, 'markdownLink', found, (m) => {
      const target = m[1].replace(/^<|>$/g, '');
      if (!isLocalTarget(target)) return undefined;
      const decoded = safeDecode(target.replace(/^file:\/\//, ''));
      return namesAFile(decoded) ? decoded : undefined;
    });
  }
  if (syntaxes.includes('atMention')) {
    collect(prose, AT_MENTION, 'atMention', found, (m) => {
      const candidate = m[1].replace(TRAILING_PUNCTUATION, '');
      // "@alice", "@mvp" are people and participants, "@scope/package" an npm package, "@pytest.mark.asyncio"
      // a decorator: a path is explicit (./, ../, /) or ends in a file extension.
      return /^\.{0,2}\//.test(candidate) || FILE_EXTENSION.test(candidate) ? m[1] : undefined;
    });
  }
  return found;
}

/** Inline code spans and HTML comments blanked out (same length, so offsets stay). */
function maskCode(chunk: string): string {
  if (!chunk.includes('`') && !chunk.includes('<!--')) return chunk;
  return chunk.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)|<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
}

/** A link target that names a file (not a folder, not a bare word such as "url" or "path", not a template). */
function namesAFile(target: string): boolean {
  const withoutSelector = target.split(/[?#]/)[0];
  if (!withoutSelector || PLACEHOLDER.test(withoutSelector) || /[\\/]$/.test(withoutSelector)) return false;
  const base = withoutSelector.split(/[\\/]/).pop() ?? '';
  return base.includes('.') && !/^\.+$/.test(base);
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
      // Sentence punctuation after an unquoted path is not part of it.
      const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
      if (m[0].endsWith(raw)) matchEnd -= raw.length - trimmed.length;
      raw = trimmed;
    }
    if (!raw) {
      continue;
    }
    const { filePath, sheet } = splitSelector(raw);
    if (!filePath) {
      continue;
    }
    out.push({ syntax, rawPath: filePath, sheet, start: m.index, end: matchEnd });
  }
}

/**
 * `book.xlsx#Sales`, `book.xlsx?sheet=Sales` → the file and the sheet. On any other file a `#…` is
 * a heading anchor (`CONTRIBUTING.md#adding-instructions`), not a sheet: dropped.
 */
function splitSelector(raw: string): { filePath: string; sheet?: string } {
  const split = splitSheetSelector(raw);
  return split.sheet !== undefined && !SPREADSHEET_EXTENSION.test(split.filePath) ? { filePath: split.filePath } : split;
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
    return { filePath: raw.slice(0, hash).split('?')[0], sheet: sheet ? safeDecode(sheet) : undefined };
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
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
