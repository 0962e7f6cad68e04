/**
 * Claude Code session logs: JSONL, one event per line. `user` events carry the user's text or
 * tool results; `assistant` events carry one content block each (text / tool_use / thinking), and
 * the blocks of one reply share `message.id` and repeat its `usage`. We merge them into one Message
 * and keep the recorded usage, which is the provider's own count (system prompt and tool
 * definitions included, cache reads and writes split out).
 */
import type { LineTranscriptParser } from './lineTranscriptParser';
import { parseAllLines } from './lineTranscriptParser';
import { describeToolCall, ToolCallRegistry } from './toolCallLabel';
import type { Message, RecordedUsage, Transcript, TranscriptProblem } from './transcript';

type Json = Record<string, unknown>;

/**
 * Entry types Claude Code writes besides the conversation (attachments it resolved, the last
 * prompt, permission mode, queued input, summaries, system notices, file snapshots, …). They are
 * ordinary parts of the format that this analysis does not need: counted, never reported as
 * malformed. Any other string type is treated the same way, since new clients add types often.
 */
const KNOWN_UNNEEDED_EVENT_TYPES = new Set([
  'attachment',
  'file-history-snapshot',
  'last-prompt',
  'mode',
  'queue-operation',
  'summary',
  'system',
]);
const COMPACT_BOUNDARY = 'compact_boundary';

export class ClaudeCodeJsonlParser implements LineTranscriptParser {
  readonly format = 'claude-code-jsonl' as const;
  readonly problems: TranscriptProblem[] = [];
  readonly notes: string[] = [];
  model: string | undefined;
  private open: Message | undefined;
  private sidechainEvents = 0;
  private skippedThinking = 0;
  private skippedImages = 0;
  private usageMessages = 0;
  private readonly toolCalls = new ToolCallRegistry();
  private compactions = 0;
  private compactedBeforeNext = false;
  /** Entries of types this analysis does not need, by type. */
  private readonly unneeded = new Map<string, number>();

  pushLine(line: string, lineNumber: number, offset: number): Message[] {
    if (line.trim() === '') return [];
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (error) {
      this.problems.push({ line: lineNumber, message: `not valid JSON (${(error as Error).message}); line skipped` });
      return [];
    }
    if (!isObject(event)) {
      this.problems.push({ line: lineNumber, message: 'expected a JSON object per line; line skipped' });
      return [];
    }
    const type = event.type;
    if (type === 'system' && event.subtype === COMPACT_BOUNDARY) {
      // /compact or auto-compaction: the model's context restarts from the summary that follows.
      this.compactions++;
      this.compactedBeforeNext = true;
      return this.open ? [this.flush()] : [];
    }
    if (type === undefined && 'kind' in event) {
      this.problems.push({
        line: lineNumber,
        message: 'looks like a VS Code chat session log, which is not a supported format; use "Chat: Export Chat…" and analyse the exported JSON; line skipped',
      });
      return [];
    }
    if (typeof type === 'string' && type !== 'user' && type !== 'assistant') {
      this.unneeded.set(type, (this.unneeded.get(type) ?? 0) + 1);
      return [];
    }
    if (type !== 'user' && type !== 'assistant') {
      this.problems.push({ line: lineNumber, message: `entry without a string "type" (got ${JSON.stringify(type)}); line skipped` });
      return [];
    }
    // Sub-agent (Task tool) conversations run in their own context; they are not re-sent here.
    if (event.isSidechain === true) {
      this.sidechainEvents++;
      return [];
    }
    const message = event.message;
    if (!isObject(message)) {
      this.problems.push({ line: lineNumber, message: `"${type}" event without a "message" object; line skipped` });
      return [];
    }
    const range = { start: offset, end: offset + line.length };
    const parsed: Message = { role: type, text: '', payloads: [], range, line: lineNumber };
    if (!this.readContent(message.content, parsed, lineNumber)) return [];
    if (this.compactedBeforeNext) {
      parsed.startsNewContext = true;
      this.compactedBeforeNext = false;
    }

    const done: Message[] = [];
    if (type === 'assistant') {
      if (typeof message.model === 'string' && message.model !== '<synthetic>') this.model = message.model;
      const id = typeof message.id === 'string' ? message.id : undefined;
      const usage = readUsage(message.usage);
      if (this.open && id !== undefined && this.open.id === id) {
        // Another block of the same reply.
        appendText(this.open, parsed.text);
        this.open.payloads.push(...parsed.payloads);
        this.open.range = { start: this.open.range.start, end: range.end };
        if (usage) this.open.usage = maxUsage(this.open.usage, usage);
        return [];
      }
      if (this.open) done.push(this.flush());
      this.open = { ...parsed, id, usage };
      return done;
    }
    if (this.open) done.push(this.flush());
    done.push(parsed);
    return done;
  }

