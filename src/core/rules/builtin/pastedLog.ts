import { formatInteger, formatWh } from '../../format';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import { savingOfEdits } from '../measureSaving';
import { fencedParts } from '../fencedBody';
import { minimalFormFinding } from '../minimalFormFinding';
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
    for (const { part, body, text: log } of fencedParts(context.prompt, 'pastedLog')) {
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
      if (a.format !== 'log') continue;
      const finding = minimalFormFinding(context, a, 'tailLog', options.minSavingTokens);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});
