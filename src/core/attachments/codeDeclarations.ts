/**
 * The declarations of a source file — functions, methods, classes, types — with the text each
 * spans, so that a prompt asking about one of them can send that declaration instead of the whole
 * file. A heuristic over the text, not a parser: brace languages by matching braces outside
 * strings and comments, Python by indentation. It only has to be right about the declarations a
 * question names, and the user sees the excerpt in the prompt before anything is sent.
 */

import { lineStarts, positionAt } from '../textRange';

export type DeclarationKind = 'function' | 'class' | 'type' | 'method';

export interface CodeDeclaration {
  name: string;
  kind: DeclarationKind;
  /** Offsets into the file: from its leading comments and decorators to the end of its last line. */
  start: number;
  end: number;
  /** 1-based lines, as people quote them. */
  startLine: number;
  endLine: number;
}

type Family = 'braces' | 'python';

const FAMILIES: Record<string, Family> = {
  '.py': 'python',
  '.pyw': 'python',
  '.pyi': 'python',
};
for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.java', '.kt', '.kts', '.cs', '.go', '.rs', '.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.hh', '.swift', '.php', '.scala', '.dart', '.groovy', '.m', '.mm']) {
  FAMILIES[ext] = 'braces';
}

/** Which way declarations of files with this extension are found; undefined when we cannot tell. */
export function declarationFamily(extension: string): Family | undefined {
  return FAMILIES[extension.toLowerCase()];
}

const MODIFIERS =
  '(?:(?:export|default|declare|abstract|public|private|protected|internal|static|final|sealed|open|data|inline|override|readonly|async|unsafe|virtual|synchronized|partial|extern|pub(?:\\([^)]*\\))?)\\s+)*';
/** `class Foo`, `function foo`, `fn foo`, `interface Foo`, `struct Foo` … */
const KEYWORD_HEAD = new RegExp(
  `^[ \\t]*${MODIFIERS}(class|interface|enum|struct|trait|record|object|type|namespace|module|function\\*?|fn|fun|def)\\s+([A-Za-z_$][\\w$]*)`,
  'gm',
);
/** Go: `func Name(` and `func (r *Recv) Name(`. */
const GO_FUNC = /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/gm;
/** `const foo = (…) =>`, `export const foo = async function`, `let foo = x =>`. */
const BOUND_FUNCTION =
  /^[ \t]*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*(?:async\s+)?(?:function\b|\([^)\n]*\)\s*(?::[^=\n]+)?=>|[A-Za-z_$][\w$]*\s*=>)/gm;
/**
 * `name(…) {` after optional modifiers and return type: a method (indented), or a C/C++ function
 * at the top level (`static int parse(const char *s) {`, `char *dup(…) {`, `int Foo::bar(…) {`).
 */
const METHOD_HEAD = new RegExp(
  `^[ \\t]*${MODIFIERS}(?:(?:get|set)\\s+)?(?:[\\w.?]+(?:<[^>\\n]*>)?(?:\\[\\])*[ \\t]+){0,3}(?:[*&]+[ \\t]*)?((?:[A-Za-z_$][\\w$]*::)*~?[A-Za-z_$][\\w$]*)[ \\t]*(?:<[^>\\n]*>)?[ \\t]*\\(`,
  'gm',
);
const NOT_A_NAME = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'new', 'else', 'do', 'try', 'with', 'typeof', 'await',
  'throw', 'sizeof', 'case', 'using', 'lock', 'foreach', 'synchronized', 'elif', 'match', 'yield', 'delete', 'void', 'func',
]);
const PYTHON_HEAD = /^([ \t]*)(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_]\w*)/gm;

export function findDeclarations(code: string, extension: string): CodeDeclaration[] {
  const family = declarationFamily(extension);
  if (family === 'python') return pythonDeclarations(code);
  if (family === 'braces') return braceDeclarations(code, extension.toLowerCase() === '.rs');
  return [];
}

