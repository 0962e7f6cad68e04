import { formatInteger, formatWh } from '../../format';
import path from 'node:path';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import { savingOfEdits, savingOfTokens } from '../measureSaving';
import { fencedBody } from '../fencedBody';
import { logTail } from '../logTail';

/** Whole logs pasted into a prompt: the error lines and the tail usually carry the answer. */
export const pastedLog = defineRule({
  id: 'pasted-log',
  description: 'A long pasted or attached log could be cut to its error lines and tail',
  tags: ['pasted', 'attachment', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: {
    maxLines: { type: 'integer', minimum: 1, description: 'Logs longer than this many lines are reported.' },
    tailLines: { type: 'integer', minimum: 0, description: 'Lines kept from the end of the log.' },
    minSavingTokens: { type: 'integer', minimum: 0, description: 'Report only when cutting the log saves at least this many tokens.' },
  },
  defaultOptions: { maxLines: 40, tailLines: 20, minSavingTokens: 100 },
  check(context, options) {
    const findings: RuleFinding[] = [];
    const text = context.prompt.text;
    for (const part of context.prompt.parts) {
      if (part.kind !== 'pastedLog') continue;
      const body = fencedBody(text, part.range);
      const log = text.slice(body.start, body.end);
      const cut = logTail(log, options.tailLines);
      if (cut.totalLines <= options.maxLines) continue;
      const edits = [{ range: body, newText: cut.text }];
      const saving = savingOfEdits(context, edits);
      if (saving.tokens < options.minSavingTokens) continue;
      findings.push({
        range: part.range,
        message: `This pasted log has ${cut.totalLines} lines; its error/warning lines and last ${options.tailLines} lines are ${cut.keptLines}. Cutting it saves ${formatInteger(saving.tokens)} tokens (≈${formatWh(saving.wh)} per request).`,
        saving,
        fix: { title: 'Keep only the error lines and the tail of this log', edits },
      });
    }
    for (const a of context.attachments) {
      if (a.format !== 'log' || !a.minimal) continue;
      const saved = a.naive.tokens - a.minimal.tokens;
      if (saved < options.minSavingTokens) continue;
      const saving = savingOfTokens(context, saved);
      findings.push({
        range: a.reference.range,
        message: `${path.basename(a.reference.path)} sends ${formatInteger(a.naive.tokens)} tokens; ${a.minimal.description} is ${formatInteger(a.minimal.tokens)} (≈${formatWh(saving.wh)} less).`,
        saving,
        fix: { title: `Write ${a.minimal.description} of ${path.basename(a.reference.path)}`, action: { kind: 'tailLog', attachmentPath: a.reference.path, referenceRange: a.reference.range } },
      });
    }
    return findings;
  },
});
