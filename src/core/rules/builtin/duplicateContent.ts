import path from 'node:path';
import type { Rule, RuleFinding } from '../rule';
import type { TextEdit } from '../finding';
import { savingOfEdits } from '../measureSaving';
import { DocumentVersion } from '../../document/documentVersion';
import type { ParsedPrompt } from '../../prompt/parsedPrompt';
import { paragraphRanges } from '../paragraphRanges';

/** What two paragraphs must share to be the same: words, case and spacing aside. */
function normalise(paragraph: string): string {
  return paragraph.replace(/\s+/g, ' ').trim().toLowerCase();
}

const TRAILING_SPACE = /\s*/y;

/**
 * Paragraphs of a document at least `minChars` long, with the blank lines after each (removed
 * together with it). Shorter ones are skipped before any normalising, and a paragraph the edit did
 * not touch keeps its key from the previous version: this runs on every keystroke.
 */
function paragraphs(prompt: Pick<ParsedPrompt, 'text' | 'version'>, minChars: number): { start: number; end: number; removeEnd: number; key: string }[] {
  const text = prompt.text;
  const keys = (prompt.version ?? new DocumentVersion(text)).memo<string>('duplicate-paragraph-key');
  const out = [];
  for (const { start, end } of paragraphRanges(text)) {
    if (end - start < minChars) continue; // normalising only shortens
    TRAILING_SPACE.lastIndex = end;
    TRAILING_SPACE.exec(text);
    out.push({ start, end, removeEnd: TRAILING_SPACE.lastIndex, key: keys.get(start, end, normalise) });
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
    const findings: RuleFinding[] = [];
    const first = new Map<string, { start: number; end: number }>();
    for (const p of paragraphs(context.prompt, options.minChars as number)) {
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
