/**
 * Usage in Codex CLI rollout logs (`$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl`). Codex writes a
 * `token_count` event after each model response, with the response's own usage (`last_token_usage`)
 * and the session's running total (`total_token_usage`). The running total is Codex's own
 * accounting, so an event that leaves it unchanged is a repeat and is skipped (Codex sometimes
 * emits the same event twice); an event without `last_token_usage` counts the growth of the total.
 * The model comes from the latest `turn_context`. OpenAI counts cached input (and, in newer
 * clients' logs, cache writes) inside `input_tokens` and reasoning inside `output_tokens`; we split
 * the cached parts out (see usageRecord.ts). `token_usage_record` entries of newer clients repeat
 * the same usage per response and are not counted again.
 */
import { bump, countOf, isObject, parseTime, type Json, JsonLineUsageReader } from './usageLineReader';
import type { UsageRecord } from './usageRecord';

interface RawUsage {
  input: number;
  cached: number;
  /** Newer clients (0.169) also log cache writes, part of input_tokens like cached reads. */
  cacheWrite: number;
  output: number;
  reasoning: number;
  total: number;
}

interface CodexState {
  model?: string;
  previousTotal?: RawUsage;
  sessionId?: string;
  project?: string;
}

export class CodexUsageReader extends JsonLineUsageReader {
  readonly agent = 'codex' as const;
  private model: string | undefined;
  private previousTotal: RawUsage | undefined;

  constructor(state?: unknown) {
    super(state);
    if (isObject(state)) {
      const s = state as CodexState;
      this.model = typeof s.model === 'string' ? s.model : undefined;
      this.previousTotal = isObject(s.previousTotal) ? (s.previousTotal as RawUsage) : undefined;
    }
  }

  protected readEntry(entry: Json): UsageRecord[] {
    const type = typeof entry.type === 'string' ? entry.type : '(no type)';
    const payload = isObject(entry.payload) ? entry.payload : undefined;
    if (type === 'session_meta' && payload) {
      if (typeof payload.id === 'string') this.sessionId ??= payload.id;
      if (typeof payload.cwd === 'string') this.project ??= payload.cwd;
      bump(this.unneeded, type);
      return [];
    }
    if (type === 'turn_context' && payload) {
      const model = modelIn(payload);
      if (model) this.model = model;
      if (typeof payload.cwd === 'string') this.project ??= payload.cwd;
      bump(this.unneeded, type);
      return [];
    }
    if (type === 'compacted') {
      const time = parseTime(entry.timestamp);
      if (time !== undefined) this.compactions.push({ time });
      bump(this.unneeded, type);
      return [];
    }
    if (type !== 'event_msg' || !payload || payload.type !== 'token_count') {
      bump(this.unneeded, type === 'event_msg' && payload && typeof payload.type === 'string' ? `event_msg:${payload.type}` : type);
      return [];
    }
    const time = parseTime(entry.timestamp);
    const info = isObject(payload.info) ? payload.info : undefined;
    if (time === undefined || !info) {
      bump(this.unneeded, 'event_msg:token_count (no usage)');
      return [];
    }
    const last = rawUsage(info.last_token_usage);
    const total = rawUsage(info.total_token_usage);
    let raw = last;
    if (total) {
      if (this.previousTotal && sameUsage(total, this.previousTotal)) {
        bump(this.unneeded, 'event_msg:token_count (repeat)');
        return [];
      }
      raw ??= difference(total, this.previousTotal);
      this.previousTotal = total;
    }
    if (!raw || (raw.input === 0 && raw.cached === 0 && raw.output === 0 && raw.reasoning === 0)) {
      bump(this.unneeded, 'event_msg:token_count (empty)');
      return [];
    }
    const model = modelIn(info) ?? modelIn(payload) ?? this.model ?? 'unknown';
    this.model = model === 'unknown' ? this.model : model;
    const cached = Math.min(raw.cached, raw.input);
    const written = Math.min(raw.cacheWrite ?? 0, raw.input - cached);
    return [
      {
        time,
        model,
        tokens: { input: raw.input - cached - written, cacheCreation: written, cacheRead: cached, output: raw.output, reasoning: raw.reasoning },
      },
    ];
  }

  saveState(): CodexState {
    return { ...super.saveState(), model: this.model, previousTotal: this.previousTotal };
  }
}

function modelIn(record: Record<string, unknown>): string | undefined {
  for (const candidate of [record.model, record.model_name, isObject(record.metadata) ? record.metadata.model : undefined]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

function rawUsage(value: unknown): RawUsage | undefined {
  if (!isObject(value)) return undefined;
  const input = countOf(value.input_tokens);
  const output = countOf(value.output_tokens);
  return {
    input,
    cached: countOf(value.cached_input_tokens ?? value.cache_read_input_tokens),
    cacheWrite: countOf(value.cache_write_input_tokens),
    output,
    reasoning: countOf(value.reasoning_output_tokens),
    total: countOf(value.total_tokens) || input + output,
  };
}

function sameUsage(a: RawUsage, b: RawUsage): boolean {
  return a.input === b.input && a.cached === b.cached && a.cacheWrite === b.cacheWrite && a.output === b.output && a.reasoning === b.reasoning && a.total === b.total;
}

function difference(current: RawUsage, previous: RawUsage | undefined): RawUsage {
  const minus = (k: keyof RawUsage) => Math.max(0, current[k] - (previous?.[k] ?? 0));
  return { input: minus('input'), cached: minus('cached'), cacheWrite: minus('cacheWrite'), output: minus('output'), reasoning: minus('reasoning'), total: minus('total') };
}
