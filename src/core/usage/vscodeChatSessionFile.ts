/**
 * A VS Code chat session file as the state it holds (docs/usage.md, "VS Code Copilot Chat").
 *
 * - `<sessionId>.json` (VS Code up to 1.108, and later with `chat.useLogSessionStorage` off): one
 *   serialised session, `ISerializableChatData` versions 1, 2 and 3 (`requests`, `sessionId`…).
 * - `<sessionId>.jsonl` (VS Code 1.109 on): the append log of `objectMutationLog.ts`. Each line is
 *   one entry: `{"kind":0,"v":state}` (the whole state: the first line, and again whenever VS Code
 *   compacts the log), `{"kind":1,"k":path,"v":value}` (set), `{"kind":2,"k":path,"v":items,"i":n}`
 *   (truncate the array at `i` when given, then append) and `{"kind":3,"k":path}` (delete). The
 *   state is the replay of every entry in order, as VS Code's own reader does.
 *
 * Tolerant where VS Code is strict: a line that is not JSON is counted and skipped, a path that
 * does not resolve is counted and skipped, an unterminated last line (a write in progress) is left
 * for the next read.
 */
import { bump, isObject, type Json } from './usageLineReader';

export interface ChatSessionState {
  /** The session object, or undefined when the file holds none. */
  state: Json | undefined;
  /** Lines (or the whole `.json`) that are not JSON objects. */
  malformed: number;
  /** Entries that could not be applied, by reason: counted, never fatal. */
  skipped: Record<string, number>;
}

export function readChatSessionText(text: string, format: 'json' | 'jsonl'): ChatSessionState {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'json' ? readSnapshot(body) : replayLog(body);
}

function readSnapshot(text: string): ChatSessionState {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value)
      ? { state: value, malformed: 0, skipped: {} }
      : { state: undefined, malformed: 1, skipped: {} };
  } catch {
    return { state: undefined, malformed: 1, skipped: {} };
  }
}

function replayLog(text: string): ChatSessionState {
  const result: ChatSessionState = { state: undefined, malformed: 0, skipped: {} };
  const lines = text.split('\n');
  // A last line without its line break may still be being written; VS Code always ends an entry with one.
  const complete = text.endsWith('\n') ? lines.length : lines.length - 1;
  for (let i = 0; i < complete; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      result.malformed++;
      continue;
    }
    if (!isObject(entry)) {
      result.malformed++;
      continue;
    }
    applyEntry(result, entry);
  }
  return result;
}

function applyEntry(result: ChatSessionState, entry: Json): void {
  const kind = entry.kind;
  if (kind === 0) {
    if (isObject(entry.v)) result.state = entry.v;
    else bump(result.skipped, 'initial entry without an object');
    return;
  }
  if (kind !== 1 && kind !== 2 && kind !== 3) {
    bump(result.skipped, `entry kind ${JSON.stringify(kind)}`);
    return;
  }
  if (!result.state) {
    bump(result.skipped, 'entry before the initial state');
    return;
  }
  const path = Array.isArray(entry.k)
    ? entry.k.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : undefined;
  if (!path || path.length !== (entry.k as unknown[]).length) {
    bump(result.skipped, 'entry without a path');
    return;
  }
  if (path.length === 0) {
    // A changed key field at the root replaces the whole state.
    if (kind === 1 && isObject(entry.v)) result.state = entry.v;
    else bump(result.skipped, 'root entry');
    return;
  }
  const parent = resolve(result.state, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent === undefined) {
    bump(result.skipped, 'entry whose path does not resolve');
    return;
  }
  if (kind === 1) {
    parent[last] = entry.v;
  } else if (kind === 3) {
    delete parent[last];
  } else {
    const current = parent[last];
    const array: unknown[] = Array.isArray(current) ? current : [];
    if (typeof entry.i === 'number' && entry.i >= 0) array.length = Math.min(array.length, entry.i);
    if (Array.isArray(entry.v)) for (const item of entry.v) array.push(item);
    parent[last] = array;
  }
}

type Container = Record<string | number, unknown>;

function resolve(root: Json, path: (string | number)[]): Container | undefined {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Container)[key];
  }
  return typeof current === 'object' && current !== null ? (current as Container) : undefined;
}
