/**
 * "Turn off a rule in the team config": the first way the quick-fix menu offers to silence a rule,
 * because it costs the request nothing — a disable comment is text in the prompt and is sent
 * (and counted) with it. Sets `"rules": { "<id>": "off" }` in the nearest .mvp.jsonc that applies
 * to the prompt (comments and layout kept), or creates one at the workspace folder's root.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { AnalysisWithNotices } from '../../core/analyse';
import { CONFIG_FILE_NAMES } from '../../core/config/mvpConfig';
import { configWithRuleOff } from '../../core/config/configRuleOff';

/** The nearest .mvp.jsonc/.mvp.json of an analysis (the last file merged wins), if any. */
export function nearestTeamConfig(analysis: Pick<AnalysisWithNotices, 'config'> | undefined): string | undefined {
  const files = analysis?.config?.sourceFiles ?? [];
  return [...files].reverse().find((f) => (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(f)));
}

/** Where the rule would be turned off: an existing config, or a new one at the folder root. */
export function disableTarget(document: vscode.TextDocument, analysis: AnalysisWithNotices | undefined): { file: vscode.Uri; exists: boolean } | undefined {
  const existing = nearestTeamConfig(analysis);
  if (existing) return { file: vscode.Uri.file(existing), exists: true };
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return folder?.uri.scheme === 'file' ? { file: vscode.Uri.joinPath(folder.uri, '.mvp.jsonc'), exists: false } : undefined;
}


/** Applies it as one undoable edit and saves, so the engine (which reads the file) re-analyses. */
export async function disableRuleInConfig(target: { file: vscode.Uri; exists: boolean }, ruleId: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  if (target.exists) {
    const document = await vscode.workspace.openTextDocument(target.file);
    const text = document.getText();
    edit.replace(target.file, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), configWithRuleOff(text, ruleId));
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    return document.save();
  }
  const header = '// Minimal Viable Prompt team config: see docs/config.md.\n';
  edit.createFile(target.file, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(header + configWithRuleOff('{\n}\n', ruleId)) });
  return vscode.workspace.applyEdit(edit);
}
