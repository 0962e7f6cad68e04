/**
 * MVP: Choose Model — a quick pick over the model profiles showing each one's context window and
 * energy per 1,000 input tokens (and whether its weights are open), so the trade-off is visible
 * while choosing. The choice is saved as the `mvp.defaultModel` setting (which triggers
 * re-analysis).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import type { ModelProfile } from '../core/profiles/modelProfile';
import { formatTokensShort, formatWh } from '../core/formatNumbers';
import { readSettings, SETTINGS_SECTION } from './settings';

export interface ModelCatalogue {
  profiles(): readonly ModelProfile[];
  /** Central Wh of a request of 1,000 input tokens and no output, for comparison. */
  whPer1kInputTokens(profile: ModelProfile): number;
}

interface ModelItem extends vscode.QuickPickItem {
  profile: ModelProfile;
}

export async function chooseModel(catalogue: ModelCatalogue, current: Analysis | undefined): Promise<string | undefined> {
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
        detail: `${profile.id} · ${profile.architecture}, ${paramText} · ${profile.tokenizer.approximate ? 'approximate tokenizer' : 'exact tokenizer'} · ${profile.confidence}${profile.weights === 'open' ? ' · open weights' : ''}${profile.local ? ' · runs locally' : ''}`,
        profile,
      });
    }
  }
  const pick = await new Promise<ModelItem | undefined>((resolve) => {
    const quickPick = vscode.window.createQuickPick<ModelItem | vscode.QuickPickItem>();
    quickPick.title = 'MVP: Choose Model';
    quickPick.placeholder =
      current && current.model.requested && current.model.requested !== settings.defaultModel
        ? `This prompt names "${current.model.requested}" (front matter or team config), which wins over the setting you choose here`
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
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('defaultModel', pick.profile.id, target);
  return pick.profile.id;
}
