import { formatTokens } from '../../formatNumbers';
import path from 'node:path';
import type { Rule, RuleFinding } from '../rule';
import { savingOfTokens } from '../measureSaving';

const fmt = formatTokens;

/** A workbook sent whole when the question needs one sheet as CSV. */
export const spreadsheetAttachment: Rule = {
  id: 'spreadsheet-attachment',
  description: 'A spreadsheet is attached whole; the sheet the question needs, as CSV, is much smaller',
  docs: 'docs/rules/spreadsheet-attachment.md',
  tags: ['attachment', 'fixable'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: { minSavingTokens: { type: 'integer', minimum: 0, description: 'Report only when converting saves at least this many tokens.' } },
    additionalProperties: false,
  },
  defaultOptions: { minSavingTokens: 200 },
  check(context, options) {
    const findings: RuleFinding[] = [];
    for (const a of context.attachments) {
      if (a.format !== 'spreadsheet') continue;
      const name = path.basename(a.reference.path);
      const fix = {
        title: a.reference.sheet ? `Convert sheet '${a.reference.sheet}' of ${name} to CSV` : `Convert ${name} to CSV`,
        action: { kind: 'convertSpreadsheet' as const, attachmentPath: a.reference.path, sheet: a.reference.sheet, referenceRange: a.reference.range },
      };
      if (a.minimal) {
        const saved = a.naive.tokens - a.minimal.tokens;
        if (saved < (options.minSavingTokens as number)) continue;
        const saving = savingOfTokens(context, saved);
        findings.push({
          range: a.reference.range,
          message: `${name} sends ${fmt(a.naive.tokens)} tokens as ${a.naive.description}; ${a.minimal.description} is ${fmt(a.minimal.tokens)} (−${Math.round((saved / a.naive.tokens) * 100)}%, ≈${saving.wh.toPrecision(2)} Wh per request).`,
          saving,
          fix,
        });
      } else if (a.alternatives?.length) {
        // No sheet named: list each sheet so the user can pick; count the saving of the largest.
        const largest = Math.max(...a.alternatives.map((f) => f.tokens));
        const saved = a.naive.tokens - largest;
        if (saved < (options.minSavingTokens as number)) continue;
        const saving = savingOfTokens(context, saved);
        const list = a.alternatives.map((f) => `${f.description} ${fmt(f.tokens)}`).join('; ');
        findings.push({
          range: a.reference.range,
          message: `${name} sends ${fmt(a.naive.tokens)} tokens as ${a.naive.description}. Name the sheet the question needs (e.g. #file:${a.reference.rawPath}#Sheet) and send it as CSV: ${list}. Even the largest sheet saves ${fmt(saved)} tokens (≈${saving.wh.toPrecision(2)} Wh).`,
          saving,
          fix,
        });
      }
    }
    return findings;
  },
};
