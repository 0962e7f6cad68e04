/**
 * Line-oriented transcript formats (Claude Code JSONL, Markdown) are parsed one line at a time so a
 * 50 MB file can stream through without being held in memory. Whole-text callers use `parseAllLines`.
 */
import type { Message, Transcript, TranscriptFormat, TranscriptProblem } from './transcript';

export interface LineTranscriptParser {
  readonly format: TranscriptFormat;
  /** `lineNumber` is 1-based; `offset` is the UTF-16 offset of the line's first character. Returns completed messages. */
  pushLine(line: string, lineNumber: number, offset: number): Message[];
  /** Flushes the message still open at the end of the input. */
  finish(): Message[];
  readonly problems: TranscriptProblem[];
  readonly notes: string[];
  readonly model: string | undefined;
}

/** Feeds every line of `text` to `parser` and collects the transcript. */
export function parseAllLines(text: string, parser: LineTranscriptParser): Transcript {
  const messages: Message[] = [];
  let lineNumber = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (!(end === text.length && start === text.length)) {
      messages.push(...parser.pushLine(text.slice(start, lineEnd), lineNumber, start));
    }
    lineNumber++;
    start = end + 1;
  }
  messages.push(...parser.finish());
  return {
    format: parser.format,
    messages,
    model: parser.model,
    problems: parser.problems,
    notes: parser.notes,
  };
}
