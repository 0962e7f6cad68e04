/**
 * The commands behind quick fixes and report links: apply one finding's fix, fix all (of a rule),
 * disable a rule, open its docs, reveal a part. They re-analyse first when the findings they were
 * given are older than the document, so a fix never lands on shifted text.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/rules/finding';
import { combineFixes } from '../../core/rules/combineFixes';
import { documentFor, toUri } from '../commands/commandArguments';
import { reportingErrors } from '../commands/commandErrors';
import { disableForFileEdit, disableForLineEdit } from '../../core/rules/disableCommentEdits';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { FixActionRunner } from './fixActions';
import { toWorkspaceEdit } from './textEdits';
import { isDocsLink } from '../../core/config/webLink';
import { matchCurrentFinding } from '../../core/rules/findingMatch';

export function registerFixCommands(analyser: DocumentAnalyser, runner: FixActionRunner): vscode.Disposable[] {
  /**
   * The finding as it stands in the document now, always taken from the extension's own analysis:
   * an argument (a code action's finding, a panel message, a command link) only says which one is
   * meant — its fix, edits and action are never trusted, so a crafted command argument cannot
   * make this command write anything the analysis did not derive.
   */
  async function currentFinding(document: vscode.TextDocument, given: unknown, version: number): Promise<Finding | undefined> {
    const fresh = analyser.current(document);
    if (typeof given === 'number' && fresh && fresh.version === version) return fresh.analysis.findings[given];
    const described = typeof given === 'number' ? analyser.last(document.uri)?.analysis.findings[given] : given;
    if (!described || typeof described !== 'object') return undefined;
    const now = (fresh ?? (await analyser.analyseNow(document)))?.analysis.findings ?? [];
    return matchCurrentFinding(now, described, !!fresh && fresh.version === version);
  }

  async function applyFinding(document: vscode.TextDocument, finding: Finding): Promise<boolean | vscode.Uri | undefined> {
    const fix = finding.fix;
    if (!fix) return false;
    if (fix.action) {
      const before = document.version;
      const created = await runner.run(document, fix.action);
      // Extra edits are offsets into the text as analysed: apply them only if the action left it alone.
      if (created && fix.edits?.length && document.version === before) {
        await vscode.workspace.applyEdit(toWorkspaceEdit(document, fix.edits));
      }
      return created;
    }
    return vscode.workspace.applyEdit(toWorkspaceEdit(document, fix.edits ?? []));
  }

  async function fixAll(uriArg: unknown, ruleId?: string): Promise<number> {
    const document = await documentFor(uriArg);
    if (!document) return 0;
    const analysed = analyser.current(document) ?? (await analyser.analyseNow(document));
    if (!analysed) return 0;
    const { edits, applied } = combineFixes(analysed.analysis.findings, { file: analysed.analysis.file, ruleId: ruleId || undefined });
    if (!edits.length) {
      void vscode.window.showInformationMessage(ruleId ? `MVP: no automatic fixes for '${ruleId}' in this file.` : 'MVP: no automatic fixes in this file.');
      return 0;
    }
    await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
    return applied.length;
  }

  const guarded = reportingErrors;

  return [
    vscode.commands.registerCommand(
      'mvp.applyFix',
      guarded(async (uriArg: unknown, finding: unknown, version: unknown) => {
        const document = await documentFor(uriArg);
        if (!document) return false;
        const now = await currentFinding(document, finding, typeof version === 'number' ? version : -1);
        if (!now?.fix) {
          void vscode.window.showWarningMessage('MVP: this problem is gone — the document changed since it was found.');
          return false;
        }
        return applyFinding(document, now);
      }),
    ),
    vscode.commands.registerCommand('mvp.fixAll', guarded((uriArg?: unknown) => fixAll(uriArg))),
    vscode.commands.registerCommand('mvp.fixAllOfRule', guarded((uriArg: unknown, ruleId: string) => fixAll(uriArg, ruleId))),
    vscode.commands.registerCommand(
      'mvp.disableRuleForLine',
      guarded(async (uriArg: unknown, ruleId: string, offset: number) => {
        const document = await documentFor(uriArg);
        if (!document) return false;
        return vscode.workspace.applyEdit(toWorkspaceEdit(document, [disableForLineEdit(document.getText(), offset, ruleId)]));
      }),
    ),
    vscode.commands.registerCommand(
      'mvp.disableRuleForFile',
      guarded(async (uriArg: unknown, ruleId: string) => {
        const document = await documentFor(uriArg);
        if (!document) return false;
        return vscode.workspace.applyEdit(toWorkspaceEdit(document, [disableForFileEdit(document.getText(), ruleId)]));
      }),
    ),
    vscode.commands.registerCommand('mvp.openRuleDocs', (url: string) => {
      // Web pages only: a command: or file: address from a pack must never be opened from here.
      if (!isDocsLink(typeof url === 'string' ? url : toUri(url)?.toString())) return false;
      const uri = toUri(url);
      return uri ? vscode.env.openExternal(uri) : false;
    }),
    vscode.commands.registerCommand(
      'mvp.runFixAction',
      guarded(async (uriArg: unknown, action: NonNullable<Finding['fix']>['action']) => {
        if (!action) return undefined;
        const document = uriArg ? await documentFor(uriArg) : undefined;
        return runner.run(document, action);
      }),
    ),
    vscode.commands.registerCommand(
      'mvp.revealRange',
      guarded(async (uriArg: unknown, start: number, end: number) => {
        const document = await documentFor(uriArg);
        if (!document) return;
        const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
        const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
    ),
  ];
}
