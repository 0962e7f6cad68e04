/** "Where the tokens go": one row per part, attachments with their minimal form and fix. */
import type { Analysis, PartSummary } from '../../../core/analysis';
import type { AttachmentAnalysis } from '../../../core/attachments/attachment';
import { PART_KIND_LABELS } from '../../../core/prompt/parsedPrompt';
import type { Finding } from '../../../core/rules/finding';
import { formatInteger, formatPercent, plural } from '../../../core/format';
import type { PartRow, PartsView } from '../../../shared/panel/viewModel';

export function percentOf(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) {
    return 0;
  }
  return Math.round(Math.min(1, value / max) * 1000) / 10;
}


export function findingId(finding: Finding, index: number): string {
  return `${index}:${finding.ruleId}:${finding.range ? `${finding.range.start}-${finding.range.end}` : ''}`;
}

function attachmentFor(part: PartSummary, attachments: AttachmentAnalysis[]): AttachmentAnalysis | undefined {
  if (!part.path) {
    return undefined;
  }
  return (
    attachments.find((a) => a.reference.path === part.path && a.reference.range?.start === part.range.start) ??
    attachments.find((a) => a.reference.path === part.path)
  );
}

/** The finding whose fix shrinks a given attachment (convert, minify, tail), if any. */
function attachmentFix(path: string, findings: Finding[]): { id: string; title: string } | undefined {
  for (let i = 0; i < findings.length; i++) {
    const action = findings[i].fix?.action;
    if (action && 'attachmentPath' in action && action.attachmentPath === path) {
      return { id: findingId(findings[i], i), title: findings[i].fix!.title };
    }
  }
  return undefined;
}

export function buildParts(analysis: Analysis): PartsView {
  const parts = analysis.tokens.parts;
  const largest = Math.max(0, ...parts.map((p) => p.tokens));
  const total = analysis.tokens.total;
  const rows: PartRow[] = parts.map((part, index) => {
    const attachment = attachmentFor(part, analysis.attachments);
    const kindLabel = PART_KIND_LABELS[part.kind];
    const shareText = formatPercent(total > 0 ? part.tokens / total : 0);
    const row: PartRow = {
      key: `${index}:${part.kind}:${part.range.start}`,
      label: part.label,
      kindLabel,
      tokensText: formatInteger(part.tokens),
      shareText,
      barPercent: percentOf(part.tokens, largest),
      reveal: part.range.end > part.range.start ? { range: { start: part.range.start, end: part.range.end } } : undefined,
      ariaLabel: `${kindLabel} ${part.label}: ${formatInteger(part.tokens)} tokens, ${shareText} of the context`,
    };
    if (part.minimalTokens !== undefined && part.minimalTokens < part.tokens) {
      const saved = part.tokens - part.minimalTokens;
      row.minimal = {
        tokensText: formatInteger(part.minimalTokens),
        barPercent: percentOf(part.minimalTokens, largest),
        description: attachment?.minimal?.description ?? 'Minimal form',
        savingText: `−${formatInteger(saved)} tokens (−${formatPercent(saved / part.tokens)})`,
      };
      row.ariaLabel += `; minimal form ${formatInteger(part.minimalTokens)} tokens`;
    }
    if (attachment) {
      row.naiveDescription = attachment.naive.description;
      const fix = attachmentFix(attachment.reference.path, analysis.findings);
      if (fix) {
        row.fixFindingId = fix.id;
        row.fixTitle = fix.title;
      } else if (attachment.format === 'spreadsheet' && row.minimal) {
        row.convert = { attachmentPath: attachment.reference.path, sheet: attachment.reference.sheet };
      }
    }
    return row;
  });
  const saved = analysis.tokens.total - analysis.tokens.minimalTotal;
  return {
    summaryText: `${formatInteger(total)} tokens in ${plural(parts.length, 'part')}`,
    minimalText:
      saved > 0
        ? `With every attachment in its minimal form: ${formatInteger(analysis.tokens.minimalTotal)} tokens (−${formatPercent(saved / total)})`
        : undefined,
    rows,
  };
}
