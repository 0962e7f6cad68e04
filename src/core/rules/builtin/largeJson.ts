import { formatInteger, formatWh } from '../../format';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import { savingOfEdits } from '../measureSaving';
import { fencedParts } from '../fencedBody';
import { minimalFormFinding } from '../minimalFormFinding';

/** Pretty-printed JSON costs whitespace tokens; large arrays rarely need every item. */
export const largeJson = defineRule({
  id: 'large-json',
  description: 'Large pasted or attached JSON could be minified or cut to a sample',
  tags: ['pasted', 'attachment', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: {
    minTokens: { type: 'integer', minimum: 0, description: 'Only JSON of at least this many tokens is considered.' },
    minSavingTokens: { type: 'integer', minimum: 0, description: 'Report only when minifying saves at least this many tokens.' },
    sampleItems: { type: 'integer', minimum: 1, description: 'Items kept when a top-level array is cut to a sample.' },
  },
  defaultOptions: { minTokens: 300, minSavingTokens: 50, sampleItems: 5 },
  check(context, options) {
    const findings: RuleFinding[] = [];
    for (const { part, body, text: raw } of fencedParts(context.prompt, 'pastedJson')) {
      const tokens = context.countTokens(raw);
      if (tokens < options.minTokens) continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        continue;
      }
      const sample = options.sampleItems;
      const cut = Array.isArray(value) && value.length > sample * 2;
      const newText = cut
        ? JSON.stringify((value as unknown[]).slice(0, sample)) + `\n(first ${sample} of ${(value as unknown[]).length} items)`
        : JSON.stringify(value);
      const edits = [{ range: body, newText }];
      const saving = savingOfEdits(context, edits);
      if (saving.tokens < options.minSavingTokens) continue;
      findings.push({
        range: part.range,
        message: cut
          ? `This JSON array has ${(value as unknown[]).length} items (${formatInteger(tokens)} tokens). A minified sample of ${sample} items saves ${formatInteger(saving.tokens)} tokens (≈${formatWh(saving.wh)}) — enough for the model to see the shape.`
          : `This JSON is pretty-printed (${formatInteger(tokens)} tokens); minified it saves ${formatInteger(saving.tokens)} tokens (≈${formatWh(saving.wh)}) with the same content.`,
        saving,
        fix: { title: cut ? `Keep the first ${sample} items, minified` : 'Minify this JSON', edits },
      });
    }
    for (const a of context.attachments) {
      if (a.format !== 'json' || a.naive.tokens < options.minTokens) continue;
      const finding = minimalFormFinding(context, a, 'minifyJson', options.minSavingTokens);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});
