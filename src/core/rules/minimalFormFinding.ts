/**
 * An attached file whose minimal form the fix writes next to it (minified JSON, a log's error lines
 * and tail): reading the attachment measured both forms, so the saving is their difference. One
 * finding shape for every rule that offers it.
 */
import path from 'node:path';
import type { AttachmentAnalysis } from '../attachments/attachment';
import { formatInteger, formatWh } from '../format';
import type { RuleContext, RuleFinding } from './rule';
import { savingOfTokens } from './measureSaving';

/** The finding when the minimal form saves at least `minSavingTokens`, else undefined. */
export function minimalFormFinding(
  context: RuleContext,
  a: AttachmentAnalysis,
  action: 'minifyJson' | 'tailLog',
  minSavingTokens: number,
): RuleFinding | undefined {
  if (!a.minimal) return undefined;
  const saved = a.naive.tokens - a.minimal.tokens;
  if (saved < minSavingTokens) return undefined;
  const saving = savingOfTokens(context, saved);
  const name = path.basename(a.reference.path);
  return {
    range: a.reference.range,
    message: `${name} sends ${formatInteger(a.naive.tokens)} tokens; ${a.minimal.description} is ${formatInteger(a.minimal.tokens)} (≈${formatWh(saving.wh)} less).`,
    saving,
    fix: {
      title: `Write ${a.minimal.description} of ${name}`,
      action: { kind: action, attachmentPath: a.reference.path, referenceRange: a.reference.range },
    },
  };
}
