/** A prompt document split into the parts that travel to the model. */
import type { DocumentVersion } from '../document/documentVersion';
import type { FileKind } from './fileKind';
import type { TextRange } from '../textRange';

export type PartKind =
  | 'frontMatter'
  | 'instructions'
  | 'codeBlock'
  | 'pastedLog'
  | 'pastedJson'
  | 'pastedTable'
  | 'base64'
  | 'reference'
  | 'history'
  | 'question';

/** How each kind of part is named to users (panel, report, CLI). */
export const PART_KIND_LABELS: Readonly<Record<PartKind, string>> = {
  frontMatter: 'Front matter',
  instructions: 'Instructions',
  codeBlock: 'Code block',
  pastedLog: 'Pasted log',
  pastedJson: 'Pasted JSON',
  pastedTable: 'Pasted table',
  base64: 'Base64 blob',
  reference: 'Attachment',
  history: 'History',
  question: 'Question',
};

export interface PromptPart {
  kind: PartKind;
  /** Short human label: "Section: Context", "```ts block", "#file:book.xlsx". */
  label: string;
  range: TextRange;
  /** Token count of the part's text (filled in by the analysis). */
  tokens?: number;
}

export type ReferenceSyntax = '#file' | 'markdownLink' | 'atMention' | 'cli';

export interface AttachmentReference {
  syntax: ReferenceSyntax;
  /** The path as written. */
  rawPath: string;
  /** Absolute path, resolved as the agent resolves it (see `resolvedAgainst`). */
  path: string;
  /** What `path` was resolved against: the prompt's folder (or cwd for the CLI), or the workspace root. */
  resolvedAgainst?: 'promptFolder' | 'workspaceRoot';
  /** Where the agent also looks when `path` does not exist (`#file:` in a prompt file: the workspace root). */
  alsoTried?: string;
  /**
   * Opened by the agent only when it needs the file (a skill's linked references and scripts): not
   * sent with the document, so not counted in it; a missing file is still reported.
   */
  onDemand?: boolean;
  /** `#file:book.xlsx#Sales`, `book.xlsx?sheet=Sales`. */
  sheet?: string;
  /** Where the reference is written in the prompt (undefined for CLI-given files). */
  range?: TextRange;
}

export interface ParsedPrompt {
  text: string;
  /** Parsed YAML front matter (flat keys), or null. */
  frontMatter: Record<string, unknown> | null;
  /** `model:` from the front matter, if any. */
  model?: string;
  /** What kind of prompt file this is (request, standing instructions, skill); absent = request. */
  fileKind?: FileKind;
  parts: PromptPart[];
  references: AttachmentReference[];
  /**
   * The document version this was parsed as: rules remember per-block work through it, carried to
   * the next version of the document. Absent in prompts built by hand (tests).
   */
  version?: DocumentVersion;
}
