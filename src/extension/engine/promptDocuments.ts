/**
 * Which documents are prompts: the prompt-file languages VS Code and Copilot define, plus files
 * matching the `mvp.files` globs. Anything else is analysed only when the user asks.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';

export const PROMPT_LANGUAGE_IDS = ['prompt', 'instructions', 'chatagent', 'skill'] as const;

/** Schemes whose documents are real text the user edits (not output panes, git views, …). */
const ANALYSABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote']);

export function promptDocumentSelector(globs: readonly string[]): vscode.DocumentFilter[] {
  return [
    ...PROMPT_LANGUAGE_IDS.map((language) => ({ language })),
    ...globs.map((pattern) => ({ pattern })),
  ];
}

export function isPromptDocument(document: vscode.TextDocument, globs: readonly string[]): boolean {
  if (!ANALYSABLE_SCHEMES.has(document.uri.scheme)) {
    return false;
  }
  return vscode.languages.match(promptDocumentSelector(globs), document) > 0;
}

export function isAnalysableScheme(uri: vscode.Uri): boolean {
  return ANALYSABLE_SCHEMES.has(uri.scheme);
}

/** Whether the team config's own `files` globs (relative to the config's folder) claim the file. */
export function configClaims(fsPath: string, files: readonly string[] | undefined, filesBase: string | undefined, toRegExp: (glob: string) => RegExp): boolean {
  if (!files?.length || !filesBase) return false;
  const relative = path.relative(filesBase, fsPath).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return files.some((glob) => toRegExp(glob).test(relative));
}
