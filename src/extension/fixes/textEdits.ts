/** Core offset edits → a WorkspaceEdit on one document (applied as one undo step). */
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/rules/finding';

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) {
    const range = new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end));
    edit.replace(document.uri, range, e.newText);
  }
  return edit;
}