function braceDeclarations(code: string, rust: boolean): CodeDeclaration[] {
  const found = new Map<number, CodeDeclaration>();
  const located = locator(code);
  const add = (headStart: number, nameEnd: number, name: string, kind: DeclarationKind, needsBody: boolean) => {
    if (NOT_A_NAME.has(name) || found.has(headStart)) return;
    // A function's parameters may hold braces (`function f({ a }: P)`): its body comes after them.
    const from = kind === 'function' ? afterParameters(code, nameEnd, rust) : nameEnd;
    const end = declarationEnd(code, from, rust, needsBody);
    if (end === undefined) return;
    found.set(headStart, located(name, kind, leadingCommentsStart(code, headStart), end));
  };
  for (const m of code.matchAll(KEYWORD_HEAD)) {
    const keyword = m[1];
    const kind: DeclarationKind = /^(function|fn|fun|def)/.test(keyword) ? 'function' : keyword === 'type' ? 'type' : 'class';
    add(m.index!, m.index! + m[0].length, m[2], kind, false);
  }
  for (const m of code.matchAll(GO_FUNC)) add(m.index!, m.index! + m[0].length, m[1], 'function', false);
  for (const m of code.matchAll(BOUND_FUNCTION)) add(m.index!, m.index! + m[0].length, m[1], 'function', false);
  // A method head looks like a call; only one whose parameter list is followed by its body counts
  // (`foo(x) {`, `foo(x): T {`, `T foo(x) throws E {`), not `describe('…', () => {`.
  for (const m of code.matchAll(METHOD_HEAD)) {
    const bodyAt = bodyAfterParameters(code, m.index! + m[0].length - 1, rust);
    const name = m[m.length - 1].split('::').pop()!;
    if (bodyAt !== undefined) add(m.index!, bodyAt, name, /^\S/.test(m[0]) ? 'function' : 'method', true);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

const BETWEEN_PARAMETERS_AND_BODY = /^\s*(?::\s*[^{};=]+|->\s*[^{};=]+|throws\s+[\w.,\s]+|const|noexcept|override)?\s*$/;

/** For `name(` at `parenStart`: the offset of the body's `{` when one follows the parameter list. */
function bodyAfterParameters(code: string, parenStart: number, rust: boolean): number | undefined {
  const parametersEnd = afterParameters(code, parenStart, rust);
  if (parametersEnd === parenStart) return undefined; // unbalanced
  const brace = code.indexOf('{', parametersEnd);
  if (brace < 0 || brace - parametersEnd > 200) return undefined;
  return BETWEEN_PARAMETERS_AND_BODY.test(code.slice(parametersEnd, brace)) ? brace : undefined;
}

/** After the parameter list that starts at the first `(` from `from` (if one comes before any `{`, `;` or `=`). */
function afterParameters(code: string, from: number, rust: boolean): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const skipped = skipStringOrComment(code, i, rust);
    if (skipped > i) {
      i = skipped - 1;
      continue;
    }
    const c = code[i];
    if (depth === 0 && (c === '{' || c === ';' || c === '=')) return from;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return from;
}

/**
 * Where a declaration whose head ends at `from` ends: after the brace matching its first `{`, or
 * at the first `;` when that comes first (a type alias, an expression-bodied arrow, a prototype).
 */
function declarationEnd(code: string, from: number, rust: boolean, needsBody: boolean): number | undefined {
  let depth = 0;
  let i = from;
  while (i < code.length) {
    const c = code[i];
    const skipped = skipStringOrComment(code, i, rust);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) {
        // `): { name: string } {`: an object type before the body; the body is the last group.
        const next = /\S/.exec(code.slice(i + 1, i + 200));
        if (next?.[0] !== '{') return lineEnd(code, i + 1);
      }
    } else if (c === ';' && depth === 0) {
      return needsBody ? undefined : lineEnd(code, i + 1);
    }
    i++;
  }
  return undefined; // unbalanced: not something to cut out
}

/** If a string or comment starts at `i`, the offset just after it; else `i`. */
function skipStringOrComment(code: string, i: number, rust: boolean): number {
  const c = code[i];
  if (c === '/' && code[i + 1] === '/') return lineEnd(code, i);
  if (c === '/' && code[i + 1] === '*') {
    const close = code.indexOf('*/', i + 2);
    return close < 0 ? code.length : close + 2;
  }
  if (c === '"' || c === '`' || (c === "'" && !rust)) return stringEnd(code, i, c);
  if (c === "'" && rust) {
    // Rust: a char literal ('a', '\n'), not a lifetime ('a).
    const literal = /^'(?:\\.|[^\\'])'/.exec(code.slice(i, i + 12));
    return literal ? i + literal[0].length : i;
  }
  return i;
}

function stringEnd(code: string, start: number, quote: string): number {
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote !== '`') return i; // unterminated on its line: stop there
  }
  return code.length;
}

function pythonDeclarations(code: string): CodeDeclaration[] {
  const declarations: CodeDeclaration[] = [];
  const located = locator(code);
  for (const m of code.matchAll(PYTHON_HEAD)) {
    const indent = m[1].length;
    const bodyStart = pythonSignatureEnd(code, m.index! + m[0].length);
    if (bodyStart === undefined) continue;
    // The body: every following line that is blank or indented deeper than the head.
    let end = lineEnd(code, bodyStart);
    let at = end + 1;
    while (at < code.length) {
      const lineStop = lineEnd(code, at);
      const line = code.slice(at, lineStop);
      if (line.trim() !== '') {
        if (indentation(line) <= indent) break;
        end = lineStop;
      }
      at = lineStop + 1;
    }
    declarations.push(located(m[3], m[2] === 'class' ? 'class' : 'function', leadingCommentsStart(code, m.index!), end));
  }
  return declarations;
}

/** The offset of the `:` that ends a `def`/`class` head (which may span lines inside brackets). */
function pythonSignatureEnd(code: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '#') i = lineEnd(code, i) - 1;
    else if (c === '"' || c === "'") i = stringEnd(code, i, c) - 1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0) return i;
    else if (c === '\n' && depth === 0) return undefined;
  }
  return undefined;
}

function indentation(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
}

/** Comment, attribute and decorator lines directly above a head belong to the declaration. */
function leadingCommentsStart(code: string, headStart: number): number {
  let start = code.lastIndexOf('\n', headStart - 1) + 1;
  while (start > 0) {
    const previousStart = code.lastIndexOf('\n', start - 2) + 1;
    const previous = code.slice(previousStart, start - 1).trim();
    if (!/^(\/\/|\/\*|\*|#\[|@|#(?!include|define|if|endif|pragma)|""")/.test(previous) && !previous.endsWith('*/')) break;
    start = previousStart;
  }
  return start;
}

function lineEnd(code: string, from: number): number {
  const newline = code.indexOf('\n', from);
  return newline < 0 ? code.length : newline;
}

/** Builds declarations with 1-based line numbers, looked up in the file's line starts (found once). */
function locator(code: string): (name: string, kind: DeclarationKind, start: number, end: number) => CodeDeclaration {
  let starts: number[] | undefined;
  const lineOf = (offset: number) => positionAt((starts ??= lineStarts(code)), offset).line + 1;
  return (name, kind, start, end) => ({ name, kind, start, end, startLine: lineOf(start), endLine: lineOf(Math.max(start, end - 1)) });
}
