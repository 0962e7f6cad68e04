/**
 * Hovers on an attachment reference or a finding: what it costs (tokens as usually sent vs minimal),
 * what the fix saves (tokens, Wh, gCO₂e), and one link to MVP: Explain Estimate for the why.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../../core/analysis';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import type { Finding } from '../../core/rules/finding';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import { formatBytes, formatGrams, formatTokens, formatWh } from '../../core/format';
import { readSettings } from '../engine/settings';

export class MvpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyser: DocumentAnalyser) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const current = this.analyser.current(document);
    if (!current) {
      return undefined; // numbers for an older text would point at the wrong places
    }
    const offset = document.offsetAt(position);
    const { analysis } = current;
    const attachment = analysis.attachments.find((a) => a.reference.range && contains(a.reference.range, offset));
    const findings = analysis.findings.filter((f) => !f.file || f.file === document.uri.fsPath).filter((f) => f.range && contains(f.range, offset));
    if (!attachment && !findings.length) {
      return undefined;
    }
    // Short on purpose: VS Code already shows the diagnostic's message above this hover, and the
    // request's table and formula live in the report and MVP: Explain Estimate. Here: what this
    // costs, what the fix saves, one link for the why.
    const diagnosticsShown = readSettings(document.uri).diagnosticsEnabled;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['mvp.explainEstimate'] };
    md.supportHtml = false;
    let range: vscode.Range | undefined;
    const lines: string[] = [];
    if (attachment) {
      lines.push(attachmentLine(attachment));
      range = new vscode.Range(document.positionAt(attachment.reference.range!.start), document.positionAt(attachment.reference.range!.end));
    }
    for (const f of findings) {
      const saving = savingLine(analysis, f);
      const text = diagnosticsShown ? saving : [`**${escapeMarkdown(f.ruleId)}**: ${escapeMarkdown(f.message)}`, saving].filter(Boolean).join(' ');
      if (text && !lines.includes(text)) lines.push(text);
      range ??= new vscode.Range(document.positionAt(f.range!.start), document.positionAt(f.range!.end));
    }
    lines.push(`[Explain the estimate](${commandUri('mvp.explainEstimate', [document.uri.toString()])})`);
    md.appendMarkdown(lines.join('\n\n'));
    return new vscode.Hover(md, range);
  }
}

function contains(range: { start: number; end: number }, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Carbon of a saving, at the request's own carbon intensity (operational + embodied per Wh). */
function gramsFor(analysis: Analysis, wh: number): number {
  const e = analysis.estimate;
  return e.energyWh.central > 0 ? (e.carbonG.central / e.energyWh.central) * wh : 0;
}

/** "**sales.xlsx** — spreadsheet, 12 KB: 874 tokens as usually sent, 166 in its minimal form." */
function attachmentLine(a: AttachmentAnalysis): string {
  const name = path.basename(a.reference.path);
  // A workbook with no sheet named: the fix writes one CSV per visible sheet, so that is the figure (as in the finding).
  const perSheet = a.minimal && !a.minimal.sheet ? (a.alternatives ?? []).filter((f) => f.sheet !== undefined && !f.hidden) : [];
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

/** Text from files and findings goes into Markdown as text, never as markup or links. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\n/g, ' ');
}
