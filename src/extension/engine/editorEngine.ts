/**
 * The engine as the editor calls it: `analysePrompt` with the config from the ConfigCache and
 * attachments read through the AttachmentCache, for the model the analysis resolves to.
 */
import * as path from 'node:path';
import { analysePrompt, type AnalysisWithNotices } from '../../core/analyse';
import { DocumentMemory } from '../../core/document/documentMemory';
import type { AnalyseOptions } from '../../core/analyseOptions';
import { emptyConfig } from '../../core/config/loadConfig';
import type { ResolvedConfig } from '../../core/config/mvpConfig';
import type { AttachmentCache } from './attachmentCache';
import type { ConfigCache } from './configCache';

/** The engine's options, plus the URI of a document the editor analyses again and again (one-off analyses leave it out). */
export type EditorAnalyseOptions = AnalyseOptions & { documentKey?: string };

export class EditorEngine {
  /** What is kept to re-analyse each open document quickly, by document URI. */
  private readonly memories = new Map<string, DocumentMemory>();

  constructor(
    private readonly configs: ConfigCache,
    private readonly attachments: AttachmentCache,
    /** Base of the rule docs shipped inside the extension (`…/docs/`), so links work offline. */
    private readonly docsBaseUrl: string,
  ) {}

  configFor(options: AnalyseOptions): ResolvedConfig {
    const folder = options.file ? path.dirname(options.file) : options.workspaceRoot;
    const loaded = folder
      ? this.configs.get(folder, {
          trusted: options.trusted ?? false,
          workspaceRoot: options.workspaceRoot,
          extensionPackResolver: options.extensionPackResolver,
        })
      : undefined;
    return loaded ?? emptyConfig();
  }

  /** A closed document: what was kept to re-analyse it quickly is released. */
  forget(documentKey: string): void {
    this.memories.delete(documentKey);
  }

  analyse = async (options: EditorAnalyseOptions): Promise<AnalysisWithNotices> => {
    const { documentKey, ...rest } = options;
    let memory: DocumentMemory | undefined;
    if (documentKey !== undefined) {
      memory = this.memories.get(documentKey) ?? new DocumentMemory();
      this.memories.set(documentKey, memory);
    }
    return analysePrompt({
      ...rest,
      memory,
      config: this.configFor(options),
      docsBaseUrl: this.docsBaseUrl,
      readAttachment: (reference, profile) => this.attachments.readerFor(profile, options.workspaceRoot)(reference),
    });
  };
}
