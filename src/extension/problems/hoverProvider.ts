/**
 * Hovers on an attachment reference or a finding: what it costs (tokens as usually sent vs minimal),
 * what the fix saves (tokens, Wh, gCO₂e), and one link to MVP: Explain Estimate for the why.
 */
import * as vscode from 'vscode';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import { readSettings } from '../engine/settings';
import { attachmentHoverLine, findingHoverLine } from './hoverMarkdown';

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
    const findings = analysis.findings
      .filter((f) => !f.file || f.file === document.uri.fsPath)
      .filter((f) => f.range && contains(f.range, offset));
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
      lines.push(attachmentHoverLine(attachment));
      range = new vscode.Range(
        document.positionAt(attachment.reference.range!.start),
        document.positionAt(attachment.reference.range!.end),
      );
    }
    for (const f of findings) {
      const text = findingHoverLine(analysis, f, diagnosticsShown);
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
