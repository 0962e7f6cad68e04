import { formatTokens, formatWh } from '../../format';
import path from 'node:path';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import { savingOfTokens } from '../measureSaving';

const fmt = formatTokens;

/** A workbook sent whole when the question needs one sheet as CSV. */
export const spreadsheetAttachment = defineRule({
  id: 'spreadsheet-attachment',
  description: 'A spreadsheet is attached whole; the sheet the question needs, as CSV, is much smaller',
  tags: ['attachment', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: { minSavingTokens: { type: 'integer', minimum: 0, description: 'Report only when converting saves at least this many tokens.' } },
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
        // No sheet named and several visible sheets: the fix writes one CSV per visible sheet, so
        // the finding counts those files — the number it shows is what the fix produces.
        const perSheet = a.minimal.sheet ? [] : (a.alternatives ?? []).filter((f) => f.sheet !== undefined && !f.hidden);
        const produced = perSheet.length > 1 ? perSheet.reduce((sum, f) => sum + f.tokens, 0) : a.minimal.tokens;
        const saved = a.naive.tokens - produced;
        if (saved < options.minSavingTokens) continue;
        const saving = savingOfTokens(context, saved);
        const share = `−${Math.round((saved / a.naive.tokens) * 100)}%, ≈${formatWh(saving.wh)} per request`;
        if (perSheet.length > 1) {
          findings.push({
            range: a.reference.range,
            message: `${name} sends ${fmt(a.naive.tokens)} tokens as ${a.naive.description}; its ${perSheet.length} visible sheets as CSV (one file each) are ${fmt(produced)} (${share}). Name the sheet the question needs (#file:${a.reference.rawPath}#Sheet) to send less.`,
            saving,
            fix: {
              title: `Convert the ${perSheet.length} visible sheets of ${name} to CSV (one file each)`,
              action: { ...fix.action, sheets: perSheet.map((f) => f.sheet!) },
            },
          });
          continue;
        }
        findings.push({
          range: a.reference.range,
          message: `${name} sends ${fmt(a.naive.tokens)} tokens as ${a.naive.description}; ${a.minimal.description} is ${fmt(produced)} (${share}).`,
          saving,
          fix,
        });
      } else if (a.alternatives?.length) {
        // No sheet named: list each sheet so the user can pick; count the saving of the largest.
        const largest = Math.max(...a.alternatives.map((f) => f.tokens));
        const saved = a.naive.tokens - largest;
        if (saved < options.minSavingTokens) continue;
        const saving = savingOfTokens(context, saved);
        const list = a.alternatives.map((f) => `${f.description} ${fmt(f.tokens)}`).join('; ');
        findings.push({
          range: a.reference.range,
          message: `${name} sends ${fmt(a.naive.tokens)} tokens as ${a.naive.description}. Name the sheet the question needs (e.g. #file:${a.reference.rawPath}#Sheet) and send it as CSV: ${list}. Even the largest sheet saves ${fmt(saved)} tokens (≈${formatWh(saving.wh)}).`,
          saving,
          fix,
        });
      }
    }
    return findings;
  },
});
