/**
 * The I/O edge of the history module: reads a transcript file into a SessionAccumulator. Line
 * formats (Claude Code JSONL, Markdown) stream through in chunks, so memory stays bounded by the
 * digests, not the file; the JSON formats must be parsed whole.
 */
import { basename } from 'node:path';
import { decodeText } from '../attachments/decodeText';
import { MAX_TRANSCRIPT_LINE_CHARS, MAX_WHOLE_TRANSCRIPT_BYTES } from '../files/fileLimits';
import { openRegularFile, readRegularFile } from '../files/readRegularFile';
import { ClaudeCodeJsonlParser } from './claudeCodeJsonlReader';
import type { LineTranscriptParser } from './lineTranscriptParser';
import { MarkdownTranscriptParser } from './markdownTranscriptReader';
import { readTranscript } from './readTranscript';
import type { SessionAccumulator } from './sessionAccumulator';
import type { TranscriptFormat, TranscriptProblem } from './transcript';
import { detectTranscriptFormat, FORMAT_SNIFF_CHARS } from './transcriptFormat';
import { formatInteger } from '../format';

export { MAX_WHOLE_TRANSCRIPT_BYTES };

export interface SessionFileRead {
  format: TranscriptFormat;
  model?: string;
  problems: TranscriptProblem[];
  notes: string[];
  messageCount: number;
}

export async function readSessionFile(
  path: string,
  session: SessionAccumulator,
  options: { format?: TranscriptFormat } = {},
): Promise<SessionFileRead> {
  const format = options.format ?? detectTranscriptFormat(await readHead(path), basename(path));
  if (format === 'claude-code-jsonl' || format === 'markdown') {
    const parser: LineTranscriptParser = format === 'markdown' ? new MarkdownTranscriptParser() : new ClaudeCodeJsonlParser();
    let messageCount = 0;
    const oversized: TranscriptProblem[] = [];
    await streamLines(
      path,
      (line, lineNumber, offset) => {
        for (const message of parser.pushLine(line, lineNumber, offset)) {
          session.append(message);
          messageCount++;
        }
      },
      undefined,
      (lineNumber, chars) => oversized.push({ line: lineNumber, message: `line of ${formatInteger(chars)}+ characters is longer than the ${formatInteger(MAX_TRANSCRIPT_LINE_CHARS)}-character limit for one entry; skipped` }),
    );
    for (const message of parser.finish()) {
      session.append(message);
      messageCount++;
    }
    const problems = oversized.length ? [...parser.problems, ...oversized].sort((a, b) => a.line - b.line) : parser.problems;
    return { format, model: parser.model, problems, notes: parser.notes, messageCount };
  }
  // The JSON formats are parsed whole, so they are capped like any other read (no streaming).
  const whole = await readRegularFile(path, 'transcript', { maxBytes: MAX_WHOLE_TRANSCRIPT_BYTES });
  if (!whole.ok) throw new FileRefusedError(whole.message);
  const transcript = readTranscript(decodeText(whole.bytes).text, { format });
  session.appendAll(transcript.messages);
  return {
    format,
    model: transcript.model,
    problems: transcript.problems,
    notes: transcript.notes ?? [],
    messageCount: transcript.messages.length,
  };
}

/** The first bytes of a file, for sniffing its format (and the model it names) before streaming. */
export async function readHead(path: string): Promise<string> {
  const opened = await openRegularFile(path, 'transcript');
  if (!opened.ok) throw new FileRefusedError(opened.message);
  try {
    const buffer = Buffer.alloc(FORMAT_SNIFF_CHARS);
    const { bytesRead } = await opened.handle.read(buffer, 0, buffer.length, 0);
    return new TextDecoder(encodingOf(buffer)).decode(buffer.subarray(0, bytesRead));
  } finally {
    await opened.handle.close();
  }
}

/** A transcript the file-access policy refused (not a regular file, too large): the message says which and why. */
export class FileRefusedError extends Error {}

/** UTF-16 transcripts (a Windows export, PowerShell's `>`) are recognised by their byte-order mark. */
function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Calls `onLine` for every line with its 1-based number and UTF-16 offset, holding one chunk at a
 * time. The file is opened through the file-access policy (regular files only, never blocking on a
 * FIFO), decoded by its byte-order mark (UTF-8, UTF-16 LE/BE), and a line longer than `maxLineChars`
 * is never held whole: it is dropped as it streams and reported through `onOversizedLine`.
 */
export async function streamLines(
  path: string,
  onLine: (line: string, lineNumber: number, offset: number) => void,
  chunkBytes = 1 << 20,
  onOversizedLine?: (lineNumber: number, chars: number) => void,
  maxLineChars = MAX_TRANSCRIPT_LINE_CHARS,
): Promise<void> {
  const opened = await openRegularFile(path, 'transcript');
  if (!opened.ok) throw new FileRefusedError(opened.message);
  const { handle } = opened;
  // The current line's pieces so far (joined once, at its newline: re-scanning a growing string
  // for every chunk made one 64 MB line cost seconds).
  let pieces: string[] = [];
  let piecesLength = 0;
  let lineOffset = 0;
  let lineNumber = 1;
  /** Characters of an oversized line dropped so far (0 when not inside one). */
  let skipping = 0;
  const endLine = (last: string): void => {
    if (skipping) {
      onOversizedLine?.(lineNumber++, skipping + last.length);
      lineOffset += skipping + last.length + 1;
      skipping = 0;
      return;
    }
    const raw = pieces.length ? pieces.join('') + last : last;
    pieces = [];
    piecesLength = 0;
    onLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, lineNumber++, lineOffset);
    lineOffset += raw.length + 1;
  };
  const push = (chunk: string): void => {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      endLine(chunk.slice(start, newline));
      start = newline + 1;
    }
    const rest = start === 0 ? chunk : chunk.slice(start);
    if (skipping) {
      skipping += rest.length;
      return;
    }
    pieces.push(rest);
    piecesLength += rest.length;
    if (piecesLength > maxLineChars) {
      skipping = piecesLength;
      pieces = [];
      piecesLength = 0;
    }
  };
  try {
    const buffer = Buffer.alloc(Math.max(4, chunkBytes));
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      decoder ??= new TextDecoder(encodingOf(bytes));
      push(decoder.decode(bytes, { stream: true }));
    }
    if (decoder) push(decoder.decode());
  } finally {
    await handle.close();
  }
  if (piecesLength > 0 || skipping) endLine('');
}
