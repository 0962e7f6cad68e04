/**
 * The `@mvp /check` answer: where the request's tokens go, its energy/carbon/water ranges, and the
 * suggestions with their measured savings — as chat Markdown plus the buttons for the actions
 * (run a fix, send as is or slimmed, start a new chat). Plain data, so it is checked without a chat.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import { formatGrams, formatMl, percent, formatRange, formatTokens, formatWh } from '../../core/format';
import type { Finding } from '../../core/rules/finding';

export interface CheckReport {
  markdown: string;
  buttons: vscode.Command[];
}

const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '$(error)', warning: '$(warning)', info: '$(info)', hint: '$(lightbulb)' };

export function checkReport(analysis: AnalysisWithNotices, prompt: string): CheckReport {
  const out: string[] = [];
  const total = analysis.tokens.total;
  const e = analysis.estimate;
  const approx = analysis.model.approximateTokens ? '≈' : '';
  out.push(
    `**${approx}${formatTokens(total)} input tokens** to **${analysis.model.name}** (tokenizer ${analysis.model.tokenizer}; ` +
      `${percent(total, analysis.model.contextWindow)} of its ${formatTokens(analysis.model.contextWindow)}-token window).`,
  );
  out.push('');
  out.push(
    `Per request, with an answer of ${formatTokens(e.tokens.output)} tokens${e.tokens.reasoning ? ` and ${formatTokens(e.tokens.reasoning)} reasoning tokens` : ''}: ` +
      `energy ${formatRange(e.energyWh, formatWh)}, carbon ${formatRange(e.carbonG, formatGrams)} CO₂e (grid ${e.grid.zone}), water ${formatRange(e.waterMl, formatMl)}. ` +
      `Central value, then the low–high range (${e.methodVersion}).`,
  );
  out.push('');
  out.push('| Part | Tokens | Minimal form |');
  out.push('|---|---:|---|');
  for (const part of analysis.tokens.parts) {
    if (part.kind !== 'reference' && part.kind !== 'history' && part.tokens === 0) continue;
    const label = part.path ? path.basename(part.path) : part.label;
    const minimal =
      part.minimalTokens !== undefined && part.minimalTokens < part.tokens
        ? `${formatTokens(part.minimalTokens)} (${minimalDescription(analysis, part.path)})`
        : '';
    out.push(`| ${escapeCell(label)} | ${formatTokens(part.tokens)} | ${escapeCell(minimal)} |`);
  }
  if (analysis.tokens.minimalTotal < total) {
    out.push('');
    out.push(
      `With every attachment in its minimal form the request would be **${formatTokens(analysis.tokens.minimalTotal)} tokens** ` +
        `(${percent(total - analysis.tokens.minimalTotal, total)} less).`,
    );
  }

  const suggestions = analysis.findings.filter((f) => f.ruleId !== 'config');
  out.push('');
  if (suggestions.length) {
    out.push('**Suggestions**');
    out.push('');
    for (const finding of suggestions.slice(0, 8)) {
      const saving = finding.saving ? ` — saves ${formatTokens(finding.saving.tokens)} tokens, ≈${formatWh(finding.saving.wh)} per request` : '';
      out.push(`- ${SEVERITY_ICON[finding.severity]} ${escapeMarkdown(finding.message)}${saving} (\`${finding.ruleId}\`)`);
    }
  } else {
    out.push('No suggestions: this request is already lean for what it asks.');
  }
  for (const notice of analysis.notices) out.push(`\n> ${escapeMarkdown(notice)}`);

  return { markdown: out.join('\n') + '\n', buttons: buttons(analysis, prompt) };
}

function buttons(analysis: AnalysisWithNotices, prompt: string): vscode.Command[] {
  const list: vscode.Command[] = [];
  const seen = new Set<string>();
  for (const finding of analysis.findings) {
    const action = finding.fix?.action;
    if (!action || seen.has(finding.fix!.title)) continue;
    seen.add(finding.fix!.title);
    // Without a document, the action writes its new file (never overwriting) and opens it.
    list.push({ title: finding.fix!.title, command: 'mvp.runFixAction', arguments: [undefined, action] });
  }
  list.push({ title: 'Send as is with @mvp /send', command: 'workbench.action.chat.open', arguments: [{ query: `@mvp /send ${prompt}` }] });
  if (analysis.tokens.minimalTotal < analysis.tokens.total) {
    list.push({
      title: `Send slimmed (${formatTokens(analysis.tokens.minimalTotal)} tokens)`,
      command: 'workbench.action.chat.open',
      arguments: [{ query: `@mvp /send --slim ${prompt}` }],
    });
  }
  if (analysis.session && analysis.session.turns.length > 0) {
    list.push({ title: 'Start a new chat (drops the history)', command: 'workbench.action.chat.newChat' });
  }
  return list;
}

function minimalDescription(analysis: AnalysisWithNotices, file: string | undefined): string {
  return analysis.attachments.find((a) => a.reference.path === file)?.minimal?.description ?? 'minimal form';
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
