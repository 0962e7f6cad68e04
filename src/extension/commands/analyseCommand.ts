/**
 * MVP: Analyse Prompt — the active document, its selection, a file from the explorer, or one
 * picked from the workspace's prompt files; opens the report.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../../core/analysis';
import { documentFor, toUri } from './commandArguments';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { PromptTracker } from '../engine/promptTracker';
import type { ReportPanel } from '../report/reportPanel';
import { readSettings } from '../engine/settings';

export async function analysePromptCommand(analyser: DocumentAnalyser, report: ReportPanel, tracker: PromptTracker, arg?: unknown): Promise<Analysis | undefined> {
  try {
    const document = arg ? await documentFor(arg) : vscode.window.activeTextEditor?.document;
    // A whole document the user asked about stays live (diagnostics as they type); a selection does not.
    if (document && vscode.window.activeTextEditor?.selection.isEmpty !== false) tracker.markExplicit(document.uri);
    return await analyseAndReport(analyser, report, arg);
  } catch (e) {
    void vscode.window.showErrorMessage(`MVP: ${(e as Error).message}`);
    return undefined;
  } finally {
    tracker.updateActiveContext();
  }
}

async function analyseAndReport(analyser: DocumentAnalyser, report: ReportPanel, arg?: unknown): Promise<Analysis | undefined> {
  const uri = toUri(arg);
  const editor = vscode.window.activeTextEditor;
  if (!uri && editor && !editor.selection.isEmpty) {
    const document = editor.document;
    const text = document.getText(editor.selection);
    const file = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const analysis = await analyser.analyseText(text, file, document.uri);
    report.show({ title: `MVP: selection of ${path.basename(document.uri.path)}`, analysis });
    return analysis;
  }
  const target = uri ?? editor?.document.uri ?? (await pickPromptFile());
  if (!target) {
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const result = await analyser.analyseNow(document);
  if (!result) {
    void vscode.window.showErrorMessage(`MVP: could not analyse ${path.basename(target.path)} — see the "Minimal Viable Prompt" output for why.`);
    return undefined;
  }
  report.show({ title: `MVP: ${path.basename(target.path)}`, analysis: result.analysis, documentUri: document.uri, version: result.version });
  return result.analysis;
}

async function pickPromptFile(): Promise<vscode.Uri | undefined> {
  const globs = readSettings().files;
  if (!vscode.workspace.workspaceFolders?.length || !globs.length) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Analyse', filters: { Prompts: ['md', 'txt'], 'All files': ['*'] } });
    return picked?.[0];
  }
  const found = await vscode.workspace.findFiles(`{${globs.join(',')}}`, '**/node_modules/**', 500);
  if (!found.length) {
    void vscode.window.showInformationMessage('MVP: no prompt files in this workspace (see the mvp.files setting). Open any file and run MVP: Analyse Prompt on it.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    found
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((uri) => ({ label: path.basename(uri.path), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri })),
    { title: 'MVP: Analyse Prompt', placeHolder: 'Prompt file to analyse', matchOnDescription: true },
  );
  return pick?.uri;
}
