/**
 * Usage in Gemini CLI chat recordings (`~/.gemini/tmp/<project hash>/chats/session-*.json[l]`).
 * Each `gemini` message carries `tokens` copied from the API's usage metadata: `input`
 * (promptTokenCount, cached part included), `cached`, `output` (candidates), `thoughts`, `tool`.
 * Current versions append records to a `.jsonl` file and append a message again whenever it
 * changes (tokens attached, tool calls added), so a message counts once per session + message id;
 * older versions rewrote one `.json` file. A rewind (`$rewindTo`) hides messages from the
 * conversation but their tokens were spent, so they still count.
 */
import { bump, countOf, isObject, parseTime, type Json, JsonLineUsageReader } from './usageLineReader';
import type { UsageRecord } from './usageRecord';

export class GeminiUsageReader extends JsonLineUsageReader {
  readonly agent = 'gemini-cli' as const;

  /** `fallbackSessionId` (the file's name) keys messages when the log states no session id. */
  constructor(
    private readonly fallbackSessionId: string,
    state?: unknown,
  ) {
    super(state);
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

  protected readEntry(entry: Json): UsageRecord[] {
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
}
