import path from 'node:path';
import type { Rule, RuleFinding } from '../rule';
import type { TextEdit } from '../finding';
import { savingOfEdits } from '../measureSaving';

/** Paragraphs of a document, with the blank lines after each (removed together with it). */
function paragraphs(text: string): { start: number; end: number; removeEnd: number; key: string }[] {
  const out = [];
  for (const m of text.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = /^\s*/.exec(text.slice(end))?.[0].length ?? 0;
    out.push({ start, end, removeEnd: end + after, key: m[0].replace(/\s+/g, ' ').trim().toLowerCase() });
  }
  return out;
}

/** The same paragraph, or the same file, sent twice costs twice and says nothing new. */
export const duplicateContent: Rule = {
  id: 'duplicate-content',
  description: 'A paragraph or an attachment appears more than once',
  docs: 'docs/rules/duplicate-content.md',
  tags: ['pasted', 'attachment', 'fixable'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: { minChars: { type: 'integer', minimum: 1, description: 'Shortest paragraph compared, in characters (short lines repeat legitimately).' } },
    additionalProperties: false,
  },
  defaultOptions: { minChars: 80 },
  check(context, options) {
    const text = context.prompt.text;
    const findings: RuleFinding[] = [];
    const first = new Map<string, { start: number; end: number }>();
    for (const p of paragraphs(text)) {
      if (p.key.length < (options.minChars as number)) continue;
      const earlier = first.get(p.key);
      if (!earlier) {
        first.set(p.key, { start: p.start, end: p.end });
        continue;
      }
      const edits: TextEdit[] = [{ range: { start: p.start, end: p.removeEnd }, newText: '' }];
      const saving = savingOfEdits(context, edits);
      findings.push({
        range: { start: p.start, end: p.end },
        message: `This paragraph repeats an earlier one word for word; removing the copy saves ${saving.tokens.toLocaleString('en-US')} tokens (≈${saving.wh.toPrecision(2)} Wh).`,
        saving,
        fix: { title: 'Remove the repeated paragraph', edits },
        related: context.file ? [{ file: context.file, range: earlier, message: 'First occurrence' }] : undefined,
      });
    }

    // The same file (and sheet) referenced twice.
    const seen = new Map<string, { start: number; end: number } | undefined>();
    for (const ref of context.prompt.references) {
      const key = `${ref.path}#${ref.sheet ?? ''}`;
      if (!seen.has(key)) {
        seen.set(key, ref.range);
        continue;
      }
      if (!ref.range) continue;
      const edits = [{ range: ref.range, newText: '' }];
      // If the analysis read the file once per reference, the copy's whole content goes too.
      const copies = context.attachments.filter((a) => a.reference.path === ref.path && (a.reference.sheet ?? '') === (ref.sheet ?? ''));
      const dropped = copies.length > 1 ? copies[copies.length - 1].naive.tokens : 0;
      const saving = savingOfEdits(context, edits, dropped);
      const earlier = seen.get(key);
      findings.push({
        range: ref.range,
        message: `${path.basename(ref.path)} is already attached above; attaching it again ${dropped ? `sends its ${dropped.toLocaleString('en-US')} tokens twice` : 'adds nothing'}. Removing this reference saves ${saving.tokens.toLocaleString('en-US')} tokens (≈${saving.wh.toPrecision(2)} Wh).`,
        saving,
        fix: { title: `Remove the second reference to ${path.basename(ref.path)}`, edits },
        related: context.file && earlier ? [{ file: context.file, range: earlier, message: 'First reference' }] : undefined,
      });
    }
    return findings;
  },
};
