/**
 * The engine as the editor calls it: `analysePrompt` with the config from the ConfigCache and
 * attachments read through the AttachmentCache, for the model the analysis resolves to.
 */
import * as path from 'node:path';
import { analysePrompt, forgetDocument, type AnalysisWithNotices } from '../core/analyse';
import type { AnalyseOptions } from '../core/analyseOptions';
import { emptyConfig } from '../core/config/loadConfig';
import type { ResolvedConfig } from '../core/config/mvpConfig';
import type { AttachmentCache } from './attachmentCache';
import type { ConfigCache } from './configCache';


export class EditorEngine {
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
    forgetDocument(documentKey);
  }

  analyse = async (options: AnalyseOptions): Promise<AnalysisWithNotices> => {
    return analysePrompt({
      ...options,
      config: this.configFor(options),
      docsBaseUrl: this.docsBaseUrl,
      readAttachment: (reference, profile) => this.attachments.readerFor(profile, options.workspaceRoot)(reference),
    });
  };
}
