/**
 * MVP: Choose Model — a quick pick over the model profiles showing each one's context window and
 * energy per 1,000 input tokens (and whether its weights are open), so the trade-off is visible
 * while choosing. Then it asks where the choice goes — the source that decides the model now
 * (front matter, team config), this session only, or the workspace/user setting — and says when a
 * place would not take effect for the current prompt (core/profiles/modelTargets.ts).
 */
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { ModelProfile } from '../../core/profiles/modelProfile';
import { confidenceText, formatTokensShort, formatWh } from '../../core/format';
import * as path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { nearestTeamConfig } from '../problems/disableRuleInConfig';
import { type ModelSituation, type ModelTarget, frontMatterModelValueRange, isModelTarget, modelTargetOptions, whoDecides } from '../../core/profiles/modelTargets';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { EditorServices } from '../engine/editorServices';
import { readSettings, SETTINGS_SECTION } from '../engine/settings';

export interface ModelCatalogue {
  profiles(): readonly ModelProfile[];
  /** Central Wh of a request of 1,000 input tokens and no output, for comparison. */
  whPer1kInputTokens(profile: ModelProfile): number;
}

interface ModelItem extends vscode.QuickPickItem {
  profile: ModelProfile;
}

/**
 * MVP: Choose Model, with the model of the active prompt's analysis. With a model id (the panel,
 * command links, tests) it skips the list; with a target too, the question where to save it.
 */
export async function chooseModelCommand(
  analyser: DocumentAnalyser,
  services: () => Promise<EditorServices>,
  /** Re-analyses every prompt after the session-only model changed. */
  analyseAll: () => void,
  modelId?: unknown,
  target?: unknown,
): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const current = active ? analyser.last(active.uri)?.analysis : undefined;
  const { profileRegistryFor, estimateRequest } = await services();
  const registry = profileRegistryFor(current?.config);
  const where: ModelChoiceContext = {
    document: current ? active : undefined,
    analysis: current,
    setSessionModel: (id) => {
      if (analyser.sessionModel === id) return;
      analyser.sessionModel = id;
      analyseAll();
    },
  };
  if (typeof modelId === 'string' && modelId) {
    if (!registry.get(modelId)) {
      void vscode.window.showErrorMessage(`MVP: no model profile "${modelId}".`);
      return undefined;
    }
    return saveModelChoice(modelId, where, isModelTarget(target) ? target : undefined);
  }
  return chooseModel(
    {
      profiles: () => registry.list(),
      whPer1kInputTokens: (profile) => estimateRequest(profile, { inputTokens: 1000, outputTokens: 0 }).energyWh.central,
    },
    where,
  );
}