  finish(): Message[] {
    const done = this.open ? [this.flush()] : [];
    if (this.usageMessages > 0) {
      this.notes.push(`${this.usageMessages} replies carry the token usage Claude Code recorded; those turns use it instead of our count.`);
    }
    if (this.compactions > 0) {
      this.notes.push(`The conversation was compacted ${this.compactions} time${this.compactions === 1 ? '' : 's'}: requests after each compaction no longer send what came before it.`);
    }
    if (this.sidechainEvents > 0) {
      this.notes.push(`${this.sidechainEvents} sub-agent (sidechain) events skipped: they run in their own context.`);
    }
    if (this.skippedThinking > 0) {
      this.notes.push(`${this.skippedThinking} thinking block${this.skippedThinking === 1 ? '' : 's'} not counted as re-sent input (the API drops earlier turns' thinking).`);
    }
    if (this.skippedImages > 0) {
      this.notes.push(`${this.skippedImages} images not counted (no text to tokenize).`);
    }
    if (this.unneeded.size > 0) {
      const total = [...this.unneeded.values()].reduce((a, b) => a + b, 0);
      const kinds = [...this.unneeded.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([kind, n]) => `${kind} ×${n}`)
        .join(', ');
      const unknown = [...this.unneeded.keys()].filter((k) => !KNOWN_UNNEEDED_EVENT_TYPES.has(k));
      this.notes.push(
        `${total} entr${total === 1 ? 'y' : 'ies'} not needed for this analysis (${kinds})` +
          (unknown.length > 0 ? `; ${unknown.map((k) => JSON.stringify(k)).join(', ')} not a type we know, skipped the same way.` : '.'),
      );
    }
    return done;
  }

  private flush(): Message {
    const message = this.open as Message;
    this.open = undefined;
    if (message.usage) this.usageMessages++;
    return message;
  }

  /** Returns false (and records a problem) when the content cannot be read at all. */
  private readContent(content: unknown, into: Message, lineNumber: number): boolean {
    if (typeof content === 'string') {
      into.text = content;
      return true;
    }
    if (!Array.isArray(content)) {
      this.problems.push({ line: lineNumber, message: 'message.content is neither a string nor an array of blocks; line skipped' });
      return false;
    }
    for (const block of content) {
      if (!isObject(block)) continue;
      switch (block.type) {
        case 'text':
          if (typeof block.text === 'string') appendText(into, block.text);
          break;
        case 'tool_use': {
          const name = typeof block.name === 'string' ? block.name : 'tool';
          const id = typeof block.id === 'string' ? block.id : undefined;
          const info = describeToolCall(name, block.input);
          this.toolCalls.remember(id, info);
          into.payloads.push({ kind: 'toolCall', name: info.label, text: JSON.stringify(block.input ?? {}), id, file: info.file });
          break;
        }
        case 'tool_result': {
          const id = typeof block.tool_use_id === 'string' ? block.tool_use_id : undefined;
          into.payloads.push(this.toolCalls.resultPayload(id, toolResultText(block.content, this)));
          break;
        }
        case 'thinking':
        case 'redacted_thinking':
          this.skippedThinking++;
          break;
        case 'image':
          this.skippedImages++;
          break;
        default:
          break;
      }
    }
    return true;
  }

  countImage(): void {
    this.skippedImages++;
  }
}

export function readClaudeCodeJsonl(text: string): Transcript {
  return parseAllLines(text, new ClaudeCodeJsonlParser());
}

function toolResultText(content: unknown, parser: ClaudeCodeJsonlParser): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const part of content) {
    if (isObject(part) && part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (isObject(part) && part.type === 'image') parser.countImage();
  }
  return texts.join('\n');
}

/** More tokens than any request can hold, by three orders of magnitude: a recorded count above it is not a count. */
const MAX_RECORDED_TOKENS = 1e9;

function readUsage(value: unknown): RecordedUsage | undefined {
  if (!isObject(value)) return undefined;
  const number = (key: string): number => (typeof value[key] === 'number' ? (value[key] as number) : 0);
  if (typeof value.input_tokens !== 'number' && typeof value.output_tokens !== 'number') return undefined;
  // 1e308 summed to Infinity, a negative count to negative energy: an implausible record is not used
  // (the messages are then counted with the tokenizer, as for a log without usage).
  const fields = ['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'];
  if (fields.some((key) => key in value && !(typeof value[key] === 'number' && Number.isFinite(value[key]) && (value[key] as number) >= 0 && (value[key] as number) <= MAX_RECORDED_TOKENS))) return undefined;
  return {
    inputTokens: number('input_tokens'),
    outputTokens: number('output_tokens'),
    cacheReadInputTokens: number('cache_read_input_tokens'),
    cacheCreationInputTokens: number('cache_creation_input_tokens'),
  };
}

/** Streamed blocks repeat the usage; the output count only grows, so keep the largest. */
function maxUsage(a: RecordedUsage | undefined, b: RecordedUsage): RecordedUsage {
  if (!a) return b;
  return {
    inputTokens: Math.max(a.inputTokens, b.inputTokens),
    outputTokens: Math.max(a.outputTokens, b.outputTokens),
    cacheReadInputTokens: Math.max(a.cacheReadInputTokens, b.cacheReadInputTokens),
    cacheCreationInputTokens: Math.max(a.cacheCreationInputTokens, b.cacheCreationInputTokens),
  };
}

function appendText(message: Message, text: string): void {
  if (text === '') return;
  message.text = message.text === '' ? text : `${message.text}\n${text}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
