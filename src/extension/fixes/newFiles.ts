/**
 * Files the extension writes for the user (CSV conversions, log tails, seed summaries): always a
 * fresh name next to the source, created through a WorkspaceEdit so one Undo removes the file
 * and reverts the reference that was rewritten with it. Never overwrites.
 */
import * as vscode from 'vscode';
import type { TextRange } from '../../core/textRange';
import { referencePathFor, rewriteReferenceText } from '../../core/prompt/referenceRewrite';

/** `dir/base.ext`, or `dir/base-2.ext`, `-3` … — the first name that does not exist. */
export async function freshSibling(dir: vscode.Uri, base: string, ext: string): Promise<vscode.Uri> {
  const safeBase = base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '') || 'file';
  for (let n = 1; n < 1000; n++) {
    const candidate = vscode.Uri.joinPath(dir, `${safeBase}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!(await exists(candidate))) {
      return candidate;
    }
  }
  throw new Error(`Could not find a free file name for ${safeBase}${ext} in ${dir.fsPath}.`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export interface NewFileRequest {
  target: vscode.Uri;
  contents: string;
  /**
   * More files written in the same edit (one CSV per sheet); the reference is then repeated,
   * once per file, so the prompt sends each of them.
   */
  more?: { target: vscode.Uri; contents: string }[];
  /** Rewrite this reference in the prompt to point at the new file. */
  reference?: { document: vscode.TextDocument; range: TextRange; rawPath: string };
  /** Open the new file (beside the prompt, keeping focus) once created. */
  reveal: 'beside' | 'active' | 'none';
}

/** Creates the file (and rewrites the reference) in one undoable edit; returns false if refused. */
export async function createFileWithEdit(request: NewFileRequest): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const files = [{ target: request.target, contents: request.contents }, ...(request.more ?? [])];
  for (const file of files) {
    edit.createFile(file.target, {
      overwrite: false,
      ignoreIfExists: false,
      contents: new TextEncoder().encode(file.contents),
    });
  }
  if (request.reference) {
    const { document, range, rawPath } = request.reference;
    const vsRange = new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
    const original = document.getText(vsRange);
    const rewritten = files.map((file) => rewriteReferenceText(original, rawPath, referencePathFor(document.uri.fsPath, rawPath, file.target.fsPath)));
    if (rewritten.every((r) => r !== undefined)) {
      edit.replace(document.uri, vsRange, rewritten.join(' '));
    }
  }
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: false });
  if (!ok) {
    return false;
  }
  if (request.reveal !== 'none') {
    await vscode.window.showTextDocument(request.target, {
      viewColumn: request.reveal === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      preserveFocus: request.reveal === 'beside',
      preview: false,
    });
  }
  return true;
}
