/**
 * Decides what a block of pasted text is: a log, JSON, a table, a base64 blob, code, or prose.
 * The rules that suggest reductions (tail a log, minify JSON, drop a blob) key off this.
 */
import type { PartKind } from './parsedPrompt';

const LOG_LINE =
  /^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|\w{3} +\d{1,2} \d{2}:\d{2}:\d{2}|\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\b\]?|at [\w$.<>]+ ?\(|at .+:\d+:\d+|File ".+", line \d+|Traceback \(most recent call last\)|(?:npm|yarn) (?:ERR|WARN)|E\d{4} |W\d{4} |\d+\.\d+\.\d+\.\d+ - -)/i;
const LOG_LANGS = new Set(['log', 'logs', 'console', 'shell-session', 'output', 'stacktrace', 'traceback']);
const JSON_LANGS = new Set(['json', 'jsonc', 'json5', 'jsonl', 'ndjson']);
const TABLE_LANGS = new Set(['csv', 'tsv']);

/**
 * @param fenced true for the content of a fenced code block (prose is then impossible).
 */
export function classifyBlock(content: string, infoString: string, fenced: boolean): PartKind {
  const lang = infoString.toLowerCase();
  if (JSON_LANGS.has(lang)) {
    return 'pastedJson';
  }
  if (TABLE_LANGS.has(lang)) {
    return 'pastedTable';
  }
  if (LOG_LANGS.has(lang) || looksLikeLog(content)) {
    return 'pastedLog';
  }
  if ((lang === '' || lang === 'text' || lang === 'txt') && looksLikeJson(content)) {
    return 'pastedJson';
  }
  if ((lang === '' || lang === 'text' || lang === 'txt') && looksLikeBase64(content)) {
    return 'base64';
  }
  if (looksLikeTable(content)) {
    return 'pastedTable';
  }
  return fenced ? 'codeBlock' : 'instructions';
}

export function looksLikeLog(content: string): boolean {
  const lines = nonEmptyLines(content, 400);
  if (lines.length < 4) {
    return false;
  }
  let hits = 0;
  for (const line of lines) {
    if (LOG_LINE.test(line)) {
      hits++;
    }
  }
  return hits / lines.length >= 0.6;
}

function looksLikeJson(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length < 2 || !/^[[{]/.test(trimmed) || !/[\]}]$/.test(trimmed)) {
    return false;
  }
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function looksLikeBase64(content: string): boolean {
  const body = content.trimStart().replace(DATA_URI_PREFIX, '');
  // Reject prose at its first non-base64 character: this runs on every paragraph while typing.
  if (body.length < 200 || /[^A-Za-z0-9+/=\s]/.test(body)) {
    return false;
  }
  const compact = body.replace(/\s+/g, '');
  const run = findBase64Run(compact);
  return run !== undefined && run.start === 0 && run.end === compact.length;
}

const DATA_URI_PREFIX = /^data:[\w/+.-]+;base64,/;
/** A data: URI header ending right before `at`, e.g. `data:image/png;base64,`. */
const DATA_URI_BEFORE = /data:[\w/+.-]{1,100};base64,$/;

/** Whether a UTF-16 code unit is one of base64's 64 symbols (A–Z, a–z, 0–9, + and /). */
function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

/**
 * A run of 200+ base64 characters (or a data: URI). Scanned with a plain loop, linear in the text:
 * a regular expression with a 200+ repetition overflowed V8's stack on runs of ~6 M characters
 * (a pasted screenshot), which crashed the whole analysis. Only the first run is considered.
 */
export function findBase64Run(text: string): { start: number; end: number } | undefined {
  for (let i = 0; i < text.length; ) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    let hasDigit = false;
    let hasUpper = false;
    let hasLower = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isBase64Char(c)) break;
      if (c >= 48 && c <= 57) hasDigit = true;
      else if (c >= 65 && c <= 90) hasUpper = true;
      else if (c >= 97 && c <= 122) hasLower = true;
      i++;
    }
    if (i - runStart < 200) continue;
    let end = i;
    for (let pad = 0; pad < 2 && text.charCodeAt(end) === 61; pad++) end++;
    // Long words of letters only are not base64; require the digit/upper/lower mix base64 has.
    if (!hasDigit || !hasUpper || !hasLower) return undefined;
    const uri = DATA_URI_BEFORE.exec(text.slice(Math.max(0, runStart - 120), runStart));
    return { start: uri ? runStart - uri[0].length : runStart, end };
  }
  return undefined;
}

/** Markdown pipe tables, or CSV/TSV lines with a constant separator count. */
function looksLikeTable(content: string): boolean {
  const lines = nonEmptyLines(content, 200);
  if (lines.length < 3) {
    return false;
  }
  if (lines.every((l) => /^\s*\|.*\|\s*$/.test(l))) {
    return true;
  }
  for (const sep of [',', '\t', ';']) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    if (counts[0] >= 2 && counts.every((c) => c === counts[0])) {
      return true;
    }
  }
  return false;
}

function nonEmptyLines(content: string, limit: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start <= content.length && out.length < limit) {
    let end = content.indexOf('\n', start);
    if (end === -1) {
      end = content.length;
    }
    const line = content.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') {
      out.push(line);
    }
    start = end + 1;
  }
  return out;
}
