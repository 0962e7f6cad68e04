/** A chat transcript read from any supported format, as turns with source ranges. */
import type { TextRange } from '../textRange';

export type TranscriptFormat = 'openai-messages' | 'vscode-chat-export' | 'claude-code-jsonl' | 'copilot-agent-jsonl' | 'markdown';

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** Token usage recorded by the provider in the log itself (Claude Code logs carry it). */
export interface RecordedUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
}

export interface MessagePayload {
  kind: 'toolCall' | 'toolResult' | 'attachment';
  /** Tool name (with its main argument, e.g. "Read src/app.ts") or attachment name. */
  name: string;
  text: string;
  /** Tool call id, linking a call to its result. */
  id?: string;
  /** The file the payload is a version of (a tool that read or wrote a file), when known. */
  file?: string;
}

export interface Message {
  role: Role;
  text: string;
  /** Tool calls / tool results / attached files carried by the message, as text that is sent. */
  payloads: MessagePayload[];
  /** Where the message sits in the source file. */
  range: TextRange;
  usage?: RecordedUsage;
  /**
   * Provider message id when the log has one. Claude Code writes one line per content block of the
   * same reply; they share this id and are merged into one Message.
   */
  id?: string;
  /** 1-based line in the source file where the message starts (for messages). */
  line?: number;
  /**
   * The conversation was compacted just before this message (Claude Code's `compact_boundary`):
   * from here on, earlier messages are no longer sent.
   */
  startsNewContext?: boolean;
}

export interface TranscriptProblem {
  line: number;
  message: string;
}

export interface Transcript {
  format: TranscriptFormat;
  messages: Message[];
  /** Model named in the transcript, if any. */
  model?: string;
  problems: TranscriptProblem[];
  /** Plain statements about what the reader could and could not see (e.g. "the export holds no system prompt"). */
  notes?: string[];
}
