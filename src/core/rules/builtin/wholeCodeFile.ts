import path from 'node:path';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { TextEdit } from '../finding';
import type { TextRange } from '../../textRange';
import type { PartKind } from '../../prompt/parsedPrompt';
import type { AttachmentForm } from '../../attachments/attachment';
import { declarationFamily, findDeclarations, type CodeDeclaration } from '../../attachments/codeDeclarations';
import { formatTokens, formatWh } from '../../format';
import { savingOfEdits } from '../measureSaving';
import { promptQuestion } from '../promptQuestion';

/**
 * Whether `text` names the identifier `name` the way people name code: a distinctive identifier
 * (`parseConfig`, `load_config`, `HTTPServer2`) anywhere, a plain word (`parse`, `Parser`) only
 * when written as code (`` `parse` ``, `parse()`, `Parser.load`) or, capitalised, mid-sentence.
 */
export function namesIdentifier(text: string, name: string): boolean {
  if (name.length < 3) return false;
  const escaped = name.replace(/\$/g, '\\$');
  const distinctive = /[A-Z_0-9]/.test(name.slice(1));
  for (const m of text.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))) {
    if (distinctive) return true;
    const before = text[m.index! - 1] ?? '';
    const after = text.slice(m.index! + name.length, m.index! + name.length + 2);
    if (before === '`' || before === '.' || after[0] === '`' || after[0] === '(' || /^\.[A-Za-z_]/.test(after)) return true;
    const previous = text.slice(Math.max(0, m.index! - 20), m.index!).trimEnd().slice(-1);
    if (/^[A-Z]/.test(name) && previous !== '' && !'.!?:'.includes(previous)) return true;
  }
  return false;
}

/** Parts a reference's sentence may extend over; anything else (front matter, code, pasted data) bounds it. */
const PROSE = new Set<PartKind>(['instructions', 'question', 'history', 'reference']);

/**
 * Declarations by attachment form: the editor runs the rules on every keystroke with the same
 * cached attachment (a form object lives as long as the file is unchanged on disk).
 */
const declarationsByForm = new WeakMap<AttachmentForm, CodeDeclaration[]>();
function declarationsOf(form: AttachmentForm, code: string, extension: string): CodeDeclaration[] {
  let found = declarationsByForm.get(form);
  if (!found) {
    found = findDeclarations(code, extension);
    declarationsByForm.set(form, found);
  }
  return found;
}

/** Declarations not inside another one of the list (a class named with one of its methods: the class). */
function outermost(declarations: CodeDeclaration[]): CodeDeclaration[] {
  const kept: CodeDeclaration[] = [];
  for (const d of [...declarations].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.some((k) => d.start >= k.start && d.end <= k.end)) kept.push(d);
  }
  return kept;
}

/**
 * The lines around `range` up to the blank lines before and after it, never reaching back into
 * what ends at `floor` (the front matter or a code block just above).
 */
function paragraphAround(text: string, range: TextRange, floor: number): TextRange {
  let start = text.lastIndexOf('\n', range.start - 1) + 1;
  while (start > floor) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (text.slice(previousStart, start - 1).trim() === '' || previousStart < floor) break;
    start = previousStart;
  }
  let end = lineEndAt(text, range.end);
  while (end < text.length) {
    const nextEnd = lineEndAt(text, end + 1);
    if (text.slice(end + 1, nextEnd).trim() === '') break;
    end = nextEnd;
  }
  return { start, end };
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** The declarations as a fenced block, each under a comment that says where it comes from. */
function excerptBlock(code: string, declarations: CodeDeclaration[], rawPath: string, extension: string): string {
  const comment = declarationFamily(extension) === 'python' ? '#' : '//';
  const body = declarations
    .map((d) => `${comment} ${rawPath}, ${d.startLine === d.endLine ? `line ${d.startLine}` : `lines ${d.startLine}–${d.endLine}`}\n${code.slice(d.start, d.end)}`)
    .join('\n\n');
  const longestRun = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${extension.slice(1).toLowerCase()}\n${body}\n${fence}`;
}

function quoted(names: string[]): string {
  const q = names.map((n) => `\`${n}\``);
  return q.length === 1 ? q[0] : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** A whole source file attached to ask about one function or class in it. */
