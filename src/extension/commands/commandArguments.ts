/** Commands are invoked from code actions (real objects) and from command links (JSON): accept both. */
import * as vscode from 'vscode';

export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) {
    try {
      return value.includes(':') ? vscode.Uri.parse(value, true) : vscode.Uri.file(value);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === 'object' && 'scheme' in value && 'path' in value) {
    return vscode.Uri.from(value as { scheme: string; path: string; authority?: string; query?: string; fragment?: string });
  }
  return undefined;
}

export async function documentFor(value: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = toUri(value);
  if (uri) {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  }
  return vscode.window.activeTextEditor?.document;
}
