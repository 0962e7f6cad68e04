/**
 * Hovers on an attachment reference or a finding: what it costs (tokens naive vs minimal, Wh and
 * gCO₂e), the measured saving, and why — with a link to MVP: Explain Estimate.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../core/analysis';
import type { AttachmentAnalysis } from '../core/attachments/attachment';
import type { Finding } from '../core/rules/finding';
import type { DocumentAnalyser } from './documentAnalyser';
import { formatGrams, formatTokens, formatWh, percent } from '../core/formatNumbers';
import { figuresMarkdown, whyMarkdown } from './estimateWhy';

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
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['mvp.explainEstimate', 'mvp.applyFix'] };
    md.supportHtml = false;
    let range: vscode.Range | undefined;
    if (attachment) {
      md.appendMarkdown(attachmentMarkdown(analysis, attachment));
      range = new vscode.Range(document.positionAt(attachment.reference.range!.start), document.positionAt(attachment.reference.range!.end));
    }
    for (const f of findings) {
      if (attachment && f.fix?.action && 'attachmentPath' in f.fix.action && f.fix.action.attachmentPath === attachment.reference.path && !f.saving) {
        continue;
      }
      md.appendMarkdown(`\n\n---\n\n${findingMarkdown(analysis, f)}`);
      range ??= new vscode.Range(document.positionAt(f.range!.start), document.positionAt(f.range!.end));
    }
    md.appendMarkdown(`\n\n---\n\n**This request**\n\n${figuresMarkdown(analysis)}\n\n${whyMarkdown(analysis)}\n\n`);
    md.appendMarkdown(`[Explain the estimate in full](${commandUri('mvp.explainEstimate', [document.uri.toString()])})`);
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

function attachmentMarkdown(analysis: Analysis, a: AttachmentAnalysis): string {
  const name = path.basename(a.reference.path);
  const lines = [`**${name}** — ${a.format}, ${formatBytes(a.bytes)}${a.reference.sheet ? `, sheet "${a.reference.sheet}"` : ''}`, ''];
  lines.push(`| form | tokens | share of request |`, `|---|---:|---:|`);
  lines.push(`| As usually sent: ${escapeCell(a.naive.description)} | ${formatTokens(a.naive.tokens)} | ${percent(a.naive.tokens, analysis.tokens.total)} |`);
  if (a.minimal) {
    lines.push(`| Minimal: ${escapeCell(a.minimal.description)} | ${formatTokens(a.minimal.tokens)} | ${percent(a.minimal.tokens, analysis.tokens.total)} |`);
  }
  const saving = analysis.findings.find(
    (f) => f.saving && f.fix?.action && 'attachmentPath' in f.fix.action && f.fix.action.attachmentPath === a.reference.path,
  )?.saving;
  if (saving) {
    lines.push('', `Minimal form saves **${formatTokens(saving.tokens)} tokens**, **${formatWh(saving.wh)}** and ≈${formatGrams(gramsFor(analysis, saving.wh))} CO₂e per request (measured by re-counting the request without it).`);
  } else if (a.minimal && a.minimal.tokens < a.naive.tokens) {
    lines.push('', `Minimal form: ${formatTokens(a.naive.tokens - a.minimal.tokens)} fewer tokens.`);
  }
  for (const p of a.problems) {
    lines.push('', `⚠ ${p.message}`);
  }
  return lines.join('\n');
}

function findingMarkdown(analysis: Analysis, f: Finding): string {
  const lines = [`**${f.ruleId}**: ${f.message}`];
  if (f.saving && f.saving.tokens > 0) {
    lines.push(
      '',
      `Saving, measured by applying the fix to a copy and re-counting: **${formatTokens(f.saving.tokens)} tokens**, **${formatWh(f.saving.wh)}**, ≈${formatGrams(gramsFor(analysis, f.saving.wh))} CO₂e per request.`,
    );
  }
  if (f.fix) {
    lines.push('', `Quick fix: ${f.fix.title} (Ctrl+. / ⌘.)`);
  }
  return lines.join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
