/**
 * Markdown transcripts: messages introduced by role headings (`## User`, `### Assistant`), bold
 * role labels at the start of a line (`**User:** text`), or — when neither appears — `>`-quoted
 * blocks as the user's messages with the unquoted text after each as the assistant's reply.
 * Role markers inside fenced code blocks are content, not new messages.
 */
import type { LineTranscriptParser } from './lineTranscriptParser';
import { parseAllLines } from './lineTranscriptParser';
import type { Message, Role, Transcript, TranscriptProblem } from './transcript';

const ROLE_WORDS: Record<string, Role> = {
  user: 'user',
  you: 'user',
  human: 'user',
  me: 'user',
  prompt: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  chatgpt: 'assistant',
  claude: 'assistant',
  copilot: 'assistant',
  'github copilot': 'assistant',
  model: 'assistant',
  bot: 'assistant',
  gemini: 'assistant',
  response: 'assistant',
  system: 'system',
  tool: 'tool',
};
const ROLE_ALTERNATION = Object.keys(ROLE_WORDS).join('|');
const HEADING = new RegExp(`^#{1,6}\\s+(?:\\*\\*)?(${ROLE_ALTERNATION})(?:\\*\\*)?\\s*:?\\s*(?:\\([^)]*\\))?\\s*$`, 'i');
const BOLD_LABEL = new RegExp(`^\\*\\*(${ROLE_ALTERNATION})\\s*:?\\*\\*\\s*:?\\s?(.*)$`, 'i');
const FENCE = /^\s{0,3}(```+|~~~+)/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

type Mode = 'undecided' | 'labels' | 'quotes';

interface OpenMessage {
  role: Role;
  lines: string[];
  start: number;
  end: number;
  line: number;
}

export class MarkdownTranscriptParser implements LineTranscriptParser {
  readonly format = 'markdown' as const;
  readonly problems: TranscriptProblem[] = [];
  readonly notes: string[] = [];
  readonly model = undefined;
  private mode: Mode = 'undecided';
  private fence: string | undefined;
  private open: OpenMessage | undefined;
  private emitted = 0;
  private lastLine = 0;

  pushLine(line: string, lineNumber: number, offset: number): Message[] {
    this.lastLine = lineNumber;
    const done: Message[] = [];
    const fenceMatch = FENCE.exec(line);
    if (this.fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === this.fence[0] && fenceMatch[1].length >= this.fence.length) this.fence = undefined;
      this.addLine(line, offset);
      return done;
    }

    if (this.mode !== 'quotes') {
      const heading = HEADING.exec(line);
      const bold = heading ? null : BOLD_LABEL.exec(line);
      if (heading || bold) {
        this.mode = 'labels';
        const role = ROLE_WORDS[(heading ?? bold)![1].toLowerCase()];
        if (this.open) done.push(this.flush());
        this.open = { role, lines: [], start: offset, end: offset + line.length, line: lineNumber };
        if (bold && bold[2] !== '') this.open.lines.push(bold[2]);
        return done;
      }
    }
    if (this.mode !== 'labels') {
      const quote = QUOTE.exec(line);
      if (quote) {
        this.mode = 'quotes';
        if (!this.open || this.open.role !== 'user') {
          if (this.open) done.push(this.flush());
          this.open = { role: 'user', lines: [], start: offset, end: offset, line: lineNumber };
        }
        this.addLine(quote[1], offset, line.length);
        return done;
      }
      if (this.mode === 'quotes' && this.open?.role === 'user' && line.trim() !== '') {
        done.push(this.flush());
        this.open = { role: 'assistant', lines: [], start: offset, end: offset, line: lineNumber };
      }
    }
    if (fenceMatch) this.fence = fenceMatch[1];
    this.addLine(line, offset);
    return done;
  }

  finish(): Message[] {
    const done = this.open ? [this.flush()] : [];
    if (this.emitted === 0) {
      this.problems.push({
        line: Math.max(1, this.lastLine),
        message:
          'no messages found: expected role headings ("## User" / "## Assistant"), bold labels ("**User:**") or ">"-quoted user messages',
      });
    }
    return done;
  }

  private addLine(text: string, offset: number, sourceLength = text.length): void {
    if (!this.open) return; // preamble before the first role marker (a title, front matter) is not a message
    this.open.lines.push(text);
    if (text.trim() !== '') this.open.end = offset + sourceLength;
  }

  private flush(): Message {
    const open = this.open as OpenMessage;
    this.open = undefined;
    this.emitted++;
    return {
      role: open.role,
      text: open.lines.join('\n').trim(),
      payloads: [],
      range: { start: open.start, end: Math.max(open.start, open.end) },
      line: open.line,
    };
  }
}

export function readMarkdownTranscript(text: string): Transcript {
  return parseAllLines(text, new MarkdownTranscriptParser());
}