export const wholeCodeFile = defineRule({
  id: 'whole-code-file',
  description: 'A whole source file is attached to ask about one function or class in it',
  tags: ['attachment', 'fixable'],
  defaultSeverity: 'info',
  optionsSchema: {
    minFileTokens: { type: 'integer', minimum: 0, description: 'Only source files at least this large (in tokens) are considered.' },
    minSavingTokens: { type: 'integer', minimum: 0, description: 'Report only when sending the declarations instead saves at least this many tokens.' },
    maxExcerptShare: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Quiet when the named declarations are more than this share of the file.' },
  },
  defaultOptions: { minFileTokens: 1000, minSavingTokens: 300, maxExcerptShare: 0.5 },
  check(context, options) {
    // Found only when a source file is attached: without a question part it is a pass over the whole prompt.
    let question: { text: string } | undefined;
    const questionText = () => (question ??= promptQuestion(context.prompt) ?? { text: '' }).text;
    const text = context.prompt.text;
    const findings: RuleFinding[] = [];
    for (const a of context.attachments) {
      const code = a.naive.text;
      const referenceRange = a.reference.range;
      if (a.format !== 'code' || code === undefined || !referenceRange || a.naive.tokens < options.minFileTokens) continue;
      const extension = path.extname(a.reference.path);
      // What the user asks: the question, and the sentence the file is attached in.
      const floor = Math.max(0, ...context.prompt.parts.filter((p) => !PROSE.has(p.kind) && p.range.end <= referenceRange.start).map((p) => p.range.end));
      const paragraph = paragraphAround(text, referenceRange, floor);
      const asking = `${questionText()}\n${text.slice(paragraph.start, paragraph.end)}`;
      const asked = outermost(declarationsOf(a.naive, code, extension).filter((d) => namesIdentifier(asking, d.name)));
      if (!asked.length) continue;
      const excerptChars = asked.reduce((sum, d) => sum + d.end - d.start, 0);
      if (excerptChars > code.length * options.maxExcerptShare) continue;

      const block = excerptBlock(code, asked, a.reference.rawPath, extension);
      const referenceOnly = text.slice(paragraph.start, paragraph.end).trim() === text.slice(referenceRange.start, referenceRange.end);
      // One edit from the paragraph's start: the code goes before the sentence that attached the file.
      const edit: TextEdit = {
        range: { start: paragraph.start, end: referenceRange.end },
        newText: referenceOnly ? block : `${block}\n\n${text.slice(paragraph.start, referenceRange.start)}\`${a.reference.rawPath}\` (the excerpt above)`,
      };
      const saving = savingOfEdits(context, [edit], a.naive.tokens);
      if (saving.tokens < options.minSavingTokens) continue;
      const names = asked.map((d) => d.name);
      const lines = asked.map((d) => (d.startLine === d.endLine ? `line ${d.startLine}` : `lines ${d.startLine}–${d.endLine}`)).join(', ');
      const name = path.basename(a.reference.path);
      findings.push({
        range: referenceRange,
        message: `The question is about ${quoted(names)}, but all of ${name} is attached (${formatTokens(a.naive.tokens)} tokens). Sending only ${names.length === 1 ? 'that declaration' : 'those declarations'} (${lines}) saves ${formatTokens(saving.tokens)} tokens (≈${formatWh(saving.wh)} per request). Keep the whole file if the answer needs the rest of it.`,
        saving,
        fix: { title: `Paste only ${quoted(names)} from ${name} (${lines})`, edits: [edit] },
      });
    }
    return findings;
  },
});
