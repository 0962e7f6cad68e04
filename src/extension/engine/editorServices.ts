/**
 * Everything that needs the engine, loaded on first use through a dynamic import (esbuild keeps
 * such a module's initialisation lazy), so activation parses and runs only the editor glue:
 * the parser, rules, readers, config loader and profiles initialise with the first analysis.
 */
import * as vscode from 'vscode';
import { profileRegistryFor, type AnalysisWithNotices } from '../../core/analyse';
import { estimateRequest } from '../../core/energy';
import type { ModelProfile } from '../../core/profiles/modelProfile';
import { countForProfile } from '../../core/tokens/countForProfile';
import { AttachmentCache } from './attachmentCache';
import { ConfigCache } from './configCache';
import { EditorEngine } from './editorEngine';

export interface EditorServices extends vscode.Disposable {
  engine: EditorEngine;
  configs: ConfigCache;
  attachments: AttachmentCache;
  profileRegistryFor: typeof profileRegistryFor;
  estimateRequest: typeof estimateRequest;
  countForProfile: typeof countForProfile;
  /** The model profile an analysis was made with (its team config's profiles included). */
  profileOf(analysis: AnalysisWithNotices): ModelProfile | undefined;
  /** Tokens `text` adds to a request of the analysis's model; undefined without an analysis. */
  tokensFor(analysis: AnalysisWithNotices | undefined, text: string): number | undefined;
}

export function createEditorServices(extensionUri: vscode.Uri): EditorServices {
  const attachments = new AttachmentCache();
  const configs = new ConfigCache();
  // Rule docs ship inside the extension, so diagnostics link to them offline.
  const engine = new EditorEngine(configs, attachments, vscode.Uri.joinPath(extensionUri, 'docs/').toString());
  const profileOf = (analysis: AnalysisWithNotices) => profileRegistryFor(analysis.config).get(analysis.model.id);
  return {
    engine,
    configs,
    attachments,
    profileRegistryFor,
    estimateRequest,
    countForProfile,
    profileOf,
    tokensFor: (analysis, text) => {
      const profile = analysis && profileOf(analysis);
      return profile ? countForProfile(profile, text).tokens : undefined;
    },
    dispose: () => {
      attachments.dispose();
      configs.dispose();
    },
  };
}
