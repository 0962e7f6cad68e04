/**
 * The engine as the editor calls it: `analysePrompt` with the config from the ConfigCache (with
 * the user's personal budgets laid over the team's), and attachments read through the
 * AttachmentCache for the model the prompt resolves to. Resolving the model here (front matter →
 * config → setting) uses the engine's own `chooseModel`, on the front matter only.
 */
import * as path from 'node:path';
import { analysePrompt, chooseModel, profileRegistryFor, type AnalysisWithNotices } from '../core/analyse';
import type { AnalyseOptions } from '../core/analyseOptions';
import { emptyConfig } from '../core/config/loadConfig';
import type { ResolvedConfig } from '../core/config/mvpConfig';
import { parsePrompt } from '../core/prompt/parsePrompt';
import type { Budgets } from '../core/rules/rule';
import type { AttachmentCache } from './attachmentCache';
import type { ConfigCache } from './configCache';
import { frontMatterEnd } from './disableComments';

export interface EditorAnalyseOptions extends AnalyseOptions {
  /** Personal budgets (settings): each overrides the team config's. */
  budgets?: Budgets;
}

export class EditorEngine {
  constructor(
    private readonly configs: ConfigCache,
    private readonly attachments: AttachmentCache,
    /** Base of the rule docs shipped inside the extension (`…/docs/`), so links work offline. */
    private readonly docsBaseUrl: string,
  ) {}

  configFor(options: EditorAnalyseOptions): ResolvedConfig {
    const folder = options.file ? path.dirname(options.file) : options.workspaceRoot;
    const loaded = folder
      ? this.configs.get(folder, {
          trusted: options.trusted ?? false,
          workspaceRoot: options.workspaceRoot,
          extensionPackResolver: options.extensionPackResolver,
        })
      : undefined;
    const base = loaded ?? emptyConfig();
    return options.budgets && Object.keys(options.budgets).length ? { ...base, budgets: { ...base.budgets, ...options.budgets } } : base;
  }

  analyse = async (options: EditorAnalyseOptions): Promise<AnalysisWithNotices> => {
    const config = this.configFor(options);
    const frontMatter = options.text.slice(0, frontMatterEnd(options.text));
    const named = frontMatter ? parsePrompt(frontMatter, { baseDir: options.file ? path.dirname(options.file) : '.' }).model : undefined;
    const registry = profileRegistryFor(config);
    const profile = registry.resolve(chooseModel(options, named, config).name).profile;
    return analysePrompt({
      ...options,
      config,
      docsBaseUrl: this.docsBaseUrl,
      readAttachment: this.attachments.readerFor(profile, options.workspaceRoot),
    });
  };
}
