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
/**
 * 200+ base64 characters, optionally after a data: URI prefix. The lookbehind starts a match only
 * where a run starts, so a long word is scanned once, not once per character (linear, not quadratic).
 */
const BASE64_RUN = /(?:data:[\w/+.-]+;base64,|(?<![A-Za-z0-9+/]))[A-Za-z0-9+/]{200,}={0,2}/;

/** A run of 200+ base64 characters (or a data: URI). */
export function findBase64Run(text: string): { start: number; end: number } | undefined {
  const m = BASE64_RUN.exec(text);
  if (!m) {
    return undefined;
  }
  // Long words of letters only are not base64; require the digit/upper/lower mix base64 has.
  const run = m[0];
  if (!/[0-9]/.test(run) || !/[A-Z]/.test(run) || !/[a-z]/.test(run)) {
    return undefined;
  }
  return { start: m.index, end: m.index + run.length };
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
