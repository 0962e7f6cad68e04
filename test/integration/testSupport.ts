/** Shared helpers of the real-editor suites (bundled into each suite). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MvpApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'minimal-viable-prompt.minimal-viable-prompt';

export async function api(): Promise<MvpApi> {
  const extension = vscode.extensions.getExtension<MvpApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const exports = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(exports, 'the extension failed to activate (see the extension host log)');
  return exports;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document);
}

export function mvpDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MVP');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

export async function diagnosticsWith(uri: vscode.Uri, condition: (rules: string[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(what, () => {
      const d = mvpDiagnostics(uri);
      return condition(d.map(ruleOf)) ? d : undefined;
    });
  } catch (e) {
    const now = mvpDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}: ${d.message.slice(0, 160)}`);
    throw new Error(`${(e as Error).message}; diagnostics now: ${JSON.stringify(now)}`);
  }
}

/** Quick fixes offered on a diagnostic, as VS Code's lightbulb asks for them. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Runs a code action the way VS Code does: its edit, then its command. */
export async function runCodeAction(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) {
    assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" was refused`);
  }
  if (action.command) {
    return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  return undefined;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Reverts every edited document (tests leave the scratch workspace as they found it) and closes editors. */
export async function revertAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits for the next analysis of `uri` that satisfies `condition`. */
export async function analysisWhere(uri: vscode.Uri, condition: (a: NonNullable<ReturnType<MvpApi['analysisOf']>>) => boolean, what: string) {
  const mvp = await api();
  return waitFor(what, () => {
    const a = mvp.analysisOf(uri);
    return a && condition(a) ? a : undefined;
  });
}
