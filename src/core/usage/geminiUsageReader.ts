/**
 * Usage in Gemini CLI chat recordings (`~/.gemini/tmp/<project hash>/chats/session-*.json[l]`).
 * Each `gemini` message carries `tokens` copied from the API's usage metadata: `input`
 * (promptTokenCount, cached part included), `cached`, `output` (candidates), `thoughts`, `tool`.
 * Current versions append records to a `.jsonl` file and append a message again whenever it
 * changes (tokens attached, tool calls added), so a message counts once per session + message id;
 * older versions rewrote one `.json` file. A rewind (`$rewindTo`) hides messages from the
 * conversation but their tokens were spent, so they still count.
 */
import type { UsageLineReader } from './usageLineReader';
import { bump, countOf, isObject, parseTime } from './usageLineReader';
import type { CompactionMark, UsageRecord } from './usageRecord';

interface GeminiState {
  sessionId?: string;
  project?: string;
}

export class GeminiUsageReader implements UsageLineReader {
  readonly agent = 'gemini-cli' as const;
  readonly compactions: CompactionMark[] = [];
  readonly unneeded: Record<string, number> = {};
  malformedLines = 0;
  sessionId: string | undefined;
  project: string | undefined;

  /** `fallbackSessionId` (the file's name) keys messages when the log states no session id. */
  constructor(
    private readonly fallbackSessionId: string,
    state?: unknown,
  ) {
    if (isObject(state)) {
      const s = state as GeminiState;
      this.sessionId = typeof s.sessionId === 'string' ? s.sessionId : undefined;
      this.project = typeof s.project === 'string' ? s.project : undefined;
    }
  }

  pushLine(line: string): UsageRecord[] {
    if (line.trim() === '') return [];
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      this.malformedLines++;
      return [];
    }
    if (!isObject(entry)) {
      this.malformedLines++;
      return [];
    }
    return this.readEntry(entry);
  }

  /** A whole legacy `.json` recording: one object with a `messages` array. */
  readWholeSession(text: string): UsageRecord[] {
    let session: unknown;
    try {
      session = JSON.parse(text);
    } catch {
      this.malformedLines++;
      return [];
    }
    if (!isObject(session)) {
      this.malformedLines++;
      return [];
    }
    return this.readEntry(session);
  }

  private readEntry(entry: Record<string, unknown>): UsageRecord[] {
    if (typeof entry.$rewindTo === 'string') {
      bump(this.unneeded, 'rewind');
      return [];
    }
    const set = isObject(entry.$set) ? entry.$set : undefined;
    const meta = set ?? entry;
    if (typeof meta.sessionId === 'string' && meta.sessionId !== '' && typeof entry.id !== 'string') this.sessionId ??= meta.sessionId;
    if (typeof meta.projectHash === 'string') this.project ??= meta.projectHash;
    const records: UsageRecord[] = [];
    if (Array.isArray(meta.messages)) {
      for (const message of meta.messages) if (isObject(message)) this.readMessage(message, records);
      return records;
    }
    if (typeof entry.id === 'string') {
      this.readMessage(entry, records);
      return records;
    }
    bump(this.unneeded, set ? 'metadata update' : 'session metadata');
    return records;
  }

  private readMessage(message: Record<string, unknown>, into: UsageRecord[]): void {
    const type = typeof message.type === 'string' ? message.type : '(no type)';
    const tokens = isObject(message.tokens) ? message.tokens : undefined;
    const time = parseTime(message.timestamp);
    if (type !== 'gemini' || !tokens || time === undefined || typeof message.id !== 'string') {
      bump(this.unneeded, `${type} message`);
      return;
    }
    const prompt = countOf(tokens.input);
    const cached = Math.min(countOf(tokens.cached), prompt);
    const thoughts = countOf(tokens.thoughts);
    into.push({
      time,
      model: typeof message.model === 'string' && message.model !== '' ? message.model : 'unknown',
      tokens: {
        input: prompt - cached + countOf(tokens.tool),
        cacheCreation: 0,
        cacheRead: cached,
        output: countOf(tokens.output) + thoughts,
        reasoning: thoughts,
      },
      dedupKey: `gemini:${this.sessionId ?? this.fallbackSessionId}:${message.id}`,
    });
  }

  saveState(): GeminiState {
    return { sessionId: this.sessionId, project: this.project };
  }
}