export async function chooseModel(catalogue: ModelCatalogue, where: ModelChoiceContext): Promise<string | undefined> {
  const current = where.analysis;
  const settings = readSettings();
  const selectedId = current?.model.id ?? settings.defaultModel;
  const byProvider = new Map<string, ModelProfile[]>();
  for (const p of catalogue.profiles()) {
    byProvider.set(p.provider, [...(byProvider.get(p.provider) ?? []), p]);
  }
  const items: (ModelItem | vscode.QuickPickItem)[] = [];
  for (const [provider, profiles] of [...byProvider.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    items.push({ label: provider, kind: vscode.QuickPickItemKind.Separator });
    for (const profile of profiles.sort((a, b) => a.name.localeCompare(b.name))) {
      const params = profile.parameters.active;
      const paramText = params.min === params.max ? `${params.min}B active` : `${params.min}–${params.max}B active`;
      items.push({
        label: `${profile.id === selectedId ? '$(check) ' : ''}${profile.name}`,
        description: `${formatTokensShort(profile.contextWindow)} context · ${formatWh(catalogue.whPer1kInputTokens(profile))} per 1k input tokens`,
        detail: `${profile.id} · ${profile.architecture}, ${paramText} · ${profile.tokenizer.approximate ? 'approximate tokenizer' : 'exact tokenizer'} · ${confidenceText(profile.confidence)}${profile.weights === 'open' ? ' · open weights' : ''}${profile.local ? ' · runs locally' : ''}`,
        profile,
      });
    }
  }
  const pick = await new Promise<ModelItem | undefined>((resolve) => {
    const quickPick = vscode.window.createQuickPick<ModelItem | vscode.QuickPickItem>();
    quickPick.title = 'MVP: Choose Model';
    // Say up front which source decides; the next step asks where the choice goes.
    quickPick.placeholder = current
      ? whoDecides({ source: current.model.source, requested: current.model.requested, configFile: nearestTeamConfig(current), hasWorkspace: true })
      : 'Model used for token counts and energy estimates';
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.items = items;
    // Start on the model in use, so the list opens where the user is.
    const selected = items.find((i) => 'profile' in i && i.profile.id === selectedId);
    if (selected) quickPick.activeItems = [selected];
    let chosen: ModelItem | undefined;
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      chosen = item && 'profile' in item ? item : undefined;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
  if (!pick || !('profile' in pick)) {
    return undefined;
  }
  return saveModelChoice(pick.profile.id, where);
}

/** Everything saving a model choice needs from the extension. */
export interface ModelChoiceContext {
  /** The current prompt, if the active editor holds one. */
  document?: vscode.TextDocument;
  analysis?: AnalysisWithNotices;
  /** Keeps or clears the session-only choice (held in memory by the analyser). */
  setSessionModel(modelId: string | undefined): void;
}

/**
 * Asks where the choice goes (see core/profiles/modelTargets.ts) and saves it there. `preset` skips the question
 * (tests, other extensions). Returns the chosen id, or undefined when the user cancelled.
 */
export async function saveModelChoice(modelId: string, where: ModelChoiceContext, preset?: ModelTarget): Promise<string | undefined> {
  const analysis = where.analysis;
  const situation: ModelSituation = {
    source: analysis?.model.source ?? 'setting',
    requested: analysis?.model.requested ?? readSettings().defaultModel,
    configFile: nearestTeamConfig(analysis),
    configLabel: ((file) => (file ? vscode.workspace.asRelativePath(file, false) : undefined))(nearestTeamConfig(analysis)),
    documentName: where.document ? path.basename(where.document.uri.path) : undefined,
    hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
  };
  const options = modelTargetOptions(situation);
  let target = preset;
  if (!target) {
    const picked = await vscode.window.showQuickPick(
      options.map((o) => ({ label: `${o.takesEffect ? '' : '$(circle-slash) '}${o.label}`, detail: o.detail, option: o })),
      { title: `Use ${modelId} — where?`, placeHolder: whoDecides(situation), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    target = picked.option.target;
  }
  switch (target) {
    case 'session':
      where.setSessionModel(modelId);
      return modelId;
    case 'frontMatter':
      if (!where.document || !(await writeFrontMatterModel(where.document, modelId))) {
        void vscode.window.showWarningMessage(`MVP: this prompt has no "model:" line in its front matter to change.`);
        return undefined;
      }
      break;
    case 'config':
      if (!situation.configFile) {
        void vscode.window.showWarningMessage('MVP: no team config (.mvp.jsonc) applies to this prompt; run "MVP: Create Team Config" first.');
        return undefined;
      }
      await writeConfigModel(vscode.Uri.file(situation.configFile), modelId);
      break;
    case 'workspaceSetting':
    case 'userSetting': {
      const scope = target === 'workspaceSetting' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('defaultModel', modelId, scope);
      break;
    }
  }
  // A saved choice ends a session-only one: the user said where the model should come from.
  where.setSessionModel(undefined);
  const chosen = options.find((o) => o.target === target);
  if (chosen && !chosen.takesEffect) {
    void vscode.window.showInformationMessage(`MVP: saved ${modelId}. ${whoDecides(situation)} This prompt keeps ${situation.requested}.`);
  }
  return modelId;
}

async function writeFrontMatterModel(document: vscode.TextDocument, modelId: string): Promise<boolean> {
  const range = frontMatterModelValueRange(document.getText());
  if (!range) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)), modelId);
  return vscode.workspace.applyEdit(edit);
}

/** Sets "model" in a JSONC config, keeping its comments and layout; saved at once (the engine reads the file). */
async function writeConfigModel(file: vscode.Uri, modelId: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(file);
  const text = document.getText();
  const edits = modify(text, ['model'], modelId, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const updated = applyEdits(text, edits);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(file, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), updated);
  if (await vscode.workspace.applyEdit(edit)) await document.save();
}
