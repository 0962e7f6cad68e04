/**
 * VS Code "Chat: Export Chat…" JSON: `{requesterUsername, responderUsername, requests: [...]}`,
 * each request holding the user's `message` ({text, parts} or a plain string in old exports),
 * attached `variableData.variables`, and the `response` parts (markdown, inline references, tool
 * invocations, edit groups). Copilot also stores tool results under `result.metadata`.
 * The export names attached files but does not contain their text or the system prompt.
 */
import type { Node } from 'jsonc-parser';
import { isJsonObject, parseJsonTranscript, type JsonTranscriptSource } from './jsonTranscriptSource';
import type { Message, Transcript } from './transcript';

type Json = Record<string, unknown>;

export function readVscodeChatExport(text: string): Transcript {
  const source = parseJsonTranscript(text);
  const transcript: Transcript = { format: 'vscode-chat-export', messages: [], problems: source.problems, notes: [] };
  const root = source.root;
  const requests = root ? source.property(root, 'requests') : undefined;
  if (!requests || requests.type !== 'array') {
    transcript.problems.push({ line: 1, message: 'expected a VS Code chat export: an object with a "requests" array' });
    return transcript;
  }
  const counts = { namedOnly: 0, thinking: 0 };
  for (const node of requests.children ?? []) {
    const line = source.lineOf(node.offset);
    const request = source.valueOf(node);
    if (!isJsonObject(request)) {
      transcript.problems.push({ line, message: 'request is not an object; skipped' });
      continue;
    }
    const userText = messageText(request.message);
    if (userText === undefined) {
      transcript.problems.push({ line, message: 'request has no "message" text; skipped' });
      continue;
    }
    if (typeof request.modelId === 'string') transcript.model = request.modelId.replace(/^copilot\//, '');
    const user: Message = {
      role: 'user',
      text: userText,
      payloads: [],
      range: nodeRange(source, node, 'message'),
      line: source.lineOf(nodeRange(source, node, 'message').start),
    };
    for (const variable of variablesOf(request)) {
      const name = typeof variable.name === 'string' ? variable.name : 'attachment';
      if (typeof variable.value === 'string') {
        user.payloads.push({ kind: 'attachment', name, text: variable.value });
      } else {
        counts.namedOnly++;
      }
    }
    transcript.messages.push(user);

    const assistant: Message = {
      role: 'assistant',
      text: '',
      payloads: [],
      range: nodeRange(source, node, 'response'),
      line: source.lineOf(nodeRange(source, node, 'response').start),
    };
    readResponse(request.response, assistant, counts);
    readCopilotToolResults(request.result, assistant);
    transcript.messages.push(assistant);
  }
  transcript.notes!.push('The export holds no system prompt or tool definitions; they are not counted.');
  if (counts.namedOnly > 0) {
    const one = counts.namedOnly === 1;
    transcript.notes!.push(
      `${counts.namedOnly} attachment${one ? '' : 's'} named in the export without ${one ? 'its' : 'their'} content; not counted.`,
    );
  }
  if (counts.thinking > 0) {
    transcript.notes!.push(`${counts.thinking} thinking part${counts.thinking === 1 ? '' : 's'} not counted as re-sent input.`);
  }
  return transcript;
}

function messageText(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (isJsonObject(message) && typeof message.text === 'string') return message.text;
  return undefined;
}

function variablesOf(request: Json): Json[] {
  const data = request.variableData;
  if (!isJsonObject(data) || !Array.isArray(data.variables)) return [];
  return data.variables.filter(isJsonObject);
}

function readResponse(response: unknown, into: Message, counts: { thinking: number }): void {
  if (!Array.isArray(response)) return;
  const texts: string[] = [];
  for (const part of response) {
    if (!isJsonObject(part)) continue;
    const kind = part.kind;
    if (kind === undefined && typeof part.value === 'string') {
      texts.push(part.value);
    } else if ((kind === 'markdownContent' || kind === 'markdownVuln') && isJsonObject(part.content)) {
      if (typeof part.content.value === 'string') texts.push(part.content.value);
    } else if (kind === 'inlineReference') {
      texts.push(referenceName(part));
    } else if (kind === 'thinking') {
      counts.thinking++;
    } else if (kind === 'toolInvocationSerialized' || kind === 'toolInvocation') {
      const name = typeof part.toolId === 'string' ? part.toolId : 'tool';
      const details = isJsonObject(part.resultDetails) ? part.resultDetails : undefined;
      const input = details && typeof details.input === 'string' ? details.input : markdownValue(part.invocationMessage);
      into.payloads.push({ kind: 'toolCall', name, text: input });
      if (details && Array.isArray(details.output)) {
        const output = details.output.map((o) => (isJsonObject(o) && typeof o.value === 'string' ? o.value : '')).join('\n');
        if (output !== '') into.payloads.push({ kind: 'toolResult', name, text: output });
      }
    } else if (kind === 'textEditGroup' && Array.isArray(part.edits)) {
      const edits: string[] = [];
      for (const group of part.edits) {
        for (const edit of Array.isArray(group) ? group : []) {
          if (isJsonObject(edit) && typeof edit.text === 'string') edits.push(edit.text);
        }
      }
      into.payloads.push({ kind: 'toolCall', name: `edit ${uriPath(part.uri)}`, text: edits.join('\n') });
    }
  }
  into.text = texts.join('');
}

/** Copilot keeps each tool call's result text in `result.metadata.toolCallResults[id].content[].value`. */
function readCopilotToolResults(result: unknown, into: Message): void {
  if (!isJsonObject(result) || !isJsonObject(result.metadata)) return;
  const results = result.metadata.toolCallResults;
  if (!isJsonObject(results)) return;
  for (const [id, value] of Object.entries(results)) {
    if (!isJsonObject(value) || !Array.isArray(value.content)) continue;
    const text = value.content.map((c) => (isJsonObject(c) && typeof c.value === 'string' ? c.value : '')).join('\n');
    if (text !== '') into.payloads.push({ kind: 'toolResult', name: id, text });
  }
}

function referenceName(part: Json): string {
  if (typeof part.name === 'string') return part.name;
  const ref = part.inlineReference;
  if (isJsonObject(ref)) {
    if (typeof ref.name === 'string') return ref.name;
    const path = uriPath(isJsonObject(ref.uri) ? ref.uri : ref);
    return path.split('/').pop() ?? path;
  }
  return '';
}

function uriPath(uri: unknown): string {
  if (isJsonObject(uri)) {
    if (typeof uri.path === 'string') return uri.path;
    if (typeof uri.fsPath === 'string') return uri.fsPath;
  }
  return typeof uri === 'string' ? uri : '';
}

function markdownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isJsonObject(value) && typeof value.value === 'string') return value.value;
  return '';
}

function nodeRange(source: JsonTranscriptSource, request: Node, key: string): { start: number; end: number } {
  const node = source.property(request, key) ?? request;
  return { start: node.offset, end: node.offset + node.length };
}
