/**
 * The I/O edge of the history module: reads a transcript file into a SessionAccumulator. Line
 * formats (Claude Code JSONL, Markdown) stream through in chunks, so memory stays bounded by the
 * digests, not the file; the JSON formats must be parsed whole.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClaudeCodeJsonlParser } from './claudeCodeJsonlReader';
import type { LineTranscriptParser } from './lineTranscriptParser';
import { MarkdownTranscriptParser } from './markdownTranscriptReader';
import { readTranscript } from './readTranscript';
import type { SessionAccumulator } from './sessionAccumulator';
import type { TranscriptFormat, TranscriptProblem } from './transcript';
import { detectTranscriptFormat, FORMAT_SNIFF_CHARS } from './transcriptFormat';

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
    await streamLines(path, (line, lineNumber, offset) => {
      for (const message of parser.pushLine(line, lineNumber, offset)) {
        session.append(message);
        messageCount++;
      }
    });
    for (const message of parser.finish()) {
      session.append(message);
      messageCount++;
    }
    return { format, model: parser.model, problems: parser.problems, notes: parser.notes, messageCount };
  }
  const transcript = readTranscript(await readFile(path, 'utf8'), { format });
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
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(FORMAT_SNIFF_CHARS);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Calls `onLine` for every line with its 1-based number and UTF-16 offset, holding one chunk at a time. */
export async function streamLines(
  path: string,
  onLine: (line: string, lineNumber: number, offset: number) => void,
  chunkBytes = 1 << 20,
): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes });
  let carry = '';
  let carryOffset = 0;
  let lineNumber = 1;
  const emit = (raw: string, offset: number): void => {
    onLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, lineNumber++, offset);
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = carry === '' ? chunk : carry + chunk;
    let offset = carryOffset;
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      emit(text.slice(start, newline), offset);
      offset += newline + 1 - start;
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    carry = text.slice(start);
    carryOffset = offset;
    text = '';
  }
  if (carry !== '') emit(carry, carryOffset);
}
