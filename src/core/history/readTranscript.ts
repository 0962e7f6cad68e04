/** One entry point for a transcript held in memory: detect the format, run its reader. */
import { readClaudeCodeJsonl } from './claudeCodeJsonlReader';
import { readCopilotAgentTranscript } from './copilotAgentJsonlReader';
import { readMarkdownTranscript } from './markdownTranscriptReader';
import { readOpenAiMessages } from './openAiMessagesReader';
import type { Transcript, TranscriptFormat } from './transcript';
import { detectTranscriptFormat, FORMAT_SNIFF_CHARS } from './transcriptFormat';
import { readVscodeChatExport } from './vscodeChatExportReader';

export function readTranscript(text: string, options: { fileName?: string; format?: TranscriptFormat } = {}): Transcript {
  const format = options.format ?? detectTranscriptFormat(text.slice(0, FORMAT_SNIFF_CHARS), options.fileName);
  switch (format) {
    case 'openai-messages':
      return readOpenAiMessages(text);
    case 'vscode-chat-export':
      return readVscodeChatExport(text);
    case 'claude-code-jsonl':
      return readClaudeCodeJsonl(text);
    case 'copilot-agent-jsonl':
      return readCopilotAgentTranscript(text);
    case 'markdown':
      return readMarkdownTranscript(text);
  }
}
