/**
 * OpenAI-style `messages`: a bare array, or a request body `{model, messages: [...]}`. Content is a
 * string, null (assistant tool calls), or an array of parts. Assistant `tool_calls` and `tool`
 * results are sent with every later request, so they are payloads that count.
 */
import type { Node } from 'jsonc-parser';
import { isJsonObject, parseJsonTranscript } from './jsonTranscriptSource';
import { describeToolCall, ToolCallRegistry } from './toolCallLabel';
import type { Message, Role, Transcript } from './transcript';

const ROLES: Record<string, Role> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
};

export function readOpenAiMessages(text: string): Transcript {
  const source = parseJsonTranscript(text);
  const transcript: Transcript = { format: 'openai-messages', messages: [], problems: source.problems, notes: [] };
  let list: Node | undefined = source.root;
  if (list?.type === 'object') {
    const model = source.property(list, 'model');
    if (model?.type === 'string') transcript.model = model.value as string;
    list = source.property(list, 'messages');
  }
  if (!list || list.type !== 'array') {
    transcript.problems.push({ line: 1, message: 'expected an array of messages or an object with a "messages" array' });
    return transcript;
  }
  let images = 0;
  const toolCalls = new ToolCallRegistry();
  for (const node of list.children ?? []) {
    const line = source.lineOf(node.offset);
    const value = source.valueOf(node);
    if (!isJsonObject(value)) {
      transcript.problems.push({ line, message: 'message is not an object; skipped' });
      continue;
    }
    const role = typeof value.role === 'string' ? ROLES[value.role] : undefined;
    if (!role) {
      transcript.problems.push({ line, message: `message has no known "role" (got ${JSON.stringify(value.role)}); skipped` });
      continue;
    }
    const message: Message = { role, text: '', payloads: [], range: { start: node.offset, end: node.offset + node.length }, line };
    const content = value.content;
    if (typeof content === 'string') {
      message.text = content;
    } else if (Array.isArray(content)) {
      const texts: string[] = [];
      for (const part of content) {
        if (!isJsonObject(part)) continue;
        if (typeof part.text === 'string') texts.push(part.text);
        else if (typeof part.refusal === 'string') texts.push(part.refusal);
        else if (part.type === 'image_url' || part.type === 'input_image' || part.type === 'image') images++;
      }
      message.text = texts.join('\n');
    } else if (content !== null && content !== undefined) {
      transcript.problems.push({ line, message: '"content" is neither a string, null nor an array of parts; message skipped' });
      continue;
    }
    if (Array.isArray(value.tool_calls)) {
      for (const call of value.tool_calls) {
        if (!isJsonObject(call)) continue;
        const fn = isJsonObject(call.function) ? call.function : {};
        const id = typeof call.id === 'string' ? call.id : undefined;
        const info = describeToolCall(typeof fn.name === 'string' ? fn.name : 'tool', fn.arguments);
        toolCalls.remember(id, info);
        message.payloads.push({
          kind: 'toolCall',
          name: info.label,
          text: typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {}),
          id,
          file: info.file,
        });
      }
    }
    if (isJsonObject(value.function_call)) {
      const fn = value.function_call;
      message.payloads.push({ kind: 'toolCall', name: String(fn.name ?? 'function'), text: String(fn.arguments ?? '') });
    }
    if (role === 'tool') {
      // A tool result's content is what the model reads; keep it as a payload so it can be judged on its own.
      const id = typeof value.tool_call_id === 'string' ? value.tool_call_id : undefined;
      const payload = toolCalls.resultPayload(id, message.text);
      if (payload.name === 'tool result' && typeof value.name === 'string') payload.name = `${value.name} (result)`;
      message.payloads.push(payload);
      message.text = '';
    }
    transcript.messages.push(message);
  }
  if (images > 0) transcript.notes!.push(`${images} image parts not counted (no text to tokenize).`);
  return transcript;
}
