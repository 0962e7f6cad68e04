/**
 * Cross-check of our token count with the editor's own language-model API (`vscode.lm`): only
 * when the user asks (the request for model access is the consent), only as a second opinion
 * shown next to ours (its counts have been wrong before), and silent when no model is offered.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis';
import { formatTokens } from '../../core/format';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { CrossCheck } from '../report/reportHtml';
import type { ReportPanel } from '../report/reportPanel';
import { documentFor } from './commandArguments';

/** MVP: Cross-check Token Count — the editor's model's count next to ours, in a message and the report. */
export async function crossCheckCommand(analyser: DocumentAnalyser, report: ReportPanel, arg?: unknown): Promise<CrossCheck | undefined> {
  const document = await documentFor(arg);
  if (!document) return undefined;
  const result = analyser.current(document) ?? (await analyser.analyseNow(document));
  if (!result) return undefined;
  const check = await crossCheckTokens(document, result.analysis);
  if (!check) {
    // Visible feedback, not a status bar flash: say what is missing and what to do.
    void vscode.window.showInformationMessage(
      `MVP: no language model in this editor matches ${result.analysis.model.name}, so there is nothing to cross-check against. Install a chat extension that offers one (e.g. GitHub Copilot Chat) and allow MVP to use it; MVP's own count (${result.analysis.model.tokenizer}) is unchanged.`,
    );
    return undefined;
  }
  report.setCrossCheck(document.uri, check);
  void vscode.window.showInformationMessage(
    `MVP: ${check.modelName} counts ${formatTokens(check.tokens)} tokens for this prompt's text; MVP counts ${formatTokens(result.analysis.tokens.total)} for the whole request (${result.analysis.model.tokenizer}).`,
  );
  return check;
}

export async function crossCheckTokens(document: vscode.TextDocument, analysis: Analysis): Promise<CrossCheck | undefined> {
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  if (!lm?.selectChatModels) return undefined;
  let models: vscode.LanguageModelChat[] = [];
  try {
    const family = analysis.model.id;
    models = await lm.selectChatModels({ family });
    if (!models.length) {
      models = (await lm.selectChatModels({})).filter((m) => m.family.includes(family) || family.includes(m.family) || m.id.includes(family));
    }
  } catch {
    return undefined; // refused or unavailable: silent, by design
  }
  const model = models[0];
  if (!model) return undefined;
  try {
    const tokens = await model.countTokens(document.getText());
    return { modelName: `${model.name} (${model.vendor})`, tokens, maxInputTokens: model.maxInputTokens };
  } catch {
    return undefined;
  }
}
