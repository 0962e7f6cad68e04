/**
 * MVP: Create Team Config — writes a commented `.mvp.jsonc` at the workspace folder's root with
 * the user's current model and region, or opens the existing config instead of overwriting it.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../../core/config/mvpConfig';
import { readSettings } from '../engine/settings';

export function teamConfigTemplate(model: string, region: string | undefined): string {
  return `// Minimal Viable Prompt team config: the editor and the \`mvp\` CLI (e.g. \`mvp lint\` in CI) both read it.
// Completion and validation come from the schema shipped with the extension.
{
  // Model for prompts whose front matter does not name one (an id or alias from the catalogue).
  "model": ${JSON.stringify(model)},
${region ? `  // Grid zone for carbon figures.\n  "region": ${JSON.stringify(region)},\n` : ''}  // Budgets per prompt: over them, the token-budget / energy-budget rules report a problem.
  "budgets": {
    "tokens": 32000,
    "whPerRequest": 1
  },
  // Rule id → "off" | "error" | "warning" | "info" | "hint" | { "severity", "options" }.
  "rules": {
    "politeness-tokens": "off"
  }
  // "extends": ["./prompts/team-pack.json"],   // shared packs: a file, an npm package, or extension:publisher.name/path
  // "files": ["prompts/**/*.md"],              // extra documents to treat as prompts
}
`;
}

export async function createTeamConfig(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showErrorMessage('MVP: open a folder first — the team config lives at the root of a workspace folder.');
    return undefined;
  }
  const folder =
    folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the team config' });
  if (!folder) return undefined;
  for (const name of CONFIG_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    try {
      await vscode.workspace.fs.stat(existing);
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(`MVP: ${name} already exists in ${folder.name}; opened it instead of overwriting it.`);
      return existing;
    } catch {
      // not there: keep looking
    }
  }
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
  const settings = readSettings(folder.uri);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, contents: new TextEncoder().encode(teamConfigTemplate(settings.defaultModel, settings.region)) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`MVP: could not create ${target.fsPath}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target);
  return target;
}
