/**
 * Which open documents are live prompts (analysed as the user types, with diagnostics): the
 * prompt languages and `mvp.files` globs (promptDocuments.ts), the team config's `files` once the
 * engine is loaded, and any document the user ran MVP: Analyse Prompt on. Also keeps the
 * `mvp.activeEditorIsPrompt` context key, which shows the editor title's Analyse button.
 */
import * as vscode from 'vscode';
import { globToRegExp } from '../../core/config/promptFileGlobs';
import type { DiagnosticsPublisher } from '../problems/diagnostics';
import type { DocumentAnalyser } from './documentAnalyser';
import type { EditorServices } from './editorServices';
import { configClaims, isAnalysableScheme, isPromptDocument } from './promptDocuments';
import { readSettings } from './settings';

export const PROMPT_CONTEXT_KEY = 'mvp.activeEditorIsPrompt';

export class PromptTracker {
  /** Documents the user analysed explicitly: they stay live even when not matching the prompt globs. */
  private readonly explicit = new Set<string>();

  constructor(
    private readonly analyser: DocumentAnalyser,
    private readonly diagnostics: DiagnosticsPublisher,
    /** The engine's services, once loaded (the team config's `files` need them). */
    private readonly services: () => EditorServices | undefined,
  ) {}

  isTracked(document: vscode.TextDocument): boolean {
    if (!isAnalysableScheme(document.uri)) return false;
    if (this.explicit.has(document.uri.toString())) return true;
    const settings = readSettings(document.uri);
    if (isPromptDocument(document, settings.files)) return true;
    if (document.uri.scheme !== 'file') return false;
    // The team config may name more prompt files; checked only for text-like documents, once the
    // engine is loaded (the first analysis loads it; analyseAll runs again then).
    const services = this.services();
    if (!services || !['markdown', 'plaintext'].includes(document.languageId)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const config = services.engine.configFor({
      text: '',
      file: document.uri.fsPath,
      workspaceRoot: folder?.uri.fsPath,
      trusted: vscode.workspace.isTrusted,
    });
    return configClaims(document.uri.fsPath, config.files, config.filesBase, globToRegExp);
  }

  /** By URI, for the extension's API: only open documents can be tracked. */
  isTrackedUri(uri: vscode.Uri): boolean {
    const document = openDocument(uri);
    return !!document && this.isTracked(document);
  }

  /** The user ran MVP: Analyse Prompt on it: keep it live until it closes. */
  markExplicit(uri: vscode.Uri): void {
    this.explicit.add(uri.toString());
  }

  closed(uri: vscode.Uri): void {
    this.explicit.delete(uri.toString());
  }

  /** Schedules every tracked document and clears the diagnostics of documents no longer tracked. */
  analyseAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.isTracked(document)) this.analyser.schedule(document, 0);
      else if (this.diagnostics.get(document.uri).length) this.diagnostics.clear(document.uri);
    }
    this.updateActiveContext();
  }

  /** After the engine loaded: documents only the team config names as prompts are recognisable now. */
  analyseNewlyClaimed(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!this.analyser.last(document.uri) && this.isTracked(document)) this.analyser.schedule(document, 0);
    }
    this.updateActiveContext();
  }

  updateActiveContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', PROMPT_CONTEXT_KEY, !!document && this.isTracked(document));
  }
}

/** The open document with this URI, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}
