/** What one attached file costs as people usually send it, and in its minimal form. */
import type { AttachmentReference } from '../prompt/parsedPrompt';

export type AttachmentFormat =
  | 'spreadsheet'
  | 'csv'
  | 'json'
  | 'log'
  | 'text'
  | 'code'
  | 'image'
  | 'pdf'
  | 'binary'
  | 'unreadable';

/** One way to send the file: its text (when small enough to keep) and its token count. */
export interface AttachmentForm {
  /** "Workbook dump (3 sheets, HTML tables)", "Sheet 'Q3' as CSV", "minified JSON". */
  description: string;
  tokens: number;
  /** The text of the form, kept only below a size limit (used by fixes and conversions). */
  text?: string;
  /** For one-sheet forms of a workbook: the sheet's name (what `mvp convert --sheet` takes). */
  sheet?: string;
  /** For one-sheet forms: the sheet is hidden in the workbook (a fix converts the visible ones). */
  hidden?: boolean;
}

/** A reason the file could not be fully read: shown as a finding. */
export interface AttachmentProblem {
  code:
    | 'missing'
    | 'tooLarge'
    | 'timeout'
    | 'memoryLimit'
    | 'corrupt'
    | 'encrypted'
    | 'wrongExtension'
    | 'empty'
    | 'outsideWorkspace'
    | 'notText'
    | 'notCounted'
    | 'encoding'
    | 'symlinkLoop';
  message: string;
}

export interface AttachmentAnalysis {
  reference: AttachmentReference;
  format: AttachmentFormat;
  bytes: number;
  /** As usually sent (whole workbook dump, whole log, pretty JSON …). */
  naive: AttachmentForm;
  /** The smallest form that still answers, when one exists. */
  minimal?: AttachmentForm;
  /** Other candidate forms, e.g. each sheet as CSV so the user can pick. */
  alternatives?: AttachmentForm[];
  /** Format-specific facts shown in hovers and reports (sheet names, image size, page count…). */
  details: Record<string, string | number | boolean>;
  problems: AttachmentProblem[];
}
