/**
 * Usage in Claude Code session logs (`<config>/projects/<project>/<session>.jsonl`). An entry counts
 * when it has a timestamp and `message.usage` with input and output token numbers, whatever its
 * type — the rule ccusage applies, so our totals equal its totals on the same logs. Claude Code
 * writes one line per content block of a reply, each repeating the reply's usage; like ccusage we
 * count the first line of each `message.id` + `requestId` pair (across all files) and skip the rest.
 * Lines of other kinds (user turns, attachments, modes, snapshots, summaries…) are counted by type.
 */
import { bump, countOf, isObject, type Json, JsonLineUsageReader } from './usageLineReader';
import type { UsageRecord } from './usageRecord';

/** The timestamp form Claude Code writes (and the only one ccusage accepts). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

export class ClaudeCodeUsageReader extends JsonLineUsageReader {
  readonly agent = 'claude-code' as const;

  protected readEntry(entry: Json): UsageRecord[] {
    if (this.sessionId === undefined && typeof entry.sessionId === 'string' && entry.sessionId !== '') this.sessionId = entry.sessionId;
    if (this.project === undefined && typeof entry.cwd === 'string' && entry.cwd !== '') this.project = entry.cwd;
    const type = typeof entry.type === 'string' ? entry.type : '(no type)';
    if (type === 'system' && entry.subtype === 'compact_boundary' && typeof entry.timestamp === 'string') {
      const time = Date.parse(entry.timestamp);
      if (!Number.isNaN(time)) this.compactions.push({ time });
    }
    const record = usageOf(entry);
    if (!record) {
      bump(this.unneeded, type);
      return [];
    }
    return [record];
  }
}

/** The request an entry records, under ccusage's validity rules, or undefined. */
function usageOf(entry: Record<string, unknown>): UsageRecord | undefined {
  const message = entry.message;
  if (!isObject(message) || !isObject(message.usage)) return undefined;
  const usage = message.usage;
  if (typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return undefined;
  if (!optionalNumber(usage.cache_creation_input_tokens) || !optionalNumber(usage.cache_read_input_tokens)) return undefined;
  if (typeof entry.timestamp !== 'string' || !ISO_TIMESTAMP.test(entry.timestamp)) return undefined;
  if (!optionalNonEmptyString(message.model) || !optionalNonEmptyString(message.id) || !optionalNonEmptyString(entry.requestId)) return undefined;
  if (!optionalNonEmptyString(entry.sessionId) || !optionalNumber(entry.costUSD)) return undefined;
  const model = typeof message.model === 'string' ? message.model : 'unknown';
  const record: UsageRecord = {
    time: Date.parse(entry.timestamp),
    model,
    tokens: {
      input: countOf(usage.input_tokens),
      output: countOf(usage.output_tokens),
      cacheCreation: countOf(usage.cache_creation_input_tokens),
      cacheRead: countOf(usage.cache_read_input_tokens),
      reasoning: 0,
    },
  };
  if (typeof message.id === 'string' && typeof entry.requestId === 'string') record.dedupKey = `${message.id}:${entry.requestId}`;
  return record;
}

function optionalNumber(value: unknown): boolean {
  return value === undefined || typeof value === 'number';
}

function optionalNonEmptyString(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length > 0);
}
