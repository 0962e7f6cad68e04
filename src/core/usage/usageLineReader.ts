/**
 * The contract of an agent log reader: it is fed the log's lines in order (possibly across several
 * runs, when an append-only file grew), keeps the little state the format needs between lines, and
 * can hand that state over for the cache so the next run resumes where this one stopped.
 */
import type { AgentId, CompactionMark, UsageRecord } from './usageRecord';

export interface UsageLineReader {
  readonly agent: AgentId;
  /** Reads one line (without its line break); returns the requests it recorded, if any. */
  pushLine(line: string): UsageRecord[];
  /** Compactions seen so far. */
  readonly compactions: CompactionMark[];
  /** Lines that are not JSON objects (a partly written last line is not fed until complete). */
  readonly malformedLines: number;
  /** Entries of the format that carry no usage, by type: counted, never reported as problems. */
  readonly unneeded: Record<string, number>;
  /** Session id the log states (else the file name is used). */
  readonly sessionId: string | undefined;
  /** Working directory / project the log states. */
  readonly project: string | undefined;
  /** The state to resume from after the lines read so far (JSON-serialisable). */
  saveState(): unknown;
}

export type Json = Record<string, unknown>;

/**
 * What every agent's JSON-lines log shares: blank lines skipped, a line that is not a JSON object
 * counted as malformed, the session id and project carried in the cached state. A reader adds how
 * its format records usage (`readEntry`) and any further state of its own.
 */
export abstract class JsonLineUsageReader implements UsageLineReader {
  abstract readonly agent: AgentId;
  readonly compactions: CompactionMark[] = [];
  readonly unneeded: Record<string, number> = {};
  malformedLines = 0;
  sessionId: string | undefined;
  project: string | undefined;

  constructor(state?: unknown) {
    if (isObject(state)) {
      if (typeof state.sessionId === 'string') this.sessionId = state.sessionId;
      if (typeof state.project === 'string') this.project = state.project;
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

  /** The requests one log entry records, if any. */
  protected abstract readEntry(entry: Json): UsageRecord[];

  saveState(): { sessionId?: string; project?: string } {
    return { sessionId: this.sessionId, project: this.project };
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

export function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}
