import { formatInteger, formatWh } from '../../format';
import path from 'node:path';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { AttachmentFormat } from '../../attachments/attachment';
import { savingOfEdits } from '../measureSaving';
import { promptQuestion } from '../promptQuestion';

/** Words that show the question is about an attachment of this kind, even without its name. */
const FORMAT_WORDS: Record<AttachmentFormat, string[]> = {
  spreadsheet: ['sheet', 'sheets', 'workbook', 'spreadsheet', 'excel', 'table', 'rows', 'columns', 'cells'],
  csv: ['csv', 'table', 'rows', 'columns'],
  json: ['json', 'payload', 'response', 'object', 'schema'],
  log: ['log', 'logs', 'error', 'errors', 'trace', 'stack', 'output', 'crash', 'failure'],
  text: ['text', 'notes', 'document'],
  code: ['code', 'function', 'class', 'method', 'bug', 'snippet', 'module', 'implementation'],
  image: ['image', 'picture', 'screenshot', 'photo', 'diagram', 'chart', 'figure'],
  pdf: ['pdf', 'paper', 'report', 'document', 'pages'],
  binary: [],
  unreadable: [],
};
/** Question words too common to show that an attachment is what the question is about. */
const STOPWORDS = new Set(['what', 'which', 'when', 'where', 'while', 'there', 'their', 'these', 'those', 'that', 'this', 'with', 'from', 'have', 'does', 'into', 'your', 'about', 'would', 'could', 'should', 'please', 'explain', 'tell', 'give', 'show', 'find', 'more', 'most', 'than', 'them', 'they', 'were', 'will', 'some', 'only', 'also', 'each', 'other', 'make', 'like', 'just', 'very', 'much', 'many', 'highest', 'lowest', 'best', 'worst']);

/** Whether the question uses a distinctive word of the attachment's own text (a column name, a term). */
function sharesContent(questionWords: Set<string>, attachmentText: string | undefined): boolean {
  if (!attachmentText) return false;
  const content = new Set(attachmentText.slice(0, 50_000).toLowerCase().split(/[^\p{L}\p{N}]+/u));
  for (const w of questionWords) if (w.length >= 4 && !STOPWORDS.has(w) && content.has(w)) return true;
  return false;
}

const ANY_ATTACHMENT = ['file', 'files', 'attached', 'attachment', 'attachments', 'document', 'documents', 'data', 'above', 'below', 'these', 'both', 'all'];

/** Files attached "just in case" are paid for on every request. */
export const unreferencedAttachment = defineRule({
  id: 'unreferenced-attachment',
  description: 'An attachment the question never refers to',
  tags: ['attachment', 'fixable'],
  defaultSeverity: 'info',
  optionsSchema: { minTokens: { type: 'integer', minimum: 0, description: 'Only attachments of at least this many tokens are reported.' } },
  defaultOptions: { minTokens: 200 },
  check(context, options) {
    // Only a request asks something; instructions and skills link what the agent may need.
    if ((context.prompt.fileKind ?? 'request') !== 'request') return [];
    const question = promptQuestion(context.prompt);
    if (!question) return [];
    const words = new Set(question.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const lower = question.text.toLowerCase();
    if (ANY_ATTACHMENT.some((w) => words.has(w))) return [];
    const findings: RuleFinding[] = [];
    const done = new Set<string>();
    for (const a of context.attachments) {
      const ref = a.reference;
      if (!ref.range || done.has(ref.path) || a.naive.tokens < options.minTokens) continue;
      done.add(ref.path);
      const base = path.basename(ref.path).toLowerCase();
      const stem = base.replace(/\.[^.]+$/, '');
      const stemWords = stem.split(/[-_.\s]+/).filter((w) => w.length >= 4);
      const mentioned =
        lower.includes(base) ||
        lower.includes(stem) ||
        stemWords.some((w) => words.has(w)) ||
        (ref.sheet !== undefined && lower.includes(ref.sheet.toLowerCase())) ||
        FORMAT_WORDS[a.format].some((w) => words.has(w)) ||
        sharesContent(words, a.minimal?.text ?? a.naive.text);
      if (mentioned) continue;
      const edits = [{ range: ref.range, newText: '' }];
      const saving = savingOfEdits(context, edits, a.naive.tokens);
      findings.push({
        range: ref.range,
        message: `The question does not mention ${path.basename(ref.path)} (${formatInteger(a.naive.tokens)} tokens). If it is not needed, removing it saves ${formatInteger(saving.tokens)} tokens (≈${formatWh(saving.wh)} per request); if it is, say what to look at in it.`,
        saving,
        fix: { title: `Remove the reference to ${path.basename(ref.path)}`, edits, removesContent: true },
      });
    }
    return findings;
  },
});
