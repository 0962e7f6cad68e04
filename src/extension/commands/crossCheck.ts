/**
 * Cross-check of our token count with the editor's own language-model API (`vscode.lm`): only
 * when the user asks (the request for model access is the consent), only as a second opinion
 * shown next to ours (its counts have been wrong before), and silent when no model is offered.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis';
import type { CrossCheck } from '../report/reportHtml';

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
