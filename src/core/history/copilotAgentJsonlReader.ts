/**
 * VS Code's agent hooks point `transcript_path` at the Copilot agent's own session log: JSONL, one
 * event per line, `{ type, data, id, timestamp, parentId }`. The events that carry what is re-sent
 * to the model: `user.message` (`data.content`), `assistant.message` (`data.content`,
 * `data.toolRequests[]` with `toolCallId`, `toolName`, `arguments`) and `tool.execution_complete`
 * (`data.toolCallId`, `data.result`). Session metadata (`session.start`), turn markers and
 * reasoning text (`data.reasoningText`, not re-sent) are skipped. Unknown event types are skipped
 * silently: the format is young and grows new events.
 *
 * The shape is documented by the VS Code hooks pages only as "path to session transcript file";
 * the field names above are read from transcripts written by Copilot Chat in VS Code (and shared
 * with the Copilot CLI's events.jsonl). docs/hooks.md says what is relied on.
 */
import { describeToolCall, ToolCallRegistry } from './toolCallLabel';
import type { Message, Transcript } from './transcript';

/** True when the first event of the file is a Copilot agent event (`session.start`, `user.message`, …). */
export function looksLikeCopilotAgentTranscript(head: string): boolean {
  const firstLine = head.replace(/^\uFEFF/, '').trimStart().split('\n', 1)[0];
  return /"type"\s*:\s*"(session\.start|user\.message|assistant\.[a-z_]+|tool\.[a-z_]+)"/.test(firstLine) && /"data"\s*:/.test(firstLine);
}

type Json = Record<string, unknown>;

export function readCopilotAgentTranscript(text: string): Transcript & { notes: string[] } {
  const transcript: Transcript & { notes: string[] } = { format: 'copilot-agent-jsonl', messages: [], problems: [], notes: [] };
  const toolCalls = new ToolCallRegistry();
  let reasoning = 0;
  let attachments = 0;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const start = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (error) {
      transcript.problems.push({ line: lineNumber, message: `not valid JSON (${(error as Error).message}); line skipped` });
      return;
    }
    if (!isObject(event) || typeof event.type !== 'string') {
      transcript.problems.push({ line: lineNumber, message: 'expected a JSON object with a "type" per line; line skipped' });
      return;
    }
    const data = isObject(event.data) ? event.data : {};
    const model = stringOf(data.model) ?? stringOf(data.modelId) ?? stringOf(data.selectedModel);
    if (model) transcript.model = model.replace(/^copilot\//, '');
    const range = { start, end: start + line.length };
    switch (event.type) {
      case 'user.message': {
        const content = stringOf(data.content) ?? '';
        if (Array.isArray(data.attachments)) attachments += data.attachments.length;
        transcript.messages.push({ role: 'user', text: content, payloads: [], range, line: lineNumber });
        return;
      }
      case 'assistant.message': {
        const message: Message = { role: 'assistant', text: stringOf(data.content) ?? '', payloads: [], range, line: lineNumber };
        if (typeof data.reasoningText === 'string' && data.reasoningText) reasoning++;
        for (const request of Array.isArray(data.toolRequests) ? data.toolRequests : []) {
          if (!isObject(request)) continue;
          const id = stringOf(request.toolCallId);
          const info = describeToolCall(stringOf(request.toolName) ?? 'tool', request.arguments);
          toolCalls.remember(id, info);
          const args = request.arguments;
          message.payloads.push({ kind: 'toolCall', name: info.label, text: typeof args === 'string' ? args : JSON.stringify(args ?? {}), id, file: info.file });
        }
        transcript.messages.push(message);
        return;
      }
      case 'tool.execution_complete': {
        const result = data.result;
        const resultText = typeof result === 'string' ? result : result === undefined || result === null ? '' : JSON.stringify(result);
        const payload = toolCalls.resultPayload(stringOf(data.toolCallId), resultText);
        transcript.messages.push({ role: 'tool', text: '', payloads: [payload], range, line: lineNumber });
        return;
      }
      default:
        return;
    }
  });
  if (reasoning > 0) transcript.notes.push(`${reasoning} reasoning texts not counted as re-sent input.`);
  if (attachments > 0) {
    transcript.notes.push(`${attachments} attachments are listed in the transcript without their content; they are not counted.`);
  }
  return transcript;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
