/**
 * How large each kind of file MVP reads may be. A cap exists so that a device, a runaway log or a
 * hostile repository cannot make the editor or the CLI read gigabytes into memory; each is far
 * above what the kind holds in practice (a prompt of 16 MB is ~4 M tokens, 20× the largest
 * context window), and the message says how to get under it.
 */
export type FileKind = 'prompt' | 'config' | 'attachment' | 'transcript' | 'jsRule' | 'packageJson' | 'source';

export const MIB = 1024 * 1024;

export const MAX_BYTES: Record<FileKind, number> = {
  prompt: 16 * MIB,
  config: 4 * MIB,
  attachment: 50 * MIB,
  // Streamed line by line (memory is bounded by the longest line, see MAX_TRANSCRIPT_LINE_CHARS).
  transcript: 4096 * MIB,
  jsRule: 4 * MIB,
  packageJson: 1 * MIB,
  // A prompt or config file re-read to turn offsets into line numbers for a report.
  source: 16 * MIB,
};

/** JSON transcript formats cannot be streamed: parsing one costs several times its size in memory. */
export const MAX_WHOLE_TRANSCRIPT_BYTES = 256 * MIB;

/** One transcript line (one JSONL entry) longer than this is skipped with a problem, never held whole. */
export const MAX_TRANSCRIPT_LINE_CHARS = 32 * MIB;

export const KIND_NAMES: Record<FileKind, string> = {
  prompt: 'a prompt file',
  config: 'a config file',
  attachment: 'an attachment',
  transcript: 'a transcript',
  jsRule: 'a JavaScript rule module',
  packageJson: 'a package.json',
  source: 'a source file',
};

const ADVICE: Record<FileKind, string> = {
  prompt: 'split the prompt, or attach the large part as a file',
  config: 'a config this large is not a config; check the path',
  attachment: 'send an extract (one sheet, the relevant rows, the log tail) or raise the limit',
  transcript: 'analyse a shorter export of the session',
  jsRule: 'check the path',
  packageJson: 'check the path',
  source: 'split the file',
};

export function tooLargeAdvice(kind: FileKind): string {
  return ADVICE[kind];
}

export function formatByteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MIB) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * MIB) return `${(n / MIB).toFixed(1)} MB`;
  return `${(n / 1024 / MIB).toFixed(1)} GB`;
}
