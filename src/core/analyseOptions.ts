/** Inputs of the analysis pipeline (`analysePrompt` in ./analyse.ts). */
import type { AttachmentAnalysis } from './attachments/attachment';
import type { AttachmentReference } from './prompt/parsedPrompt';
import type { DocumentMemory } from './document/documentMemory';
import type { Transcript } from './history/transcript';
import type { ModelProfile } from './profiles/modelProfile';
import type { Budgets } from './rules/rule';

/** Where the model used for an analysis came from, in order of precedence. */
export type ModelSource = 'explicit' | 'frontMatter' | 'transcript' | 'config' | 'setting' | 'default';

export interface AnalyseOptions {
  /** The prompt document's text. */
  text: string;
  /** Absolute path of the document (for resolving references and config discovery). */
  file?: string;
  /**
   * For a document that is analysed again and again (the editor keeps one per open document): each
   * analysis then redoes only what the edit since the previous one touched. Leave it out for
   * one-off analyses (a selection, the CLI), which would otherwise displace the document's last version.
   */
  memory?: DocumentMemory;
  /**
   * For a prompt with no file (an agent's submitted prompt, a chat message): the folder its
   * references resolve against and config discovery starts from. Default: the process's cwd.
   */
  baseDir?: string;
  /** An explicit model choice (CLI --model): beats front matter and config. */
  model?: string;
  /** The user's default model (editor setting): used when neither front matter nor config names one. */
  defaultModel?: string;
  /** Grid zone override (CLI --region, editor setting). */
  region?: string;
  /** Expected visible output tokens; default: the profile's. */
  outputTokens?: number;
  /** Extra attachments given outside the prompt (CLI files). */
  extraAttachments?: string[];
  /** A transcript whose history travels with this prompt (already read). */
  transcript?: Transcript;
  /** The file name of `transcript`, named in its seed summary as a streamed file's is. */
  transcriptName?: string;
  /** A transcript file whose history travels with this prompt; streamed, so size is no problem. */
  historyFile?: string;
  /** Turns projected for the session's "continue vs start fresh" (default 10). */
  moreTurns?: number;
  /** Workspace root: config discovery stops here; references outside it are flagged. */
  workspaceRoot?: string;
  /** Whether pack JavaScript may run (CLI: true; editor: workspace trust). */
  trusted?: boolean;
  /** Resolves `extension:<publisher.name>/path` packs (editor only). */
  extensionPackResolver?: (extensionId: string, relativePath: string) => string | undefined;
  /**
   * Reads one attachment for the model the analysis resolved (token counts depend on it). The
   * editor passes a cached reader (re-reads only when the file changes on disk); the default reads
   * every time.
   */
  readAttachment?: (reference: AttachmentReference, model: ModelProfile) => Promise<AttachmentAnalysis>;
  /** Personal budgets (editor settings); each one set overrides the team config's. */
  budgets?: Budgets;
}
