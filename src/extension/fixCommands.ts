/**
 * The commands behind quick fixes and report links: apply one finding's fix, fix all (of a rule),
 * disable a rule, open its docs, reveal a part. They re-analyse first when the findings they were
 * given are older than the document, so a fix never lands on shifted text.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/rules/finding';
import { combineFixes, hasTextFix } from './combineFixes';
import { documentFor, toUri } from './commandArguments';
import { disableForFileEdit, disableForLineEdit } from './disableComments';
import type { DocumentAnalyser } from './documentAnalyser';
import type { FixActionRunner } from './fixActions';
import { toWorkspaceEdit } from './textEdits';

export function registerFixCommands(analyser: DocumentAnalyser, runner: FixActionRunner): vscode.Disposable[] {
  /** The finding as it stands in the document now (re-analysing if the given one is stale). */
  async function currentFinding(document: vscode.TextDocument, given: Finding | number, version: number): Promise<Finding | undefined> {
    const fresh = analyser.current(document);
    if (fresh && fresh.version === version) {
      return typeof given === 'number' ? fresh.analysis.findings[given] : given;
    }
    const stale = typeof given === 'number' ? analyser.last(document.uri)?.analysis.findings[given] : given;
    if (!stale) return undefined;
    const now = (fresh ?? (await analyser.analyseNow(document)))?.analysis.findings ?? [];
    const candidates = now.filter((f) => f.ruleId === stale.ruleId && f.fix?.title === stale.fix?.title);
    // The same finding, moved by the edits since: the nearest one of the same rule and fix.
    const distance = (f: Finding) => Math.abs((f.range?.start ?? 0) - (stale.range?.start ?? 0));
    return candidates.sort((a, b) => distance(a) - distance(b))[0];
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
    const findings = analysed.analysis.findings.filter((f) => hasTextFix(f) && (!ruleId || f.ruleId === ruleId));
    const { edits, applied } = combineFixes(findings);
    if (!edits.length) {
      void vscode.window.showInformationMessage(ruleId ? `MVP: no automatic fixes for '${ruleId}' in this file.` : 'MVP: no automatic fixes in this file.');
      return 0;
    }
    await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
    return applied.length;
  }

  const report = (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`MVP: ${message}`);
  };
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (e) {
        report(e);
        return undefined;
      }
    };

  return [
    vscode.commands.registerCommand(
      'mvp.applyFix',
      guarded(async (uriArg: unknown, finding: Finding | number, version: number) => {
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
