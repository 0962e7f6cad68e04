/**
 * What a rule reports. Findings are plain data so the CLI, the editor and the webview can all
 * render them; ranges are offsets into the file named by `file` (the prompt document by default).
 */
import type { TextRange } from '../textRange';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: TextRange;
  newText: string;
}

/**
 * Fixes that need more than text edits in the prompt document. The editor and CLI each know how to
 * perform them; they never overwrite an existing file.
 */
export type FixAction =
  /** `sheets`: several sheets, one CSV each (the reference becomes one reference per CSV). */
  | { kind: 'convertSpreadsheet'; attachmentPath: string; sheet?: string; sheets?: string[]; referenceRange?: TextRange }
  | { kind: 'writeSeedSummary'; transcriptPath?: string; summary: string }
  | { kind: 'minifyJson'; attachmentPath: string; referenceRange?: TextRange }
  | { kind: 'tailLog'; attachmentPath: string; referenceRange?: TextRange };

export interface Fix {
  title: string;
  /**
   * The fix deletes something the model would have read (a reference, history messages) instead
   * of sending it in a smaller form. Surfaces never make it the primary action and rank it after
   * every reduction that keeps the content (suggestionOrder.ts).
   */
  removesContent?: boolean;
  /** Edits to the prompt document, applied together. */
  edits?: TextEdit[];
  action?: FixAction;
}

/** A saving is measured: the engine applied the fix to a copy and re-counted. */
export interface Saving {
  tokens: number;
  /** Central Wh saved per request. */
  wh: number;
}

export interface RelatedInformation {
  file: string;
  range?: TextRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the range refers to; undefined = the analysed prompt document. */
  file?: string;
  range?: TextRange;
  saving?: Saving;
  fix?: Fix;
  related?: RelatedInformation[];
  /** Link to the rule's documentation page. */
  docsUrl?: string;
}
