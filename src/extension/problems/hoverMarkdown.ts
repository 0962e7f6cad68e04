/**
 * The text of a hover on an attachment reference or a finding, as Markdown: what it costs (tokens
 * as usually sent vs minimal) and what the fix saves (tokens, Wh, gCO₂e). Names, messages and fix
 * titles come from files and configs, so they are escaped: the hover is trusted to run
 * MVP: Explain Estimate, and no such text may form a link.
 */
import * as path from 'node:path';
import type { Analysis } from '../../core/analysis';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import type { Finding } from '../../core/rules/finding';
import { formatBytes, formatGrams, formatTokens, formatWh } from '../../core/format';
import { escapeMarkdown } from '../explain/markdownEscape';

/**
 * "**rule-id**: message Fix saves …", or only the saving when VS Code already shows the
 * diagnostic's message above the hover; undefined when there is nothing to add.
 */
export function findingHoverLine(analysis: Analysis, f: Finding, diagnosticsShown: boolean): string | undefined {
  const saving = savingLine(analysis, f);
  if (diagnosticsShown) return saving;
  return [`**${escapeMarkdown(f.ruleId)}**: ${escapeMarkdown(f.message)}`, saving].filter(Boolean).join(' ');
}

/** "**sales.xlsx** — spreadsheet, 12 KB: 874 tokens as usually sent, 166 in its minimal form." */
export function attachmentHoverLine(a: AttachmentAnalysis): string {
  const name = path.basename(a.reference.path);
  // A workbook with no sheet named: the fix writes one CSV per visible sheet, so that is the figure (as in the finding).
  const perSheet =
    a.minimal && !a.minimal.sheet ? (a.alternatives ?? []).filter((f) => f.sheet !== undefined && !f.hidden) : [];
  const minimal =
    perSheet.length > 1
      ? `, ${formatTokens(perSheet.reduce((sum, f) => sum + f.tokens, 0))} as CSV, one file per visible sheet (${perSheet.map((f) => `${escapeMarkdown(f.sheet!)} ${formatTokens(f.tokens)}`).join(', ')})`
      : a.minimal && a.minimal.tokens < a.naive.tokens
        ? `, ${formatTokens(a.minimal.tokens)} in its minimal form (${escapeMarkdown(a.minimal.description)})`
        : '';
  return `**${escapeMarkdown(name)}** — ${a.format}, ${formatBytes(a.bytes)}: ${formatTokens(a.naive.tokens)} tokens as usually sent${minimal}.`;
}

/** "Fix saves 708 tokens · ≈83 mWh · ≈37 mg CO₂e per request (measured)." */
function savingLine(analysis: Analysis, f: Finding): string | undefined {
  if (!f.saving || f.saving.tokens <= 0) return undefined;
  const what = f.fix ? `${escapeMarkdown(f.fix.title)} (Ctrl+.) saves` : 'Saves';
  return `${what} ${formatTokens(f.saving.tokens)} tokens · ≈${formatWh(f.saving.wh)} · ≈${formatGrams(gramsFor(analysis, f.saving.wh))} CO₂e per request (measured).`;
}

/** Carbon of a saving, at the request's own carbon intensity (operational + embodied per Wh). */
function gramsFor(analysis: Analysis, wh: number): number {
  const e = analysis.estimate;
  return e.energyWh.central > 0 ? (e.carbonG.central / e.energyWh.central) * wh : 0;
}
