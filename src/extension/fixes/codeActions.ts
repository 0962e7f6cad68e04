/**
 * Quick fixes for MVP diagnostics, in the shape users know from ESLint and markdownlint: apply
 * this fix, fix all of this rule in the file, fix all, disable the rule for this line or file,
 * open the rule's docs. Text fixes carry their WorkspaceEdit (previewable, one undo step);
 * fixes that create files run a command.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../../core/analysis';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import { type DiagnosticsPublisher, type MvpDiagnostic, docsTarget, isMvpDiagnostic } from '../problems/diagnostics';
import { combineFixes, hasTextFix } from '../../core/rules/combineFixes';
import { canDisableForLine, disableForFileEdit, disableForLineEdit } from '../../core/rules/disableCommentEdits';
import { toWorkspaceEdit } from './textEdits';
import { disableTarget } from '../problems/disableRuleInConfig';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mvp');

export class MvpCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly analyser: DocumentAnalyser,
    /** Tokens a text adds to this document's request, for the model of its last analysis. */
    private readonly countTokens: (document: vscode.TextDocument, text: string) => number | undefined = () => undefined,
  ) {}

  /** " (a comment: +12 tokens per request)": what a disable comment costs, since it is sent. */
  private costNote(document: vscode.TextDocument, inserted: string): string {
    const tokens = inserted.trim() ? this.countTokens(document, inserted) : undefined;
    return tokens ? ` (a comment: +${tokens} token${tokens === 1 ? '' : 's'} per request)` : '';
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const current = this.analyser.current(document);
    const only = context.only;
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix)) {
      // A source-action request (the Source Action menu, or codeActionsOnSave: source.fixAll.mvp).
      if (!FIX_ALL_KIND.intersects(only)) return [];
      const all = this.fixAllAction(document, current?.analysis, undefined, FIX_ALL_KIND, 'Fix all auto-fixable MVP problems', ['mvp.fixAll', [document.uri]]);
      return all ? [all] : [];
    }
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter(isMvpDiagnostic) as MvpDiagnostic[];
    const shown = this.diagnostics.get(document.uri);
    const text = document.getText();
    const seenRuleActions = new Set<string>();
    for (const diagnostic of ours) {
      const finding = diagnostic.finding;
      const fix = finding.fix;
      if (fix) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        // Ctrl+. and "auto fix" pick the preferred action: never one that deletes content.
        action.isPreferred = !fix.removesContent;
        if (hasTextFix(finding) && current) {
          action.edit = toWorkspaceEdit(document, fix.edits!);
        } else {
          action.command = {
            title: fix.title,
            command: 'mvp.applyFix',
            arguments: [document.uri, finding, current?.version ?? -1],
          };
        }
        actions.push(action);
        const convert = fix.action?.kind === 'convertSpreadsheet' ? fix.action : undefined;
        if (convert?.sheets && convert.sheets.length > 1) {
          // The primary fix converts every visible sheet; when the question needs one, pick it.
          const one = commandAction(`Convert one sheet of ${path.basename(convert.attachmentPath)} to CSV…`, 'mvp.convertSpreadsheet', [
            vscode.Uri.file(convert.attachmentPath),
            { documentUri: document.uri.toString(), pickSheet: true },
          ]);
          one.diagnostics = [diagnostic];
          actions.push(one);
        }
      }
      const sameRule = shown.filter((d) => d.finding.ruleId === finding.ruleId && hasTextFix(d.finding));
      if (sameRule.length > 1 && !seenRuleActions.has(`all:${finding.ruleId}`)) {
        seenRuleActions.add(`all:${finding.ruleId}`);
        const title = `Fix all '${finding.ruleId}' problems in this file`;
        const action = this.fixAllAction(
          document,
          current?.analysis,
          finding.ruleId,
          vscode.CodeActionKind.QuickFix,
          title,
          ['mvp.fixAllOfRule', [document.uri, finding.ruleId]],
        );
        if (action) {
          action.diagnostics = sameRule;
          actions.push(action);
        }
      }
      // Silencing a rule: the team config first (free: nothing is added to the prompt), then the
      // comments, which are prompt text sent with every request — their token cost is in the title.
      if (!seenRuleActions.has(`config:${finding.ruleId}`) && finding.ruleId !== 'config') {
        seenRuleActions.add(`config:${finding.ruleId}`);
        const target = disableTarget(document, current?.analysis);
        if (target) {
          const name = vscode.workspace.asRelativePath(target.file, false);
          const off = commandAction(
            target.exists ? `Turn off '${finding.ruleId}' in the team config (${name})` : `Turn off '${finding.ruleId}' in a new team config (${name})`,
            'mvp.disableRuleInConfig',
            [document.uri, finding.ruleId],
          );
          off.diagnostics = shown.filter((d) => d.finding.ruleId === finding.ruleId);
          actions.push(off);
        }
      }
      if (!seenRuleActions.has(`line:${finding.ruleId}:${diagnostic.range.start.line}`)) {
        seenRuleActions.add(`line:${finding.ruleId}:${diagnostic.range.start.line}`);
        const offset = document.offsetAt(diagnostic.range.start);
        if (finding.range && canDisableForLine(text, offset)) {
          const edit = disableForLineEdit(text, offset, finding.ruleId);
          const line = new vscode.CodeAction(`Disable '${finding.ruleId}' for this line${this.costNote(document, edit.newText)}`, vscode.CodeActionKind.QuickFix);
          line.edit = toWorkspaceEdit(document, [edit]);
          line.diagnostics = [diagnostic];
          actions.push(line);
        }
      }
      if (!seenRuleActions.has(`file:${finding.ruleId}`)) {
        seenRuleActions.add(`file:${finding.ruleId}`);
        const edit = disableForFileEdit(text, finding.ruleId);
        const file = new vscode.CodeAction(`Disable '${finding.ruleId}' for this file${this.costNote(document, edit.newText)}`, vscode.CodeActionKind.QuickFix);
        file.edit = toWorkspaceEdit(document, [edit]);
        file.diagnostics = shown.filter((d) => d.finding.ruleId === finding.ruleId);
        actions.push(file);
        const docs = docsTarget(finding.docsUrl, this.diagnostics.docsRoot);
        if (docs) {
          // The built-in rules' pages ship with the extension: shown in the Markdown preview; web pages in the browser.
          actions.push(
            docs.scheme === 'http' || docs.scheme === 'https'
              ? commandAction(`Show documentation for '${finding.ruleId}'`, 'mvp.openRuleDocs', [docs.toString()])
              : commandAction(`Show documentation for '${finding.ruleId}'`, 'markdown.showPreview', [docs]),
          );
        }
      }
    }
    if (ours.length && shown.filter((d) => hasTextFix(d.finding)).length > 1) {
      const all = this.fixAllAction(document, current?.analysis, undefined, vscode.CodeActionKind.QuickFix, 'Fix all auto-fixable MVP problems in this file', [
        'mvp.fixAll',
        [document.uri],
      ]);
      if (all) actions.push(all);
    }
    return actions;
  }

  private fixAllAction(
    document: vscode.TextDocument,
    analysis: Analysis | undefined,
    ruleId: string | undefined,
    kind: vscode.CodeActionKind,
    title: string,
    fallback: [command: string, args: unknown[]],
  ): vscode.CodeAction | undefined {
    if (!analysis) {
      // The shown diagnostics are older than the text: the command re-analyses first, then fixes.
      return commandAction(title, fallback[0], fallback[1], kind);
    }
    const { edits } = combineFixes(analysis.findings, { file: analysis.file, ruleId });
    if (!edits.length) {
      return undefined;
    }
    const action = new vscode.CodeAction(title, kind);
    action.edit = toWorkspaceEdit(document, edits);
    return action;
  }
}

function commandAction(title: string, command: string, args: unknown[], kind = vscode.CodeActionKind.QuickFix): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.command = { title, command, arguments: args };
  return action;
}
