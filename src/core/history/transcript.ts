/** A chat transcript read from any supported format, as turns with source ranges. */
import type { TextRange } from '../textRange';

export type TranscriptFormat = 'openai-messages' | 'vscode-chat-export' | 'claude-code-jsonl' | 'markdown';

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** Token usage recorded by the provider in the log itself (Claude Code logs carry it). */
export interface RecordedUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
}

export interface Message {
  role: Role;
  text: string;
  /** Tool calls / tool results / attached files carried by the message, as text that is sent. */
  payloads: { kind: 'toolCall' | 'toolResult' | 'attachment'; name: string; text: string }[];
  /** Where the message sits in the source file. */
  range: TextRange;
  usage?: RecordedUsage;
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
}
