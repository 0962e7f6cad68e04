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
import { documentFor } from '../commands/commandArguments';
import type { DocumentAnalyser } from '../engine/documentAnalyser';

/** The quick fix's command: checks its arguments (command links are text), turns the rule off, says where. */
export async function disableRuleInConfigCommand(analyser: DocumentAnalyser, uri?: unknown, ruleId?: unknown): Promise<boolean> {
  const document = await documentFor(uri);
  if (!document || typeof ruleId !== 'string' || !/^[\w./@-]{1,100}$/.test(ruleId)) return false;
  const target = disableTarget(document, analyser.last(document.uri)?.analysis);
  if (!target) {
    void vscode.window.showWarningMessage('MVP: open a folder to keep a team config (.mvp.jsonc) in; meanwhile the disable comments work.');
    return false;
  }
  const ok = await disableRuleInConfig(target, ruleId);
  if (ok) {
    void vscode.window.showInformationMessage(`MVP: '${ruleId}' is off in ${vscode.workspace.asRelativePath(target.file, false)} for every prompt it covers.`);
    analyser.schedule(document, 0);
  }
  return ok;
}

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
