/**
 * A tool call's short label ("Read src/app.ts", "Bash npm test") and the file it touches, so a
 * later tool result can be named after its call and re-reads of the same file recognised.
 */
import type { MessagePayload } from './transcript';

const FILE_KEYS = ['file_path', 'filePath', 'path', 'notebook_path', 'filename', 'uri'];
const MAIN_KEYS = [...FILE_KEYS, 'command', 'pattern', 'query', 'url', 'description'];

export interface ToolCallInfo {
  label: string;
  file?: string;
}

export function describeToolCall(name: string, input: unknown): ToolCallInfo {
  let args: unknown = input;
  if (typeof input === 'string') {
    try {
      args = JSON.parse(input);
    } catch {
      args = undefined;
    }
  }
  if (typeof args !== 'object' || args === null) return { label: name };
  const record = args as Record<string, unknown>;
  const fileKey = FILE_KEYS.find((key) => typeof record[key] === 'string');
  const mainKey = MAIN_KEYS.find((key) => typeof record[key] === 'string');
  const main = mainKey ? oneLine(record[mainKey] as string) : '';
  return { label: main ? `${name} ${main}` : name, file: fileKey ? (record[fileKey] as string) : undefined };
}

/** Remembers calls by id until their result arrives. */
export class ToolCallRegistry {
  private readonly pending = new Map<string, ToolCallInfo>();

  remember(id: string | undefined, info: ToolCallInfo): void {
    if (id) this.pending.set(id, info);
  }

  /** Names a result after its call; the entry is dropped because each call has one result. */
  resultPayload(id: string | undefined, text: string): MessagePayload {
    const info = id ? this.pending.get(id) : undefined;
    if (id) this.pending.delete(id);
    return { kind: 'toolResult', name: info ? `${info.label} (result)` : 'tool result', text, id, file: info?.file };
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
