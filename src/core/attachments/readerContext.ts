/** What every per-format reader receives and returns (readAttachment adds path, bytes, reference). */
import type { AttachmentAnalysis } from './attachment';
import type { CountTokens } from './attachmentForm';

export interface ReaderContext {
  /** File name as shown in messages ("book.xlsx"). */
  label: string;
  countTokens: CountTokens;
  /** Form texts longer than this (characters) are counted but not kept. */
  keepTextUpTo: number;
  /** Rows/items kept by "schema + first N" reductions. */
  previewRows: number;
}

export type ReaderResult = Omit<AttachmentAnalysis, 'reference' | 'bytes'>;
