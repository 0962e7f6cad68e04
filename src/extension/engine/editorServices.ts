/**
 * Everything that needs the engine, loaded on first use through a dynamic import (esbuild keeps
 * such a module's initialisation lazy), so activation parses and runs only the editor glue:
 * the parser, rules, readers, config loader and profiles initialise with the first analysis.
 */
import * as vscode from 'vscode';
import { profileRegistryFor } from '../../core/analyse';
import { estimateRequest } from '../../core/energy';
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
}

export function createEditorServices(extensionUri: vscode.Uri): EditorServices {
  const attachments = new AttachmentCache();
  const configs = new ConfigCache();
  // Rule docs ship inside the extension, so diagnostics link to them offline.
  const engine = new EditorEngine(configs, attachments, vscode.Uri.joinPath(extensionUri, 'docs/').toString());
  return {
    engine,
    configs,
    attachments,
    profileRegistryFor,
    estimateRequest,
    countForProfile,
    dispose: () => {
      attachments.dispose();
      configs.dispose();
    },
  };
}
