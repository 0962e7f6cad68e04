/**
 * The status bar item for the active prompt document: tokens / context window, Wh (central; the
 * range is in the tooltip) and the model. A click opens the model picker. Warning colours when
 * over a budget or near the context window.
 */
import { escapeMarkdown } from '../explain/markdownEscape';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis';
import { EQUIVALENCE_DEVICES, equivalence as equivalenceOf } from '../../core/energy/equivalences';
import { formatTokens, formatTokensShort, formatWh, percent } from '../../core/format';
import type { RecentUsage } from '../../core/usage';
import { agentWeekMarkdown } from './agentWeekTooltip';
import { figuresMarkdown, whyMarkdown } from '../explain/estimateWhy';
import { commandUri } from '../problems/hoverProvider';
import type { MvpSettings } from '../engine/settings';

/** Renders an everyday equivalence of an energy figure ("1.2% of a phone charge"), with its assumption. */
export type EquivalenceText = (wh: number, kind: MvpSettings['statusBarEquivalence']) => { text: string; assumption: string } | undefined;

/** The everyday equivalences of core/energy/equivalences, with their source as a link. */
export const equivalenceText: EquivalenceText = (wh, kind) => {
  const device = EQUIVALENCE_DEVICES.find((d) => d.id === kind);
  if (!device) return undefined;
  const e = equivalenceOf(wh, device);
  return { text: e.text, assumption: `${device.assumption} Source: [${device.source.title}](${device.source.url}).` };
};

export interface BudgetState {
  over: string[];
}

/** Which budgets an analysis exceeds, personal (settings) and team: the engine's judgement (`Analysis.budgets`). */
export function budgetState(analysis: Analysis): BudgetState {
  return { over: analysis.budgets.breaches.map((b) => b.message.charAt(0).toUpperCase() + b.message.slice(1)) };
}

export class PromptStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mvp.status', vscode.StatusBarAlignment.Right, 100);
  /** StatusBarItem has no visibility getter; tests and the extension API read this. */
  visible = false;

  constructor(private readonly equivalence: EquivalenceText = equivalenceText) {
    this.item.name = 'Minimal Viable Prompt';
    this.item.command = { title: 'Choose Model', command: 'mvp.chooseModel' };
  }

  /** The text currently shown (tests read it). */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    const t = this.item.tooltip;
    return typeof t === 'string' ? t : (t?.value ?? '');
  }

  get warning(): boolean {
    return this.item.backgroundColor !== undefined;
  }

  /**
   * @param provisional the count and estimate of text typed since the last full analysis
   * @param agentWeek this week's agent usage from the logs, when it has been read
   */
  show(analysis: Analysis, settings: MvpSettings, uri: vscode.Uri, provisional = false, agentWeek?: RecentUsage): void {
    if (!settings.statusBarEnabled) {
      this.hide();
      return;
    }
    const total = analysis.tokens.total;
    const window = analysis.model.contextWindow;
    const wh = analysis.estimate.energyWh.central;
    const equivalence = settings.statusBarEquivalence === 'none' ? undefined : this.equivalence(wh, settings.statusBarEquivalence);
    const budgets = budgetState(analysis);
    // Near or over the window, as the context-window rule judges it (Analysis.window).
    const nearWindow = analysis.window.level !== 'ok';
    const approx = analysis.model.approximateTokens ? '≈' : '';
    // "≈": one request's energy is an estimate; its range is in the tooltip.
    this.item.text = `$(pulse) ${approx}${formatTokensShort(total)}/${formatTokensShort(window)} · ≈${formatWh(wh)}${equivalence ? ` · ${equivalence.text}` : ''} · ${analysis.model.name}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['mvp.explainEstimate', 'mvp.analysePrompt', 'mvp.chooseModel'] };
    md.appendMarkdown(`**Minimal Viable Prompt** — ${formatTokens(total)} input tokens (${percent(total, window)} of ${escapeMarkdown(analysis.model.name)}'s ${formatTokens(window)}-token window)`);
    if (analysis.tokens.minimalTotal < total) {
      md.appendMarkdown(`; ${formatTokens(analysis.tokens.minimalTotal)} with every attachment in its minimal form`);
    }
    md.appendMarkdown(`\n\n${figuresMarkdown(analysis)}\n\n`);
    if (provisional) {
      md.appendMarkdown(`_Counted as you type; problems and attachments refresh with the next full analysis._\n\n`);
    }
    if (equivalence) {
      md.appendMarkdown(`≈ ${equivalence.text} — ${equivalence.assumption}\n\n`);
    }
    if (nearWindow) {
      md.appendMarkdown(
        `⚠ The request needs ${percent(analysis.window.neededTokens, window)} of the context window${analysis.window.expectedOutputTokens ? ' (with the expected answer)' : ''}.\n\n`,
      );
    }
    for (const o of budgets.over) {
      md.appendMarkdown(`⚠ ${escapeMarkdown(o)}\n\n`);
    }
    md.appendMarkdown(`${whyMarkdown(analysis)}\n\n`);
    const week = agentWeekMarkdown(agentWeek);
    if (week) md.appendMarkdown(`${week}\n\n`);
    md.appendMarkdown(
      `[Choose model](${commandUri('mvp.chooseModel', [])}) · [Analyse prompt](${commandUri('mvp.analysePrompt', [uri.toString()])}) · [Explain estimate](${commandUri('mvp.explainEstimate', [uri.toString()])})`,
    );
    this.item.tooltip = md;
    const warn = nearWindow || budgets.over.length > 0;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.color = warn ? new vscode.ThemeColor('statusBarItem.warningForeground') : undefined;
    this.item.accessibilityInformation = {
      label: `${formatTokens(total)} of ${formatTokens(window)} tokens, about ${formatWh(wh)} per request, model ${analysis.model.name}${warn ? ', warning' : ''}. Click to choose model.`,
    };
    this.item.show();
    this.visible = true;
  }

  /** While the first analysis of a prompt runs (it loads the tokenizer and profiles): a spinner. */
  showAnalysing(documentName: string): void {
    this.item.text = '$(sync~spin) MVP';
    this.item.tooltip = `Minimal Viable Prompt is counting the tokens of ${documentName} and its attachments…`;
    this.item.backgroundColor = undefined;
    this.item.color = undefined;
    this.item.accessibilityInformation = { label: `Minimal Viable Prompt is analysing ${documentName}` };
    this.item.show();
    this.visible = true;
  }

  showError(message: string): void {
    this.item.text = '$(warning) MVP';
    this.item.tooltip = `Minimal Viable Prompt could not analyse this document: ${message}\n\nSee the "Minimal Viable Prompt" output for details.`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.show();
    this.visible = true;
  }

  hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    this.item.dispose();
  }
}
