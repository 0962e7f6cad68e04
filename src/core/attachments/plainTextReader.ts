/**
 * Logs, code and other text. Logs: minimal = the error/warning lines plus the tail (what a
 * question about a failure usually needs). Code: whole file; the whole-code-file rule offers the
 * declarations the question names instead.
 */
import { makeForm } from './attachmentForm';
import type { AttachmentFormat } from './attachment';
import type { ReaderContext, ReaderResult } from './readerContext';
import { formatInteger } from '../format';

const TAIL_LINES = 50;
const PROBLEM_LINE = /\b(error|err|fatal|critical|crit|exception|panic|traceback|fail(?:ed|ure)?|warn(?:ing)?)\b/i;
const WARNING_ONLY = /\bwarn(?:ing)?\b/i;
const LOG_LINE_START = /^(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2})/;

/** Text that is mostly timestamped or levelled lines is a log whatever its extension. */
export function looksLikeLog(text: string): boolean {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim() !== '');
  if (lines.length < 5) return false;
  const matching = lines.filter((l) => LOG_LINE_START.test(l)).length;
  return matching / lines.length >= 0.5;
}

export function readPlainText(text: string, format: AttachmentFormat, ctx: ReaderContext): ReaderResult {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const details: ReaderResult['details'] = { lines: lines.length, characters: text.length };
  if (format === 'log') return readLog(text, lines, ctx, details);
  const naive = makeForm(`${ctx.label} (${formatInteger(lines.length)} lines)`, text, ctx.countTokens, ctx.keepTextUpTo);
  if (format === 'code') {
    details.attachSymbolInstead = true;
    details.note = 'Attaching only the function or class the question is about usually costs a fraction of the whole file (rule whole-code-file).';
  }
  return { format, naive, details, problems: [] };
}

function readLog(text: string, lines: string[], ctx: ReaderContext, details: ReaderResult['details']): ReaderResult {
  const naive = makeForm(`Whole log (${formatInteger(lines.length)} lines)`, text, ctx.countTokens, ctx.keepTextUpTo);
  const tailStart = Math.max(0, lines.length - TAIL_LINES);
  const picked: string[] = [];
  let errors = 0;
  let warnings = 0;
  let lastPicked = -1;
  for (let i = 0; i < tailStart; i++) {
    if (!PROBLEM_LINE.test(lines[i])) continue;
    if (WARNING_ONLY.test(lines[i]) && !/\b(error|fatal|exception|panic|fail)/i.test(lines[i])) warnings++;
    else errors++;
    if (lastPicked >= 0 && i > lastPicked + 1) picked.push('…');
    picked.push(lines[i]);
    lastPicked = i;
  }
  details.errorLines = errors;
  details.warningLines = warnings;
  details.tailLines = lines.length - tailStart;
  if (tailStart === 0) return { format: 'log', naive, details, problems: [] };
  const parts = [];
  if (picked.length) parts.push(`Error/warning lines before the tail (${picked.filter((l) => l !== '…').length}):`, ...picked, '');
  parts.push(`Last ${lines.length - tailStart} lines:`, ...lines.slice(tailStart));
  const minimal = makeForm(`Error/warning lines + last ${lines.length - tailStart} lines`, parts.join('\n'), ctx.countTokens, ctx.keepTextUpTo);
  return { format: 'log', naive, minimal, details, problems: [] };
}
