/**
 * Which reader a transcript needs, decided from its first few kilobytes (and the file name, when
 * the extension settles it) so a large file need not be read twice.
 */
import type { TranscriptFormat } from './transcript';
import { looksLikeCopilotAgentTranscript } from './copilotAgentJsonlReader';

/** How much of the file `detectTranscriptFormat` wants to see. */
export const FORMAT_SNIFF_CHARS = 64 * 1024;

export function detectTranscriptFormat(head: string, fileName?: string): TranscriptFormat {
  const lower = fileName?.toLowerCase() ?? '';
  // VS Code's agent transcript is JSONL too; its events are told apart by their "type" names.
  if (looksLikeCopilotAgentTranscript(head)) return 'copilot-agent-jsonl';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'claude-code-jsonl';
  if (lower.endsWith('.md') || lower.endsWith('.markdown') || lower.endsWith('.txt')) return 'markdown';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'openai-messages';
  if (!text.startsWith('{')) return 'markdown';

  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const looksLikeExport = /"(requesterUsername|responderUsername)"\s*:/.test(text) || /^\{\s*"(version|requests)"/.test(text);
  if (looksLikeExport && /"requests"\s*:/.test(text)) return 'vscode-chat-export';
  // A one-line JSON object followed by more objects, or an event with Claude Code's fields, is JSONL.
  if (/"type"\s*:\s*"(user|assistant|summary|system)"/.test(firstLine) || /"(parentUuid|sessionId)"\s*:/.test(firstLine)) {
    return 'claude-code-jsonl';
  }
  if (/"requests"\s*:/.test(text) && !/"messages"\s*:/.test(text)) return 'vscode-chat-export';
  return 'openai-messages';
}
